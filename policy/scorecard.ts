/**
 * Runs the plan rules over planned resources and folds the verdicts into the launch scorecard: one entry per
 * rule, one row per scorecard row (rows no rule covers yet, and application rows, say so and never pass).
 */
import { CHECKS, NOT_PROVISIONED_YET, SCORECARD_ROW_IDS, SCORECARD_ROWS, type CheckId, type ScorecardRowId, type Severity } from "../checklist";
import { unknownCheckingProxy } from "@pulumi/policy";
import { acknowledgementFor, type Acknowledgement } from "../core/acknowledge";
import { SCANNED_IDS } from "../scan";
import type { PlannedResource } from "./resource";
import type { ProbedRow } from "./probe-rows";
import type { PlanRule, RuleVerdict } from "./rule";
import { isUnknownValueError } from "./unknowns";

export type PlanCheckStatus = "pass" | "info" | "warn" | "fail" | "not-applicable" | "cannot-tell";

export interface PlanCheckResult {
  readonly id: CheckId;
  readonly title: string;
  readonly status: PlanCheckStatus;
  readonly scorecardRow: string;
  readonly severity: Severity;
  readonly message: string;
  /** Why it matters; set on failures and warnings. */
  readonly why?: string;
  /** How to fix it; set on failures and warnings. */
  readonly remediation?: string;
  /** Names of the resources the verdict is about. */
  readonly resources: readonly string[];
  /**
   * Set on a failing or warning check the stack acknowledges (`launch-ready:acknowledge`). An active one keeps the
   * status as it is but no longer blocks; an expired one is shown and blocks again.
   */
  readonly acknowledgement?: { readonly reason: string; readonly until: string; readonly active: boolean };
}

export type RowStatus = "pass" | "warn" | "fail" | "acknowledged" | "not-applicable" | "not-covered" | "out-of-scope";

export interface ScorecardRowResult {
  readonly row: ScorecardRowId;
  readonly title: string;
  readonly status: RowStatus;
  readonly note: string;
  readonly checks: readonly CheckId[];
  /** IDs of this row that nothing judges yet (`checklist/not-provisioned.ts`): unchecked, never passing. */
  readonly notProvisioned: readonly CheckId[];
}

export interface Scorecard {
  readonly checks: readonly PlanCheckResult[];
  readonly rows: readonly ScorecardRowResult[];
  /** True when a mandatory check fails: the launch is blocked. */
  readonly blocked: boolean;
}

/** Rules see inputs through `unknownCheckingProxy`, exactly as under `pulumi preview --policy-pack`. */
export function evaluateRule(rule: PlanRule, resources: readonly PlannedResource[]): RuleVerdict {
  return evaluateProxied(rule, proxyInputs(resources));
}

function proxyInputs(resources: readonly PlannedResource[]): PlannedResource[] {
  return resources.map((r) => ({ ...r, inputs: unknownCheckingProxy(r.inputs) as Readonly<Record<string, unknown>> }));
}

function evaluateProxied(rule: PlanRule, proxied: readonly PlannedResource[]): RuleVerdict {
  try {
    return rule.evaluate(proxied);
  } catch (err) {
    if (isUnknownValueError(err)) {
      return { status: "cannot-tell", message: `Cannot be decided before apply: ${err.message}. \`pulumi up\` then \`launch-ready audit\` will check it.` };
    }
    throw err;
  }
}

/**
 * @param unprovisioned rows whose config the stack declares but this version does not provision yet, with the
 *   config paths: such a row is `not-covered`, never `not-applicable`.
 * @param probed application rows a probe report verified (`policy/probe-rows.ts`): such a row shows the probe's
 *   result (a failing plan check of the row still fails it) instead of "out of scope"; without it, "not verified".
 */
export function buildScorecard(
  rules: readonly PlanRule[],
  resources: readonly PlannedResource[],
  unprovisioned: ReadonlyMap<ScorecardRowId, readonly string[]> = new Map(),
  acknowledged: { readonly acknowledgements: readonly Acknowledgement[]; readonly now: Date } = { acknowledgements: [], now: new Date() },
  probed: ReadonlyMap<ScorecardRowId, ProbedRow> = new Map(),
): Scorecard {
  const nameOf = new Map(resources.map((r) => [r.urn, r.name]));
  // One proxied array for every rule: what the rules' support derives from it (zones, sites, chains) is derived
  // once per scorecard (policy/rules/support/memo.ts), so the scorecard is linear in the resources.
  const proxied = proxyInputs(resources);
  const judged = rules.map((rule): PlanCheckResult => {
    const def = CHECKS[rule.id];
    const verdict = evaluateProxied(rule, proxied);
    const base = { id: rule.id, title: def.title, scorecardRow: SCORECARD_ROWS[def.row].title, severity: def.severity };
    switch (verdict.status) {
      case "pass":
      case "info":
        return { ...base, status: verdict.status, message: verdict.message, resources: verdict.urns.map((u) => nameOf.get(u) ?? u) };
      case "not-applicable":
      case "cannot-tell":
        return { ...base, status: verdict.status, message: verdict.message, resources: [] };
      case "warn":
      case "fail":
        return {
          ...base,
          status: verdict.status,
          message: verdict.violations.map((v) => v.message).join("\n"),
          why: def.why,
          remediation: def.remediation,
          resources: verdict.violations.flatMap((v) => (v.urn === undefined ? [] : [nameOf.get(v.urn) ?? v.urn])),
        };
    }
  });
  const checks = judged.map((c): PlanCheckResult => {
    if (c.status !== "fail" && c.status !== "warn") return c;
    const ack = acknowledgementFor(acknowledged.acknowledgements, c.id, acknowledged.now);
    return ack === undefined ? c : { ...c, acknowledgement: { reason: ack.ack.reason, until: ack.ack.until, active: ack.kind === "active" } };
  });
  const open = (c: PlanCheckResult): boolean => c.acknowledgement?.active !== true;
  const rows = SCORECARD_ROW_IDS.map((row): ScorecardRowResult => {
    const meta = SCORECARD_ROWS[row];
    const mine = checks.filter((c) => CHECKS[c.id].row === row);
    const ids = mine.map((c) => c.id);
    const notProvisioned = NOT_PROVISIONED_YET.filter((id) => CHECKS[id].row === row);
    const unchecked = notProvisioned.length > 0 ? ` Not judged yet: ${notProvisioned.join(", ")}.` : "";
    const probe = probed.get(row);
    if (meta.outOfScope !== undefined && probe !== undefined) {
      const failing = mine.filter((c) => c.status === "fail" && open(c));
      const warning = mine.filter((c) => c.status === "warn" && open(c));
      if (failing.length > 0) return { row, title: meta.title, status: "fail", note: `${probe.note} Before apply, ${failing.map((c) => c.id).join(", ")} fail(s).`, checks: ids, notProvisioned };
      if (warning.length > 0 && probe.status === "pass") return { row, title: meta.title, status: "warn", note: `${probe.note} Before apply, ${warning.map((c) => c.id).join(", ")} warn(s).`, checks: ids, notProvisioned };
      return { row, title: meta.title, status: probe.status, note: probe.note, checks: ids, notProvisioned };
    }
    if (meta.outOfScope !== undefined) {
      return { row, title: meta.title, status: "out-of-scope", note: `Not proven by the toolkit: ${meta.outOfScope}.`, checks: ids, notProvisioned };
    }
    const declared = unprovisioned.get(row);
    if (declared !== undefined && !mine.some((c) => c.status === "fail")) {
      return { row, title: meta.title, status: "not-covered", note: `Declared in ${declared.join(", ")}, but this version does not provision it yet: unchecked, not passing.${unchecked}`, checks: ids, notProvisioned };
    }
    if (mine.length === 0) {
      return { row, title: meta.title, status: "not-covered", note: `No pre-apply check covers this row yet in this version: it is not passing, it is unchecked.${unchecked}`, checks: ids, notProvisioned };
    }
    const failed = mine.filter((c) => c.status === "fail" && open(c));
    if (failed.length > 0) return { row, title: meta.title, status: "fail", note: `${failed.length} of ${mine.length} check(s) fail.`, checks: ids, notProvisioned };
    const warned = mine.filter((c) => c.status === "warn" && open(c));
    if (warned.length > 0) return { row, title: meta.title, status: "warn", note: `${warned.length} of ${mine.length} check(s) warn.`, checks: ids, notProvisioned };
    const accepted = mine.filter((c) => (c.status === "fail" || c.status === "warn") && !open(c));
    if (accepted.length > 0) {
      const until = accepted.map((c) => `${c.id} until ${c.acknowledgement?.until ?? "?"}`).join(", ");
      return { row, title: meta.title, status: "acknowledged", note: `Knowingly shipped with exceptions, not passing: ${until}.${unchecked}`, checks: ids, notProvisioned };
    }
    const passed = mine.filter((c) => c.status === "pass" || c.status === "info");
    if (passed.length === 0) return { row, title: meta.title, status: "not-applicable", note: "Nothing in this stack falls under this row.", checks: ids, notProvisioned };
    const coveredIds = new Set(ids);
    // Judged after apply, or on the repository; what nothing judges yet is said apart ("Not judged yet").
    const elsewhere = Object.values(CHECKS).filter((d) => d.row === row && !coveredIds.has(d.id as CheckId) && !notProvisioned.includes(d.id as CheckId));
    const scanned = elsewhere.filter((d) => SCANNED_IDS.some((s) => s.id === d.id));
    const live = elsewhere.length - scanned.length;
    const after = [
      ...(live > 0 ? [`${live} more of this row are checked live by \`launch-ready audit\` only`] : []),
      ...scanned.map((d) => `${d.id} is checked on the repository by \`${SCANNED_IDS.find((s) => s.id === d.id)?.command ?? "launch-ready scan"}\``),
    ];
    const note = `${passed.length} of ${mine.length} check(s) pass${after.length > 0 ? `; ${after.join("; ")}` : ""}.`;
    // A row with requirements nothing judges yet is not proven, whatever the rest says: never a passing row.
    if (notProvisioned.length > 0) return { row, title: meta.title, status: "not-covered", note: `${note}${unchecked}`, checks: ids, notProvisioned };
    return { row, title: meta.title, status: "pass", note, checks: ids, notProvisioned };
  });
  return { checks, rows, blocked: checks.some((c) => c.status === "fail" && c.severity === "mandatory" && open(c)) };
}
