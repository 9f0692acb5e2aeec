/**
 * Adapts the plan rules to CrossGuard: each rule becomes one stack policy named after its checklist ID, so
 * `pulumi preview --policy-pack policy` reports the same IDs as the offline preview and the auditor.
 */
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { CHECKS } from "../checklist";
import type { PlannedResource } from "./resource";
import type { PlanRule } from "./rule";

/** CrossGuard hands policies unwrapped secrets and hides `retainOnDelete`/`import`: say so in the shape. */
export function fromPolicyResource(r: PolicyResource): PlannedResource {
  const propertyDependencies: Record<string, string[]> = {};
  for (const [key, deps] of Object.entries(r.propertyDependencies)) propertyDependencies[key] = deps.map((d) => d.urn);
  return {
    type: r.type,
    name: r.name,
    urn: r.urn,
    ...(r.parent !== undefined ? { parentUrn: r.parent.urn } : {}),
    inputs: r.props,
    propertyDependencies,
    options: {
      protect: r.opts.protect,
      ignoreChanges: r.opts.ignoreChanges,
      ...(r.opts.deleteBeforeReplace !== undefined ? { deleteBeforeReplace: r.opts.deleteBeforeReplace } : {}),
    },
  };
}

export function toStackPolicy(rule: PlanRule): StackValidationPolicy {
  const def = CHECKS[rule.id];
  return {
    name: rule.id,
    description: `${def.title}. Why: ${def.why}`,
    enforcementLevel: def.severity,
    validateStack: (args, reportViolation) => {
      // Unknown values throw UnknownValueError through the engine's proxy: CrossGuard reports them as unknowable.
      const verdict = rule.evaluate(args.resources.map(fromPolicyResource));
      if (verdict.status === "not-applicable" || verdict.status === "cannot-tell") args.notApplicable(verdict.message);
      if (verdict.status !== "fail") return;
      for (const v of verdict.violations) {
        const message = `${v.message}\nFix: ${def.remediation}`;
        if (v.urn !== undefined) reportViolation(message, v.urn);
        else reportViolation(message);
      }
    },
  };
}
