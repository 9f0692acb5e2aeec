import { judgeHstsIncludeSubdomains } from "../../core/judges/web";
import type { PlanRule } from "../rule";
import { hstsUrn } from "./support/hsts";
import { plannedSites } from "./support/redirects";
import { zoneVerdicts } from "./support/setting-rule";

/** The planned HSTS policy covers subdomains (RFC 6797 §6.1.2), judged as the served one is. */
export const hstsIncludeSubdomains: PlanRule = {
  id: "hsts.include_subdomains",
  evaluate(resources) {
    return zoneVerdicts(plannedSites(resources), (s) => ({ verdict: judgeHstsIncludeSubdomains(s.hsts), urn: hstsUrn(s.zone) }));
  },
};
