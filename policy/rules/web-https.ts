import { judgeWebHttps } from "../../core/judges/web";
import type { PlanRule } from "../rule";
import { plannedSites, siteUrn } from "./support/redirects";
import { zoneVerdicts } from "./support/setting-rule";

/**
 * The apex and www each answer over HTTPS, as the auditor checks them after apply: a proxied record answers from
 * the edge (served or redirected, unless SSL is `off`), a name without a web record does not answer at all.
 */
export const webHttps: PlanRule = {
  id: "web.https",
  evaluate(resources) {
    return zoneVerdicts(plannedSites(resources), (s) => ({ verdict: judgeWebHttps({ apex: s.apexHttps, www: s.wwwHttps }), urn: siteUrn(s, s.apex) }));
  },
};
