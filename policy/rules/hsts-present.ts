import { judgeHstsPresent } from "../../core/judges/web";
import type { PlanRule } from "../rule";
import { hstsUrn } from "./support/hsts";
import { plannedSites } from "./support/redirects";
import { zoneVerdicts } from "./support/setting-rule";

/** The apex's HTTPS answer will carry one valid Strict-Transport-Security header (the `security_header` setting). */
export const hstsPresent: PlanRule = {
  id: "hsts.present",
  evaluate(resources) {
    return zoneVerdicts(plannedSites(resources), (s) => ({ verdict: judgeHstsPresent(s.hsts), urn: hstsUrn(s.zone) }));
  },
};
