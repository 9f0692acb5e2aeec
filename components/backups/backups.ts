import * as aws from "../aws/services";
import * as pulumi from "@pulumi/pulumi";
import { backupRules, MIN_RPO_HOURS, restoreTestingSchedule, START_WINDOW_MINUTES } from "../../core/backup/plan";
import { FAILURE_VAULT_EVENTS } from "../../core/backup/events";
import { parseBackupSchedule } from "../../core/backup/schedule";
import { KmsKey } from "../secrets/key";
import type { BackupsArgs } from "./args";

export type { BackupsArgs } from "./args";

/** The component's type token: part of every child's URN, so it never changes. */
export const BACKUPS_TYPE = "launch-ready:aws:Backups";

/**
 * The vault events sent to the alert topic: those that report a failed job. AWS no longer sends `BACKUP_JOB_FAILED`
 * or `RESTORE_JOB_FAILED` (deprecated, `core/backup/events.ts`): a failed backup or restore arrives as
 * `BACKUP_JOB_COMPLETED` / `RESTORE_JOB_COMPLETED` with its state, so the topic also hears successes (a subscription
 * filter on the state keeps the pager for failures).
 */
export const VAULT_EVENTS: string[] = [...FAILURE_VAULT_EVENTS];

/** AWS managed policies the backup role needs to back up and to restore (AWS Backup: "Default service role"). */
export const BACKUP_ROLE_POLICIES = [
  "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
  "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
];

export interface ArgsIssue {
  readonly path: string;
  readonly message: string;
}

const between = (v: number | undefined, lo: number, hi: number): boolean => v === undefined || (Number.isInteger(v) && v >= lo && v <= hi);

/** Validates `BackupsArgs` like the stack file's `launch-ready:backups`: every problem with its field path under `root`. */
export function validateBackupsArgs(args: BackupsArgs, root = "args"): { errors: ArgsIssue[]; warnings: ArgsIssue[] } {
  const errors: ArgsIssue[] = [];
  const warnings: ArgsIssue[] = [];
  const at = (f: string) => `${root}.${f}`;
  const tags = Object.entries(args.selectionTag);
  if (tags.length !== 1 || tags.some(([k, v]) => k === "" || v === "")) errors.push({ path: at("selectionTag"), message: "must be exactly one tag, such as `{ backup: daily }`" });
  if (!between(args.retentionDays, 1, 36500)) errors.push({ path: at("retentionDays"), message: "must be a whole number of days from 1 to 36500" });
  if (!between(args.rpoHours, MIN_RPO_HOURS, 168)) {
    errors.push({ path: at("rpoHours"), message: `must be a whole number of hours from ${MIN_RPO_HOURS} to 168 (AWS Backup runs at most hourly, and a job may start up to its ${START_WINDOW_MINUTES}-minute start window late)` });
  }
  if (!between(args.rtoHours, 1, 168)) errors.push({ path: at("rtoHours"), message: "must be a whole number of hours from 1 to 168 (AWS restore testing's validation window)" });
  if (args.vaultLock !== undefined && args.vaultLock !== false) {
    const l = args.vaultLock;
    if (!between(l.minRetentionDays, 1, 36500)) errors.push({ path: at("vaultLock.minRetentionDays"), message: "must be a whole number of days from 1 to 36500" });
    if (l.changeableForDays !== undefined && !(Number.isInteger(l.changeableForDays) && l.changeableForDays >= 3)) {
      errors.push({ path: at("vaultLock.changeableForDays"), message: "must be 3 or more days (AWS Backup vault lock grace time)" });
    }
    if ((l.minRetentionDays ?? args.retentionDays ?? 35) > (args.retentionDays ?? 35)) {
      errors.push({ path: at("vaultLock.minRetentionDays"), message: "is longer than retentionDays: the lock would refuse the plan's own recovery points" });
    }
  }
  if (args.schedule !== undefined) {
    const parsed = parseBackupSchedule(args.schedule);
    if ("error" in parsed) errors.push({ path: at("schedule"), message: `${parsed.error}; write an AWS cron expression such as \`cron(0 0/12 * * ? *)\` (AWS Backup takes no rate())` });
  }
  if (args.vaultLock === false) warnings.push({ path: at("vaultLock"), message: "is false: recovery points can be deleted early, and backup.vault_protected fails" });
  if (args.restoreTesting === "off") warnings.push({ path: at("restoreTesting"), message: "is off: restores are never tested, and backup.restore_testing fails" });
  return { errors, warnings };
}

/**
 * AWS Backup for the resources carrying one tag: a vault encrypted with a customer-managed KMS key, kept on delete
 * and locked; a plan whose frequent rule meets the RPO, with weekly and monthly tiers and an optional copy to a
 * vault in a second region; a selection by tag under a role with AWS's managed backup and restore policies; vault
 * notifications to the alert topic; and a restore testing plan and selection that restore the tagged resources on
 * a schedule, with the RTO as validation window.
 */
export class Backups extends pulumi.ComponentResource {
  public readonly kms?: KmsKey;
  public readonly vault: aws.backup.Vault;
  public readonly vaultLock?: aws.backup.VaultLockConfiguration;
  public readonly notifications?: aws.backup.VaultNotifications;
  public readonly plan: aws.backup.Plan;
  public readonly role: aws.iam.Role;
  public readonly selection: aws.backup.Selection;
  public readonly restoreTestingPlan?: aws.backup.RestoreTestingPlan;
  public readonly restoreTestingSelection?: aws.backup.RestoreTestingSelection;
  /** What the runbooks and the restore command need: ARNs and the objectives. */
  public readonly outputs: pulumi.Output<{ vaultArn: string; vaultName: string; planArn: string; roleArn: string; restoreTestingPlanArn?: string; rpoHours: number; rtoHours: number }>;

  constructor(name: string, args: BackupsArgs, opts?: pulumi.ComponentResourceOptions) {
    const report = validateBackupsArgs(args);
    const retentionDays = args.retentionDays ?? 35;
    const rpoHours = args.rpoHours ?? 24;
    const rtoHours = args.rtoHours ?? 4;
    const restoreTesting = args.restoreTesting ?? "weekly";
    const notificationsNote = args.alertTopicArn === undefined ? (args.alertTopicNote ?? "no alert topic was given (alertTopicArn)") : undefined;
    super(BACKUPS_TYPE, name, { rpoHours, rtoHours, retentionDays, restoreTesting, ...(notificationsNote !== undefined ? { notificationsNote } : {}) }, opts);
    if (report.errors.length > 0) {
      throw new pulumi.ResourceError(`Backups ${name} has ${report.errors.length} problem(s) in its args:\n${report.errors.map((e) => `  ✗ ${e.path}: ${e.message}`).join("\n")}`, this);
    }
    for (const w of report.warnings) pulumi.log.warn(`${w.path}: ${w.message}`, this);
    const [tagKey = "", tagValue = ""] = Object.entries(args.selectionTag)[0] ?? [];

    if (args.kmsKeyArn === undefined) this.kms = new KmsKey(`${name}-kms`, { description: `launch-ready: backups of ${name}` }, { parent: this });
    const keyArn = pulumi.output(args.kmsKeyArn ?? this.kms?.arn ?? "");

    // Kept on delete: `pulumi destroy` must not take the recovery points with the data (and AWS refuses to delete a
    // vault that still holds recovery points anyway).
    this.vault = new aws.backup.Vault(`${name}-vault`, { name: args.vaultName ?? `${name}-vault`, kmsKeyArn: keyArn }, { parent: this, retainOnDelete: true });
    if (args.vaultLock !== false) {
      const lock = args.vaultLock ?? {};
      this.vaultLock = new aws.backup.VaultLockConfiguration(
        `${name}-vault-lock`,
        {
          backupVaultName: this.vault.name,
          minRetentionDays: lock.minRetentionDays ?? retentionDays,
          ...(lock.maxRetentionDays !== undefined ? { maxRetentionDays: lock.maxRetentionDays } : {}),
          ...(lock.changeableForDays !== undefined ? { changeableForDays: lock.changeableForDays } : {}),
        },
        { parent: this, retainOnDelete: true },
      );
    } else {
      pulumi.log.warn(`${name}: the vault has no lock`, this);
    }
    if (args.alertTopicArn !== undefined) {
      this.notifications = new aws.backup.VaultNotifications(
        `${name}-vault-notifications`,
        { backupVaultName: this.vault.name, snsTopicArn: args.alertTopicArn, backupVaultEvents: VAULT_EVENTS },
        { parent: this },
      );
    } else {
      pulumi.log.info(`${name}: no vault notifications: ${notificationsNote ?? ""}`, this);
    }

    const derived = backupRules(rpoHours, retentionDays, {
      ...(args.weeklyRetentionDays !== undefined ? { weeklyDays: args.weeklyRetentionDays } : {}),
      ...(args.monthlyRetentionDays !== undefined ? { monthlyDays: args.monthlyRetentionDays } : {}),
    });
    const rules = derived.map((r, i) => (i === 0 && args.schedule !== undefined ? { ...r, ruleName: "frequent", schedule: args.schedule } : r));
    this.plan = new aws.backup.Plan(
      `${name}-plan`,
      {
        name: `${name}-plan`,
        rules: rules.map((r, i) => ({
          ruleName: r.ruleName,
          targetVaultName: this.vault.name,
          schedule: r.schedule,
          startWindow: START_WINDOW_MINUTES,
          completionWindow: 24 * 60,
          lifecycle: { deleteAfter: r.deleteAfterDays },
          ...(i === 0 && args.copyToVaultArn !== undefined ? { copyActions: [{ destinationVaultArn: args.copyToVaultArn, lifecycle: { deleteAfter: r.deleteAfterDays } }] } : {}),
        })),
      },
      { parent: this },
    );
    this.role = new aws.iam.Role(
      `${name}-role`,
      {
        description: "launch-ready: AWS Backup backs up and restores the tagged resources",
        assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "backup.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
      },
      { parent: this },
    );
    BACKUP_ROLE_POLICIES.forEach((policyArn, i) => new aws.iam.RolePolicyAttachment(`${name}-role-${i === 0 ? "backup" : "restore"}`, { role: this.role.name, policyArn }, { parent: this }));
    this.selection = new aws.backup.Selection(
      `${name}-selection`,
      { name: `${name}-by-tag`, planId: this.plan.id, iamRoleArn: this.role.arn, selectionTags: [{ type: "STRINGEQUALS", key: tagKey, value: tagValue }] },
      { parent: this },
    );

    if (restoreTesting !== "off") {
      const testName = `${name}_restore_test`.replace(/[^A-Za-z0-9_]/g, "_").slice(0, 50);
      this.restoreTestingPlan = new aws.backup.RestoreTestingPlan(
        `${name}-restore-testing`,
        {
          name: testName,
          scheduleExpression: restoreTestingSchedule(restoreTesting),
          startWindowHours: 8,
          recoveryPointSelection: { algorithm: "LATEST_WITHIN_WINDOW", includeVaults: [this.vault.arn], recoveryPointTypes: ["SNAPSHOT"], selectionWindowDays: Math.min(retentionDays, 365) },
        },
        { parent: this },
      );
      this.restoreTestingSelection = new aws.backup.RestoreTestingSelection(
        `${name}-restore-testing-selection`,
        {
          name: `${testName}_sel`.slice(0, 50),
          restoreTestingPlanName: this.restoreTestingPlan.name,
          protectedResourceType: args.restoreTestingResourceType ?? "RDS",
          iamRoleArn: this.role.arn,
          // Every resource of the type, narrowed by the tag condition (AWS Backup CreateRestoreTestingSelection).
          protectedResourceArns: ["*"],
          protectedResourceConditions: { stringEquals: [{ key: `aws:ResourceTag/${tagKey}`, value: tagValue }] },
          validationWindowHours: rtoHours,
        },
        { parent: this },
      );
    }
    this.outputs = pulumi
      .all([this.vault.arn, this.vault.name, this.plan.arn, this.role.arn, this.restoreTestingPlan?.arn])
      .apply(([vaultArn, vaultName, planArn, roleArn, rtp]) => ({ vaultArn, vaultName, planArn, roleArn, ...(rtp !== undefined ? { restoreTestingPlanArn: rtp } : {}), rpoHours, rtoHours }));
    this.registerOutputs({ outputs: this.outputs });
  }
}
