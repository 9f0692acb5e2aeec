import { AWS_BACKUP_DEFAULT_SCHEDULE, AWS_BACKUP_DEFAULT_START_WINDOW_MINUTES, describeMinutes, parseBackupSchedule, type Schedule, worstGap } from "../../backup/schedule";
import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";

export interface BackupPlanFacts {
  readonly label: string;
  /** Each rule's schedule expression (`undefined`: none set, so AWS Backup's default `cron(0 5 ? * * *)`). */
  readonly schedules: readonly (string | undefined)[];
  /**
   * Each rule's start window in minutes, in the order of `schedules` (`undefined`: unset, AWS's default 8 hours).
   * A job may start that long after its scheduled time.
   */
  readonly startWindows?: readonly (number | undefined)[];
  /** The rules' `scheduleExpressionTimezone`, when one is not UTC (daylight saving moves runs by an hour). */
  readonly timezones: readonly string[];
  /** How many selections assign resources to the plan. */
  readonly selections: number;
  readonly rpoHours: number;
}

/**
 * backup.plan: the plan selects resources and its rules together run often enough: the longest gap between two
 * scheduled runs (`core/backup/schedule.ts`, over eight years of runs), plus the longest start window (a job may
 * start that long after its time: one run on time, the next at its window's end), is within `rpoHours`. A time zone
 * with daylight saving can stretch one gap a year by an hour, so it counts an hour more. AWS Backup takes cron
 * only: a `rate()` rule is refused by AWS, so it fails.
 */
export function judgeBackupPlan(input: { readonly plans: readonly BackupPlanFacts[]; readonly rpoHours?: number }): Verdict {
  if (input.plans.length === 0) {
    return input.rpoHours === undefined ? notApplicable("No backup plan is planned and the stack declares no `launch-ready:backups`.") : judged("backup.plan", "misses-rpo", ["`launch-ready:backups` is declared, but no AWS Backup plan is planned"]);
  }
  const misses: string[] = [];
  const meets: string[] = [];
  for (const p of input.plans) {
    const schedules: Schedule[] = [];
    const refused: string[] = [];
    for (const text of p.schedules) {
      const parsed = parseBackupSchedule(text ?? AWS_BACKUP_DEFAULT_SCHEDULE);
      if ("error" in parsed) {
        if (/^\s*rate\(/i.test(text ?? "")) {
          refused.push(parsed.error);
          continue;
        }
        return cannotTell(`${p.label}: the schedule cannot be read: ${parsed.error}`);
      }
      schedules.push(parsed.schedule);
    }
    if (refused.length > 0) {
      misses.push(`${p.label}: ${refused.join("; ")}`);
      continue;
    }
    if (p.selections === 0) {
      misses.push(`${p.label}: no backup selection assigns resources to the plan, so nothing is backed up`);
      continue;
    }
    const gap = worstGap(schedules);
    const dst = p.timezones.length > 0 ? 60 : 0;
    const windows = p.schedules.map((_, i) => p.startWindows?.[i] ?? AWS_BACKUP_DEFAULT_START_WINDOW_MINUTES);
    const window = Math.max(0, ...windows);
    const worst = gap.worstMinutes + dst + window;
    const defaulted = p.schedules.includes(undefined) ? ` (a rule with no schedule runs at AWS's default ${AWS_BACKUP_DEFAULT_SCHEDULE})` : "";
    const text = `${p.label}: the longest gap between backups is ${describeMinutes(worst)}: ${describeMinutes(gap.worstMinutes)} between scheduled runs${defaulted} plus a start window of ${describeMinutes(window)}${p.startWindows?.every((w) => w !== undefined) === true ? "" : " (AWS's default 8 h where unset)"}${dst > 0 ? ` plus an hour for daylight saving in ${p.timezones.join(", ")}` : ""}; RPO ${p.rpoHours} h`;
    if (worst > p.rpoHours * 60) misses.push(text);
    else meets.push(text);
  }
  if (misses.length > 0) return judged("backup.plan", "misses-rpo", misses);
  return judged("backup.plan", "meets-rpo", meets);
}
