/**
 * Adapts the plan rules to CrossGuard: each rule becomes a stack policy named after its checklist ID, so
 * `pulumi preview --policy-pack policy` reports the same IDs as the offline preview and the auditor.
 *
 * `@pulumi/policy` gives a policy one enforcement level, and its public `reportViolation(message, urn)` cannot
 * lower it per violation (the object form is marked internal in 1.21.0). So a mandatory ID whose checklist entry
 * declares a `warn` outcome gets a companion policy, `<id>/warn`, at the advisory level: warnings go there and
 * never block, while fails of the ID itself stay mandatory. An advisory ID needs none: all it reports is advisory.
 *
 * Acknowledgements (`launch-ready:acknowledge` in the stack file) work the same way: a mandatory ID's failure that
 * the stack acknowledges, in date, is reported on `<id>/acknowledged` (advisory) with its reason and end date, so
 * it shows without blocking; once expired it is back on the mandatory policy. The stack is the one every URN names.
 */
import type { PolicyResource, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { CHECKS, type CheckDefinition, type CheckId } from "../checklist";
import { acknowledgementFor, type AcknowledgementState } from "../core/acknowledge";
import { stackAcknowledgements } from "./acknowledgements";
import type { PlannedResource } from "./resource";
import type { PlanRule, RuleVerdict, Violation } from "./rule";
import { evaluateRule } from "./scorecard";

/** The companion policy that carries the warnings of a mandatory ID. */
export function warnPolicyName(id: string): string {
  return `${id}/warn`;
}

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
      ...(r.provider !== undefined && !r.provider.name.startsWith("default") ? { providerUrn: r.provider.urn } : {}),
    },
  };
}

/** The companion policy that carries a mandatory ID's acknowledged failures. */
export function acknowledgedPolicyName(id: string): string {
  return `${id}/acknowledged`;
}

function acknowledgement(args: StackValidationArgs, id: CheckId): AcknowledgementState | undefined {
  const urn = args.resources[0]?.urn;
  return urn === undefined ? undefined : acknowledgementFor(stackAcknowledgements(urn), id, new Date());
}

function declaresWarn(def: CheckDefinition): boolean {
  return Object.values(def.outcomes ?? {}).some((o) => o.status === "warn");
}

/** Runs the rule exactly as the offline preview does (unknown values → cannot tell, with the same message). */
function judge(rule: PlanRule, args: StackValidationArgs): RuleVerdict {
  return evaluateRule(rule, args.resources.map(fromPolicyResource));
}

/** Not applicable and cannot tell both leave the policy unjudged; the reason says which, never a pass. */
function stepAside(args: StackValidationArgs, verdict: RuleVerdict): void {
  if (verdict.status === "not-applicable") args.notApplicable(verdict.message);
  if (verdict.status === "cannot-tell") args.notApplicable(`Cannot tell before apply: ${verdict.message}`);
}

/** The rule's message states the facts; the checklist's remediation is appended here, once. */
function report(def: CheckDefinition, violations: readonly Violation[], reportViolation: (message: string, urn?: string) => void): void {
  for (const v of violations) {
    const message = `${v.message}\nFix: ${def.remediation}`;
    if (v.urn !== undefined) reportViolation(message, v.urn);
    else reportViolation(message);
  }
}

/**
 * The CrossGuard policies for one rule: the ID's own policy at the checklist's severity, plus `<id>/warn` when the
 * ID is mandatory and can warn. `def` defaults to the checklist entry (tests pass a variant).
 */
export function toStackPolicies(rule: PlanRule, def: CheckDefinition = CHECKS[rule.id]): StackValidationPolicy[] {
  const description = `${def.title}. Why: ${def.why}`;
  const companion = def.severity === "mandatory" && declaresWarn(def);
  const own: StackValidationPolicy = {
    name: rule.id,
    description,
    enforcementLevel: def.severity,
    remediationSteps: def.remediation,
    validateStack: (args, reportViolation) => {
      const verdict = judge(rule, args);
      stepAside(args, verdict);
      if (verdict.status === "fail") {
        const ack = def.severity === "mandatory" ? acknowledgement(args, rule.id) : undefined;
        if (ack?.kind === "active") return; // reported on <id>/acknowledged, advisory
        const expired = ack?.kind === "expired" ? ` (its acknowledgement expired on ${ack.ack.until}: it counts again)` : "";
        report(def, verdict.violations.map((v) => ({ ...v, message: `${v.message}${expired}` })), reportViolation);
      }
      if (verdict.status !== "warn") return;
      if (def.severity === "advisory") report(def, verdict.violations, reportViolation);
      // A warning reported on a mandatory policy would block the update: refuse loudly rather than block.
      else if (!companion) {
        throw new Error(
          `${rule.id} returned a warning, but checklist/catalog declares no "warn" outcome for it, so the pack has no advisory ` +
            `${warnPolicyName(rule.id)} policy to report it on. Declare the outcome in the ${rule.id} entry.`,
        );
      }
    },
  };
  const acknowledged: StackValidationPolicy = {
    name: acknowledgedPolicyName(rule.id),
    description: `${def.title} (failures the stack acknowledges, in date: advisory, never blocks). Why: ${def.why}`,
    enforcementLevel: "advisory",
    remediationSteps: def.remediation,
    validateStack: (args, reportViolation) => {
      const verdict = judge(rule, args);
      // Silent unless an acknowledged failure is there: the ID's own policy says everything else.
      if (verdict.status !== "fail") return;
      const ack = acknowledgement(args, rule.id);
      if (ack?.kind !== "active") return;
      report(def, verdict.violations.map((v) => ({ ...v, message: `${v.message} (acknowledged until ${ack.ack.until}: ${ack.ack.reason})` })), reportViolation);
    },
  };
  const extras = def.severity === "mandatory" ? [acknowledged] : [];
  if (!companion) return [own, ...extras];
  const warn: StackValidationPolicy = {
    name: warnPolicyName(rule.id),
    description: `${def.title} (warnings only: advisory, never blocks). Why: ${def.why}`,
    enforcementLevel: "advisory",
    remediationSteps: def.remediation,
    validateStack: (args, reportViolation) => {
      const verdict = judge(rule, args);
      stepAside(args, verdict);
      if (verdict.status === "warn") report(def, verdict.violations, reportViolation);
    },
  };
  return [own, warn, ...extras];
}
