import { judgeHstsMaxAge } from "../../core/judges/web";
import type { PlanRule } from "../rule";
import { hstsUrn } from "./support/hsts";
import { plannedSites } from "./support/redirects";
import { zoneVerdicts } from "./support/setting-rule";

/** The planned HSTS max-age, judged as the served one is (RFC 6797 §6.1.1). */
export const hstsMaxAge: PlanRule = {
  id: "hsts.max_age",
  evaluate(resources) {
    return zoneVerdicts(plannedSites(resources), (s) => ({ verdict: judgeHstsMaxAge(s.hsts), urn: hstsUrn(s.zone) }));
  },
};
