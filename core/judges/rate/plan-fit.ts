import { judged, notApplicable, type Verdict } from "../../judge";
import { planFitProblems, type RateRuleFacts } from "../../rate-limits/fit";
import { PLAN_FACTS, planName, RATE_LIMIT_FACTS_DATE } from "../../rate-limits/plan-facts";
import type { CloudflarePlan } from "../../spec";

export interface PlanFitInput {
  /** The zone, for the facts. */
  readonly zone: string;
  readonly plan: CloudflarePlan;
  /** The zone's `http_ratelimit` rules. */
  readonly rules: readonly RateRuleFacts[];
}

/** rate.plan_fit: the rules are ones the zone's plan accepts (rule count, periods, timeouts, fields, characteristics). */
export function judgeRatePlanFit(input: PlanFitInput): Verdict {
  if (input.rules.length === 0) return notApplicable(`${input.zone} has no rate limiting rules.`);
  const problems = planFitProblems(input.plan, input.rules);
  if (problems.length > 0) return judged("rate.plan_fit", "exceeds-plan", problems.map((p) => `${input.zone}: ${p}`));
  return judged("rate.plan_fit", "fits-plan", [
    `${input.zone}: ${input.rules.length} of ${PLAN_FACTS[input.plan].maxRules} rate limiting rule(s), each within ${planName(input.plan)}'s periods, timeouts, fields and characteristics (plan facts of ${RATE_LIMIT_FACTS_DATE})`,
  ]);
}
