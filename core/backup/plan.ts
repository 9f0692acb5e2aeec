/**
 * The backup plan launch-ready makes from `launch-ready:backups`: a frequent rule that meets the RPO, a weekly
 * and a monthly tier kept longer, and the restore testing schedule. Pure data; the Backups component turns it
 * into AWS Backup resources and `backup.plan` / `backup.retention` judge what was planned, not this.
 */

export interface BackupTiers {
  /** Keep weekly recovery points this many days (at least the retention). Default 91 (13 weeks). */
  readonly weeklyDays?: number;
  /** Keep monthly recovery points this many days (at least the retention). Default 365. */
  readonly monthlyDays?: number;
}

export interface BackupRulePlan {
  readonly ruleName: string;
  /** An AWS cron expression, UTC. */
  readonly schedule: string;
  readonly deleteAfterDays: number;
}

/**
 * How long after its scheduled time the toolkit lets a backup job start (AWS Backup `StartWindowMinutes`; AWS's
 * minimum when set is 60, its default when unset 8 hours). A job may start this late, so the RPO must hold with it.
 */
export const START_WINDOW_MINUTES = 60;

/** The smallest RPO the toolkit can meet: hourly backups (AWS Backup's most frequent) plus the start window. */
export const MIN_RPO_HOURS = 1 + START_WINDOW_MINUTES / 60;

/**
 * The rules: the frequent rule runs every N hours, N the largest divisor of 24 (or 24: daily at 03:00 UTC) such that
 * N hours plus the start window fit in `rpoHours` (a job may start up to the window after its time), so the runs
 * are evenly spaced across midnight; `weekly` on Sundays and `monthly` on the 1st keep their points longer. Every
 * rule keeps its points at least `retentionDays`. `rpoHours` under `MIN_RPO_HOURS` cannot be met: the hourly rule.
 */
export function backupRules(rpoHours: number, retentionDays: number, tiers: BackupTiers = {}): BackupRulePlan[] {
  const budget = rpoHours * 60 - START_WINDOW_MINUTES;
  const every = Math.max(...[1, 2, 3, 4, 6, 8, 12, 24].filter((h) => h * 60 <= budget), 1);
  const frequent: BackupRulePlan =
    every === 24
      ? { ruleName: "daily", schedule: "cron(0 3 * * ? *)", deleteAfterDays: retentionDays }
      : { ruleName: `every-${every}h`, schedule: `cron(0 0/${every} * * ? *)`, deleteAfterDays: retentionDays };
  return [
    frequent,
    { ruleName: "weekly", schedule: "cron(0 4 ? * SUN *)", deleteAfterDays: Math.max(retentionDays, tiers.weeklyDays ?? 91) },
    { ruleName: "monthly", schedule: "cron(0 5 1 * ? *)", deleteAfterDays: Math.max(retentionDays, tiers.monthlyDays ?? 365) },
  ];
}

/** When restore tests run: `daily` at 06:00 UTC, `weekly` on Mondays, `monthly` on the 2nd (after the backups). */
export function restoreTestingSchedule(frequency: "daily" | "weekly" | "monthly"): string {
  switch (frequency) {
    case "daily":
      return "cron(0 6 * * ? *)";
    case "weekly":
      return "cron(0 6 ? * MON *)";
    case "monthly":
      return "cron(0 6 2 * ? *)";
  }
}
