import { judgeHstsMaxAge } from "../../core/judges/web";
import { hstsUrn } from "./support/hsts";
import { plannedSites } from "./support/redirects";
import { type JudgedRule, judgedRule, zoneSubjects } from "./support/setting-rule";

/** The planned HSTS max-age, judged as the served one is (RFC 6797 §6.1.1). */
export const hstsMaxAge: JudgedRule = judgedRule("hsts.max_age", (resources) => {
  return zoneSubjects(plannedSites(resources), (s) => ({ verdict: judgeHstsMaxAge(s.hsts), urn: hstsUrn(s.zone) }));
});
