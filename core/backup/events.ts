/**
 * AWS Backup vault notification events (PutBackupVaultNotifications, "Notification options with AWS Backup"): the
 * events still sent, and those AWS lists only for reference, deprecated, that "will not return statuses or
 * notifications". A failed backup or restore job is reported by its `…_COMPLETED` event with the job's state.
 */
export const SUPPORTED_VAULT_EVENTS = [
  "BACKUP_JOB_STARTED",
  "BACKUP_JOB_COMPLETED",
  "COPY_JOB_STARTED",
  "COPY_JOB_SUCCESSFUL",
  "COPY_JOB_FAILED",
  "RESTORE_JOB_STARTED",
  "RESTORE_JOB_COMPLETED",
  "RECOVERY_POINT_MODIFIED",
  "S3_BACKUP_OBJECT_FAILED",
  "S3_RESTORE_OBJECT_FAILED",
] as const;

/** The supported events that can carry a failure: what an alert route needs. */
export const FAILURE_VAULT_EVENTS = ["BACKUP_JOB_COMPLETED", "COPY_JOB_FAILED", "RESTORE_JOB_COMPLETED", "S3_BACKUP_OBJECT_FAILED", "S3_RESTORE_OBJECT_FAILED"] as const;

/** Of `events`, those that can report a failed job; empty when the vault would never say a job failed. */
export function failureEvents(events: readonly string[]): string[] {
  return events.filter((e) => (FAILURE_VAULT_EVENTS as readonly string[]).includes(e));
}
