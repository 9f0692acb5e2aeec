import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";

/** Days a rule (or copy) keeps its recovery points: undefined keeps them for ever; "unknown" is not known before apply. */
export type DeleteAfter = number | "unknown" | undefined;

export interface BackupRetentionFacts {
  readonly label: string;
  readonly retentionDays: number;
  /**
   * Each rule and, for each, when its recovery points (and their copies) are deleted; "unknown" when the rule list
   * is not known before apply.
   */
  readonly rules: readonly { readonly ruleName: string; readonly deleteAfterDays?: DeleteAfter; readonly copyDeleteAfterDays?: readonly DeleteAfter[] }[] | "unknown";
}

/**
 * backup.retention: the plan has rules and no rule (nor copy) deletes recovery points before `retentionDays`. A plan
 * without rules keeps nothing (fail); a rule list or `deleteAfter` not known before apply is "cannot tell", never
 * "kept for ever".
 */
export function judgeBackupRetention(input: { readonly plans: readonly BackupRetentionFacts[] }): Verdict {
  if (input.plans.length === 0) return notApplicable("No backup plan is planned.");
  const short: string[] = [];
  const unknown: string[] = [];
  const kept: string[] = [];
  for (const p of input.plans) {
    if (p.rules === "unknown") {
      unknown.push(`${p.label}: its rules are not known before apply`);
      continue;
    }
    if (p.rules.length === 0) {
      short.push(`${p.label}: the plan has no rules, so it keeps no recovery points`);
      continue;
    }
    let planUnknown = false;
    for (const r of p.rules) {
      const days = [r.deleteAfterDays, ...(r.copyDeleteAfterDays ?? [])];
      const what = (i: number) => `${p.label} rule ${r.ruleName}${i > 0 ? ` (copy ${i})` : ""}`;
      days.forEach((d, i) => {
        if (d === "unknown") {
          unknown.push(`${what(i)}: when it deletes recovery points is not known before apply`);
          planUnknown = true;
        } else if (d !== undefined && d < p.retentionDays) short.push(`${what(i)} deletes recovery points after ${d} day(s), before retentionDays ${p.retentionDays}`);
      });
    }
    if (!planUnknown) kept.push(`${p.label}: every rule keeps recovery points at least ${p.retentionDays} days (${p.rules.map((r) => `${r.ruleName}: ${r.deleteAfterDays === undefined ? "for ever" : `${r.deleteAfterDays} d`}`).join(", ")})`);
  }
  if (short.length > 0) return judged("backup.retention", "too-short", short);
  if (unknown.length > 0) return cannotTell(unknown.join("; "));
  return judged("backup.retention", "kept", kept);
}
