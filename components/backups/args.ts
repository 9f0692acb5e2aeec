import type * as pulumi from "@pulumi/pulumi";

export interface BackupsArgs {
  /** The tag that selects resources to back up, exactly one, e.g. `{ backup: "daily" }`. */
  readonly selectionTag: Readonly<Record<string, string>>;
  /** Keep every recovery point at least this many days, 1 to 36500. Default 35. */
  readonly retentionDays?: number;
  /**
   * The most data you accept to lose, in hours, 2 to 168: the frequent rule runs often enough that its interval plus
   * the 60-minute start window (a job may start that late) fits. Default 24 (every 12 hours).
   */
  readonly rpoHours?: number;
  /**
   * The frequent rule's schedule, an AWS cron expression (AWS Backup takes no `rate()`), e.g. `cron(30 1 * * ? *)`.
   * Default: derived from `rpoHours` (every N hours, N hours plus the start window within the RPO; daily at 03:00
   * UTC from 25 h). backup.plan fails when it misses the RPO.
   */
  readonly schedule?: string;
  /** How long a restore may take, in hours, 1 to 168: the restore test's validation window. Default 4. */
  readonly rtoHours?: number;
  /** How often a restore is tested: `daily`, `weekly`, `monthly`, or `off` (backup.restore_testing then fails). Default `weekly`. */
  readonly restoreTesting?: "off" | "daily" | "weekly" | "monthly";
  /** Resource type the restore test restores, e.g. `RDS`, `DynamoDB`, `EBS`, `S3`. Default `RDS`. */
  readonly restoreTestingResourceType?: string;
  /** Keep weekly recovery points this many days (at least `retentionDays`). Default 91. */
  readonly weeklyRetentionDays?: number;
  /** Keep monthly recovery points this many days (at least `retentionDays`). Default 365. */
  readonly monthlyRetentionDays?: number;
  /** The customer-managed KMS key for the vault (its ARN). Default: a new `KmsKey` child, `${name}-kms`. */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /**
   * The alert topic for failed backup, copy and restore jobs. Default: none; the vault is then protected but silent,
   * and backup.vault_protected says so.
   */
  readonly alertTopicArn?: pulumi.Input<string>;
  /** Why there is no alert topic, for the check's facts when `alertTopicArn` is not given. */
  readonly alertTopicNote?: string;
  /**
   * A vault in a second region (its ARN) to copy every daily recovery point to, kept as long. Default: no copy.
   */
  readonly copyToVaultArn?: pulumi.Input<string>;
  /**
   * Vault lock: its minimum retention (default `retentionDays`) and, optionally, `changeableForDays` (3 or more)
   * after which the lock becomes immutable (compliance mode: no one, not even the root user, can remove it). Default
   * governance mode with the minimum retention; `false` leaves the vault unlocked (backup.vault_protected fails).
   */
  readonly vaultLock?: false | { readonly minRetentionDays?: number; readonly maxRetentionDays?: number; readonly changeableForDays?: number };
  /** The vault's name. Default `${name}-vault`. */
  readonly vaultName?: string;
}
