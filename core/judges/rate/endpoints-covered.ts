import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";
import { expressionMatches } from "../../rate-limits/match";
import type { RateLimitRequest } from "../../rate-limits/request";

export interface EndpointsCoveredInput {
  readonly zone: string;
  /** The endpoints asked for. */
  readonly requested: readonly Pick<RateLimitRequest, "name" | "match" | "methods">[];
  /** The zone's rate limiting rules: ref and expression. */
  readonly rules: readonly { readonly ref: string; readonly expression: string }[];
}

const ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * rate.endpoints_covered: every requested endpoint is matched by a rule, for each method it asks to count (every
 * method when it names none) and, for a prefix, a path under it. An expression outside the readable subset is
 * "cannot tell", never covered.
 */
export function judgeRateEndpointsCovered(input: EndpointsCoveredInput): Verdict {
  if (input.requested.length === 0) return notApplicable(`${input.zone} asks for no rate limits.`);
  const uncovered: string[] = [];
  const unreadable = new Set<string>();
  const covered: string[] = [];
  for (const e of input.requested) {
    const paths = "path" in e.match ? [e.match.path] : [e.match.prefix, `${e.match.prefix}x`];
    const methods = e.methods.length > 0 ? e.methods : ALL_METHODS;
    let all = true;
    let unsure = false;
    for (const path of paths) {
      for (const method of methods) {
        const results = input.rules.map((r) => ({ ref: r.ref, m: expressionMatches(r.expression, { path, method }) }));
        if (results.some((x) => x.m === true)) continue;
        for (const x of results.filter((y) => y.m === undefined)) unreadable.add(x.ref);
        if (results.some((x) => x.m === undefined)) unsure = true;
        else all = false;
      }
    }
    const what = `${e.name} (${"path" in e.match ? e.match.path : `${e.match.prefix}*`}${e.methods.length > 0 ? ` ${e.methods.join("/")}` : ""})`;
    if (!all) uncovered.push(what);
    else if (!unsure) covered.push(what);
  }
  if (uncovered.length > 0) return judged("rate.endpoints_covered", "uncovered", [`${input.zone}: no rate limiting rule matches ${uncovered.join(", ")}`]);
  if (unreadable.size > 0) return cannotTell(`${input.zone}: rule(s) ${[...unreadable].join(", ")} use expressions the check cannot read, so whether they cover every endpoint is not known`);
  return judged("rate.endpoints_covered", "covered", [`${input.zone}: every endpoint asked for is matched by a rule: ${covered.join(", ")}`]);
}
