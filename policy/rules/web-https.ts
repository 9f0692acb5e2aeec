import { judgeWebHttps } from "../../core/judges/web";
import { plannedSites, siteUrn } from "./support/redirects";
import { type JudgedRule, judgedRule, zoneSubjects } from "./support/setting-rule";

/**
 * The apex and www each answer over HTTPS, as the auditor checks them after apply: a proxied record answers from
 * the edge (served or redirected, unless SSL is `off`), a name without a web record does not answer at all.
 */
export const webHttps: JudgedRule = judgedRule("web.https", (resources) => {
  return zoneSubjects(plannedSites(resources), (s) => ({ verdict: judgeWebHttps({ apex: s.apexHttps, www: s.wwwHttps }), urn: siteUrn(s, s.apex) }));
});
