import type { CheckDefinition, ScorecardRowId, Severity } from "../types";

type Entry = Omit<CheckDefinition, "id" | "row" | "severity"> & { severity?: Severity };

/** Builds the definitions of one scorecard row; `mandatory` unless an entry says otherwise. */
export function defineRow<const K extends string>(
  row: ScorecardRowId,
  entries: Record<K, Entry>,
): Record<K, CheckDefinition> {
  const out = {} as Record<K, CheckDefinition>;
  for (const id of Object.keys(entries) as K[]) {
    const { severity = "mandatory", ...rest } = entries[id];
    out[id] = { id, row, severity, ...rest };
  }
  return out;
}
