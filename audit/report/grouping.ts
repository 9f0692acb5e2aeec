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
