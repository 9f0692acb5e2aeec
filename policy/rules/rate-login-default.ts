import { judgeRateLoginDefault } from "../../core/judges/rate";
import { expressionMatches } from "../../core/rate-limits/match";
import { NO_RATE_LIMITS, plannedRateZones } from "./support/rate-limits";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/**
 * The login endpoint's planned limit is no looser than the default. The limit is read from the planned rule that
 * matches login's path and method (the strictest, when several do), never from what was asked.
 */
export const rateLoginDefault: JudgedRule = judgedRule(
  "rate.login_default",
  (resources) =>
    plannedRateZones(resources).flatMap((z) => {
      const login = z.endpoints?.find((e) => e.name === "login");
      if (login === undefined) return [];
      const path = "path" in login.match ? login.match.path : login.match.prefix;
      const method = login.methods[0] ?? "POST";
      const matching = z.rules.filter((r) => expressionMatches(r.expression, { path, method }) === true);
      const strictest = matching.sort((a, b) => a.requestsPerPeriod / a.period - b.requestsPerPeriod / b.period)[0];
      return [
        {
          verdict: judgeRateLoginDefault({ zone: z.label, login: strictest !== undefined ? { requests: strictest.requestsPerPeriod, periodSeconds: strictest.period } : null }),
          urn: z.urn,
        },
      ];
    }),
  NO_RATE_LIMITS,
);
