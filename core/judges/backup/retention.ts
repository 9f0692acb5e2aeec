import { judged, notApplicable, type Verdict } from "../../judge";

export interface BackupRetentionFacts {
  readonly label: string;
  readonly retentionDays: number;
  /** Each rule and, for each, when its recovery points (and their copies) are deleted; undefined keeps them for ever. */
  readonly rules: readonly { readonly ruleName: string; readonly deleteAfterDays?: number; readonly copyDeleteAfterDays?: readonly (number | undefined)[] }[];
}

/** backup.retention: no rule (nor copy) deletes recovery points before `retentionDays`. */
export function judgeBackupRetention(input: { readonly plans: readonly BackupRetentionFacts[] }): Verdict {
  if (input.plans.length === 0) return notApplicable("No backup plan is planned.");
  const short: string[] = [];
  const kept: string[] = [];
  for (const p of input.plans) {
    for (const r of p.rules) {
      const days = [r.deleteAfterDays, ...(r.copyDeleteAfterDays ?? [])];
      const what = (d: number | undefined, i: number) => `${p.label} rule ${r.ruleName}${i > 0 ? ` (copy ${i})` : ""}`;
      days.forEach((d, i) => {
        if (d !== undefined && d < p.retentionDays) short.push(`${what(d, i)} deletes recovery points after ${d} day(s), before retentionDays ${p.retentionDays}`);
      });
    }
    kept.push(`${p.label}: every rule keeps recovery points at least ${p.retentionDays} days (${p.rules.map((r) => `${r.ruleName}: ${r.deleteAfterDays === undefined ? "for ever" : `${r.deleteAfterDays} d`}`).join(", ")})`);
  }
  if (short.length > 0) return judged("backup.retention", "too-short", short);
  return judged("backup.retention", "kept", kept);
}
