import { defineRow } from "./define";

export const BACKUP = defineRow("backup", {
  "backup.plan": {
    title: "Data stores are backed up on a schedule that meets the RPO",
    why: "Without backups, one bad migration or deleted table ends the company.",
    remediation: "Tag the data stores with `launch-ready:backups.selectionTag` and set `rpoHours`; the toolkit schedules its backups often enough that the interval plus the 60-minute start window fits `rpoHours` (every 12 hours for an RPO of a day; `rpoHours` is at least 2).",
    outcomes: {
      "meets-rpo": {
        status: "pass",
        when: "A backup plan selects resources, and the worst-case gap between its scheduled backup starts (every rule together, in AWS Backup's cron dialect, an hour added for a time zone with daylight saving), plus the largest start window (a job may start that much later; AWS's 8 hours when unset), is within `rpoHours`.",
      },
      "misses-rpo": { status: "fail", when: "The longest gap between scheduled backups, plus the start window, is longer than `rpoHours`; the schedule stops running (a year list that ends); the plan has no rule or selects nothing; or a schedule is a `rate()` expression, which AWS Backup does not accept." },
    },
  },
  "backup.retention": {
    title: "Backups are kept long enough to notice the loss (≥ 35 days by default)",
    why: "Data corruption is often found weeks later.",
    remediation: "Set `launch-ready:backups.retentionDays` to 35 or more; every rule keeps its recovery points at least that long.",
    outcomes: {
      kept: { status: "pass", when: "Every rule of the backup plan keeps its recovery points (`lifecycle.deleteAfter`) at least `retentionDays` (35 when not declared), and keeps them for ever when unset." },
      "too-short": { status: "fail", when: "A rule deletes its recovery points before `retentionDays`, or the plan has no rule." },
    },
  },
  "backup.vault_protected": {
    title: "The backup vault is protected from deletion",
    why: "An attacker or a mistaken `pulumi destroy` must not delete the backups with the data.",
    remediation:
      "Keep the vault's `retainOnDelete`, its customer-managed KMS key and its vault lock (`launch-ready:backups.vaultLock`; `changeableForDays` makes it compliance mode); route its notifications to the alert topic (`launch-ready:alerts`).",
    outcomes: {
      protected: {
        status: "pass",
        when: "The vault is kept on delete (or protected), encrypted with a customer-managed key, and locked with a minimum retention; its failure notifications go to an SNS topic.",
      },
      "protected-silent": {
        status: "warn",
        when: "The vault is protected, but no notifications are configured (no alert topic yet): a failed backup job is only seen in the console.",
      },
      unprotected: { status: "fail", when: "The vault is deleted with the stack, has no vault lock, a lock whose minimum or maximum retention refuses a rule's retention (AWS fails those jobs), or is encrypted with the AWS-managed key." },
    },
  },
  "backup.restore_testing": {
    title: "Restores are tested on a schedule",
    why: "An untested backup is a hope; restore testing proves the RTO.",
    remediation: "Set `launch-ready:backups.restoreTesting: weekly` (or daily, monthly); keep the validation window between 1 and 168 hours.",
    source: "AWS Backup: restore testing",
    outcomes: {
      scheduled: {
        status: "pass",
        when: "A restore testing plan runs on a schedule over the vault's recovery points, and a restore testing selection picks the tagged resources with a validation window of 1 to 168 hours.",
      },
      "not-scheduled": { status: "fail", when: "Backups are planned but no restore testing plan or selection exists, or the selection's validation window is outside 1 to 168 hours." },
    },
  },
});
