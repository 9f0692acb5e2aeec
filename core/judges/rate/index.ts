/** The judges of the rate-limit family (rate.*): one per checklist ID, pure. */
import type { CheckId } from "../../../checklist";
import { judgeRateEndpointsCovered } from "./endpoints-covered";
import { judgeRateLoginDefault } from "./login-default";
import { judgeRatePlanFit } from "./plan-fit";
import { judgeRateProbe } from "./probe";

export const RATE_JUDGES: Partial<Record<CheckId, (...args: never[]) => unknown>> = {
  "rate.plan_fit": judgeRatePlanFit,
  "rate.endpoints_covered": judgeRateEndpointsCovered,
  "rate.login_default": judgeRateLoginDefault,
  "rate.login": judgeRateProbe,
  "rate.reset": judgeRateProbe,
  "rate.invite": judgeRateProbe,
  "rate.search": judgeRateProbe,
};

export { judgeRateEndpointsCovered, judgeRateLoginDefault, judgeRatePlanFit };
export type { EndpointsCoveredInput } from "./endpoints-covered";
export type { LoginDefaultInput } from "./login-default";
export type { PlanFitInput } from "./plan-fit";
export { judgeRateProbe, plannedSlack, probeBurst, type RateProbeId, type RateProbeInput } from "./probe";
