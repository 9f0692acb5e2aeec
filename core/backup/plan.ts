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
 * The rules: `daily` runs every day at 03:00 UTC, or every N hours when `rpoHours` is under a day (N the largest
 * divisor of 24 not above it, so the runs are evenly spaced across midnight); `weekly` on Sundays and `monthly`
 * on the 1st keep their points longer. Every rule keeps its points at least `retentionDays`.
 */
export function backupRules(rpoHours: number, retentionDays: number, tiers: BackupTiers = {}): BackupRulePlan[] {
  const every = rpoHours >= 24 ? 24 : Math.max(...[1, 2, 3, 4, 6, 8, 12].filter((h) => h <= rpoHours));
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
