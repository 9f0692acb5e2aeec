/**
 * Spec rules: checklist IDs judged before apply from the stack config itself rather than from planned resources
 * (the route inventory is config, not a resource). The offline preview runs them beside the plan rules; the
 * CrossGuard pack cannot (policies see resources, not the stack config).
 */
import type { CheckId } from "../checklist";
import type { LaunchReadySpec } from "../core/spec";
import type { PlanRule, RuleVerdict } from "./rule";
import { routesInventory } from "./rules/routes-inventory";

export interface SpecRule {
  readonly id: CheckId;
  evaluate(spec: LaunchReadySpec): RuleVerdict;
}

export const SPEC_RULES: readonly SpecRule[] = [routesInventory];

/**
 * The spec rules bound to one stack's spec, shaped as plan rules so `buildScorecard` folds them in with the rest:
 * `buildScorecard([...PLAN_RULES, ...specPlanRules(config.value)], …)`. None without a valid spec.
 */
export function specPlanRules(spec: LaunchReadySpec | undefined): PlanRule[] {
  if (spec === undefined) return [];
  return SPEC_RULES.map((r) => ({ id: r.id, evaluate: () => r.evaluate(spec) }));
}
