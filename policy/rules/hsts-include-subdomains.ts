import { judgeHstsIncludeSubdomains } from "../../core/judges/web";
import { hstsUrn } from "./support/hsts";
import { plannedSites } from "./support/redirects";
import { type JudgedRule, judgedRule, zoneSubjects } from "./support/setting-rule";

/** The planned HSTS policy covers subdomains (RFC 6797 §6.1.2), judged as the served one is. */
export const hstsIncludeSubdomains: JudgedRule = judgedRule("hsts.include_subdomains", (resources) => {
  return zoneSubjects(plannedSites(resources), (s) => ({ verdict: judgeHstsIncludeSubdomains(s.hsts), urn: hstsUrn(s.zone) }));
});
