import { cannotTell } from "../../core/judge";
import { judgeRateEndpointsCovered } from "../../core/judges/rate";
import { NO_RATE_LIMITS, plannedRateZones } from "./support/rate-limits";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** Each endpoint the zone asks to protect is matched by one of its planned rate limiting rules. */
export const rateEndpointsCovered: JudgedRule = judgedRule(
  "rate.endpoints_covered",
  (resources) =>
    plannedRateZones(resources).map((z) => ({
      verdict: z.endpoints === undefined ? cannotTell(`${z.label}: an http_ratelimit ruleset made outside launch-ready's RateLimits, so which endpoints it should cover is not known`) : judgeRateEndpointsCovered({ zone: z.label, requested: z.endpoints, rules: z.rules }),
      urn: z.urn,
    })),
  NO_RATE_LIMITS,
);
