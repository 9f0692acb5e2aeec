import { judged, notApplicable, type Verdict } from "../../judge";
import { isLooser } from "../../rate-limits/planner";
import { LOGIN_DEFAULT } from "../../rate-limits/presets";

export interface LoginDefaultInput {
  readonly zone: string;
  /**
   * The limit the login endpoint gets; `null` when the zone asks for `login` but no rule matches it (no limit at all);
   * undefined when the zone has no endpoint named `login`.
   */
  readonly login?: { readonly requests: number; readonly periodSeconds: number } | null;
}

/**
 * rate.login_default: login allows no more than the default (5 requests per 10 s per IP): no bigger burst and no
 * higher rate. A looser limit fails unless acknowledged (`launch-ready:acknowledge`), with the reason on record.
 */
export function judgeRateLoginDefault(input: LoginDefaultInput): Verdict {
  if (input.login === undefined) return notApplicable(`${input.zone} rate-limits no endpoint named \`login\`.`);
  if (input.login === null) return judged("rate.login_default", "looser", [`${input.zone}: no rate limiting rule matches the login endpoint, so login is not limited at all`]);
  const l = input.login;
  const text = `${input.zone}: login allows ${l.requests} request(s) per ${l.periodSeconds} s per IP (default ${LOGIN_DEFAULT.requests} per ${LOGIN_DEFAULT.periodSeconds} s)`;
  return judged("rate.login_default", isLooser(l, LOGIN_DEFAULT) ? "looser" : "within-default", [text]);
}
