import { describeMinutes, parseSchedule, type Schedule, worstGap } from "../../backup/schedule";
import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";

export interface BackupPlanFacts {
  readonly label: string;
  /** Each rule's schedule expression (`undefined`: a rule with no schedule, run on demand only). */
  readonly schedules: readonly (string | undefined)[];
  /** The rules' `scheduleExpressionTimezone`, when one is not UTC (daylight saving moves runs by an hour). */
  readonly timezones: readonly string[];
  /** How many selections assign resources to the plan. */
  readonly selections: number;
  readonly rpoHours: number;
}

/**
 * backup.plan: the plan selects resources and its rules together run often enough: the longest gap between two
 * scheduled runs (`core/backup/schedule.ts`, over two years of runs) is within `rpoHours`. A time zone with
 * daylight saving can stretch one gap a year by an hour, so it counts an hour more.
 */
export function judgeBackupPlan(input: { readonly plans: readonly BackupPlanFacts[]; readonly rpoHours?: number }): Verdict {
  if (input.plans.length === 0) {
    return input.rpoHours === undefined ? notApplicable("No backup plan is planned and the stack declares no `launch-ready:backups`.") : judged("backup.plan", "misses-rpo", ["`launch-ready:backups` is declared, but no AWS Backup plan is planned"]);
  }
  const misses: string[] = [];
  const meets: string[] = [];
  for (const p of input.plans) {
    const schedules: Schedule[] = [];
    for (const text of p.schedules) {
      if (text === undefined) continue;
      const parsed = parseSchedule(text);
      if ("error" in parsed) return cannotTell(`${p.label}: the schedule cannot be read: ${parsed.error}`);
      schedules.push(parsed.schedule);
    }
    if (p.selections === 0) {
      misses.push(`${p.label}: no backup selection assigns resources to the plan, so nothing is backed up`);
      continue;
    }
    const gap = worstGap(schedules);
    const dst = p.timezones.length > 0 ? 60 : 0;
    const worst = gap.worstMinutes + dst;
    const text = `${p.label}: the longest gap between scheduled backups is ${describeMinutes(worst)}${dst > 0 ? ` (an hour added for daylight saving in ${p.timezones.join(", ")})` : ""}, RPO ${p.rpoHours} h`;
    if (worst > p.rpoHours * 60) misses.push(text);
    else meets.push(text);
  }
  if (misses.length > 0) return judged("backup.plan", "misses-rpo", misses);
  return judged("backup.plan", "meets-rpo", meets);
}
