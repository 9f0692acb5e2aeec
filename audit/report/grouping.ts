import { checkDefinition, SCORECARD_ROW_IDS, SCORECARD_ROWS, type ScorecardRow } from "../../checklist";
import type { CheckResult, DomainReport } from "../types";

export interface RowGroup {
  readonly row: ScorecardRow;
  readonly checks: readonly CheckResult[];
}

/** A domain's results grouped by scorecard row, rows in scorecard order, checks in report order. */
export function groupByRow(domain: DomainReport): RowGroup[] {
  return SCORECARD_ROW_IDS.map((id) => ({
    row: SCORECARD_ROWS[id],
    checks: domain.checks.filter((c) => checkDefinition(c.id).row === id),
  })).filter((g) => g.checks.length > 0);
}

/** Rows the auditor cannot prove: named in every report, never shown as passing. */
export function outOfScopeRows(): ScorecardRow[] {
  return SCORECARD_ROW_IDS.map((id) => SCORECARD_ROWS[id]).filter((r) => r.outOfScope !== undefined);
}

export function countsLine(counts: Readonly<Record<string, number>>): string {
  return ["pass", "warn", "fail", "info", "error", "skip"].map((s) => `${counts[s] ?? 0} ${s}`).join(", ");
}

/** A domain's checks split into those to show one by one and those another check blocked, by blocker. */
export function splitBlocked(domain: DomainReport): { readonly shown: readonly CheckResult[]; readonly blockedBy: ReadonlyMap<string, readonly CheckResult[]> } {
  const blockedBy = new Map<string, CheckResult[]>();
  const shown: CheckResult[] = [];
  for (const c of domain.checks) {
    if (c.blockedBy === undefined) shown.push(c);
    else blockedBy.set(c.blockedBy, [...(blockedBy.get(c.blockedBy) ?? []), c]);
  }
  return { shown, blockedBy };
}

/** One line for the checks a check blocked: how many, and the status each still carries (never a pass). */
export function blockedLine(blocker: string, checks: readonly CheckResult[]): string {
  const statuses = [...new Set(checks.map((c) => c.status))].join(" or ");
  return `${checks.length} other check${checks.length === 1 ? "" : "s"} not run, blocked by ${blocker} (reported as ${statuses}; --json names them)`;
}
