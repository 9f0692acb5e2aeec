import { cannotTell } from "../../core/judge";
import { judgeRatePlanFit } from "../../core/judges/rate";
import { NO_RATE_LIMITS, plannedRateZones } from "./support/rate-limits";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** The planned rate limiting rules are ones the zone's plan accepts: refused at preview, not at `pulumi up`. */
export const ratePlanFit: JudgedRule = judgedRule(
  "rate.plan_fit",
  (resources) =>
    plannedRateZones(resources).map((z) => ({
      verdict: z.plan === undefined ? cannotTell(`${z.label}: an http_ratelimit ruleset made outside launch-ready's RateLimits, so the zone's plan is not known`) : judgeRatePlanFit({ zone: z.label, plan: z.plan, rules: z.rules }),
      urn: z.urn,
    })),
  NO_RATE_LIMITS,
);
