import { judgeHstsPresent } from "../../core/judges/web";
import { hstsUrn } from "./support/hsts";
import { plannedSites } from "./support/redirects";
import { type JudgedRule, judgedRule, zoneSubjects } from "./support/setting-rule";

/** The apex's HTTPS answer will carry one valid Strict-Transport-Security header (the `security_header` setting). */
export const hstsPresent: JudgedRule = judgedRule("hsts.present", (resources) => {
  return zoneSubjects(plannedSites(resources), (s) => ({ verdict: judgeHstsPresent(s.hsts), urn: hstsUrn(s.zone) }));
});
