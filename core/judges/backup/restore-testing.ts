import { describeMinutes, parseBackupSchedule, worstGap } from "../../backup/schedule";
import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";

/** The longest the toolkit lets restores go untested: a month (the `monthly` frequency runs every 28–31 days). */
export const MAX_RESTORE_TEST_GAP_DAYS = 31;

/** AWS Backup: a restore testing selection's validation window is 1 to 168 hours. */
export const VALIDATION_WINDOW_HOURS = { min: 1, max: 168 } as const;

export interface RestoreTestingFacts {
  readonly label: string;
  readonly scheduleExpression?: string;
  readonly selections: readonly { readonly label: string; readonly validationWindowHours?: number }[];
}

/**
 * backup.restore_testing: where backups are planned, a restore testing plan runs on a schedule and has a selection
 * whose validation window is within AWS's 1–168 hours (AWS Backup restore testing; the provider's
 * `validation_window_hours`). Unset, AWS applies no validation window: the restore is made and deleted, untested.
 * The schedule (cron only, as AWS Backup takes it) must run again: its longest gap is at most
 * `MAX_RESTORE_TEST_GAP_DAYS`; one that stops (a year list that ends) fails.
 */
export function judgeBackupRestoreTesting(input: { readonly backupsPlanned: boolean; readonly plans: readonly RestoreTestingFacts[] }): Verdict {
  if (!input.backupsPlanned && input.plans.length === 0) return notApplicable("No backups are planned.");
  if (input.plans.length === 0) return judged("backup.restore_testing", "not-scheduled", ["backups are planned, but no restore testing plan is: restores are never exercised"]);
  const bad: string[] = [];
  const ok: string[] = [];
  for (const p of input.plans) {
    if (p.scheduleExpression === undefined) {
      bad.push(`${p.label}: the restore testing plan has no schedule`);
      continue;
    }
    const parsed = parseBackupSchedule(p.scheduleExpression);
    if ("error" in parsed) {
      if (/^\s*rate\(/i.test(p.scheduleExpression)) {
        bad.push(`${p.label}: ${parsed.error}`);
        continue;
      }
      return cannotTell(`${p.label}: the schedule cannot be read: ${parsed.error}`);
    }
    if (p.selections.length === 0) {
      bad.push(`${p.label}: the restore testing plan has no selection, so it restores nothing`);
      continue;
    }
    const windows = p.selections.map((s) => {
      const w = s.validationWindowHours;
      if (w === undefined) return `${s.label}: no validation window`;
      if (w < VALIDATION_WINDOW_HOURS.min || w > VALIDATION_WINDOW_HOURS.max) return `${s.label}: validation window ${w} h is outside AWS's ${VALIDATION_WINDOW_HOURS.min}–${VALIDATION_WINDOW_HOURS.max} h`;
      return undefined;
    });
    const wrong = windows.filter((w): w is string => w !== undefined);
    if (wrong.length > 0) {
      bad.push(`${p.label}: ${wrong.join("; ")}`);
      continue;
    }
    const gap = worstGap([parsed.schedule]);
    if (!Number.isFinite(gap.worstMinutes)) {
      bad.push(`${p.label}: the restore testing schedule ${p.scheduleExpression} stops running (no next run), so restores stop being tested`);
      continue;
    }
    if (gap.worstMinutes > MAX_RESTORE_TEST_GAP_DAYS * 1440) {
      bad.push(`${p.label}: restores go untested for up to ${describeMinutes(gap.worstMinutes)} (${p.scheduleExpression}), more than ${MAX_RESTORE_TEST_GAP_DAYS} days`);
      continue;
    }
    ok.push(
      `${p.label}: restores are tested at least every ${describeMinutes(gap.worstMinutes)} (${p.scheduleExpression}), validation window ${p.selections.map((s) => `${s.validationWindowHours ?? 0} h`).join(", ")}`,
    );
  }
  if (bad.length > 0) return judged("backup.restore_testing", "not-scheduled", bad);
  return judged("backup.restore_testing", "scheduled", ok);
}
