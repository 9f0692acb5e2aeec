import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";

export interface BackupVaultFacts {
  readonly label: string;
  /** Kept on `pulumi destroy` (retainOnDelete or protect); undefined when the runner cannot see it. */
  readonly retained?: boolean;
  /**
   * Encrypted with a customer-managed key: true for a key the stack plans; false for none or the AWS-managed
   * `aws/backup` key; "unknown" for a key given by ARN that the stack does not manage.
   */
  readonly customerKey: boolean | "unknown";
  /** The vault lock's retention bounds, when a lock is planned. */
  readonly lock?: { readonly minRetentionDays?: number; readonly maxRetentionDays?: number; readonly changeableForDays?: number };
  /**
   * `lifecycle.deleteAfter` of every backup rule storing in this vault (undefined: kept for ever; "unknown": not
   * known before apply). AWS Backup fails a job whose retention is outside the lock's min/max.
   */
  readonly ruleDeleteAfterDays?: readonly (number | "unknown" | undefined)[];
  /** SNS topic notifications are planned for the vault. */
  readonly notifications: boolean;
  /** Why no notifications, when the stack knows (no alert topic yet). */
  readonly notificationsNote?: string;
}

/**
 * backup.vault_protected: the vault outlives `pulumi destroy`, is encrypted with a customer-managed key, and
 * locked with a minimum retention, so neither a mistaken destroy nor a stolen role deletes recovery points early.
 * Without notifications it is still protected but silent (warn). Whether it is kept on delete cannot be seen by
 * CrossGuard (the option is not passed to policies): there the check steps aside, saying so, never a pass.
 */
export function judgeBackupVaultProtected(input: { readonly vaults: readonly BackupVaultFacts[] }): Verdict {
  if (input.vaults.length === 0) return notApplicable("No backup vault is planned.");
  const bad: string[] = [];
  const unknown: string[] = [];
  const unseen: string[] = [];
  const silent: string[] = [];
  const ok: string[] = [];
  for (const v of input.vaults) {
    const why: string[] = [];
    if (v.retained === false) why.push("it is deleted with the stack (not retainOnDelete)");
    if (v.customerKey === false) why.push("it is encrypted with the AWS-managed backup key (`aws/backup`), not the stack's KMS key");
    if (v.lock === undefined) why.push("it has no vault lock, so recovery points can be deleted early");
    else if (v.lock.minRetentionDays === undefined) why.push("its vault lock sets no minimum retention");
    // AWS Backup vault lock: a job whose retention is below the lock's minimum or above its maximum fails.
    const rules = v.ruleDeleteAfterDays ?? [];
    const known = rules.filter((d): d is number | undefined => d !== "unknown");
    const min = v.lock?.minRetentionDays;
    const max = v.lock?.maxRetentionDays;
    if (max !== undefined) {
      const over = known.filter((d) => d === undefined || d > max);
      if (over.length > 0) why.push(`its vault lock's maximum retention is ${max} day(s), but a rule keeps points ${over.map((d) => (d === undefined ? "for ever" : `${d} day(s)`)).join(", ")}: AWS Backup fails those jobs`);
    }
    if (min !== undefined) {
      const under = known.filter((d): d is number => d !== undefined && d < min);
      if (under.length > 0) why.push(`its vault lock's minimum retention is ${min} day(s), but a rule keeps points ${under.map((d) => `${d} day(s)`).join(", ")}: AWS Backup fails those jobs`);
    }
    if (why.length > 0) {
      bad.push(`${v.label}: ${why.join("; ")}`);
      continue;
    }
    if (v.customerKey === "unknown") {
      unknown.push(`${v.label}: encrypted with a key given by ARN that the stack does not manage, so whether it is customer-managed cannot be seen`);
      continue;
    }
    if (rules.includes("unknown")) {
      unknown.push(`${v.label}: a rule's retention is not known before apply, so whether the lock accepts its jobs cannot be seen`);
      continue;
    }
    if (v.retained === undefined) {
      unseen.push(`${v.label}: whether the vault is kept on delete cannot be seen here`);
      continue;
    }
    const mode = v.lock?.changeableForDays !== undefined ? ` (compliance mode: immutable ${v.lock.changeableForDays} day(s) after creation)` : " (governance mode: a role allowed backup:DeleteBackupVaultLockConfiguration can remove the lock; `changeableForDays` makes it compliance mode)";
    const text = `${v.label}: kept on delete, encrypted with the stack's KMS key, locked with a minimum retention of ${v.lock?.minRetentionDays ?? 0} day(s)${mode}`;
    if (!v.notifications) silent.push(`${text}; no notifications: ${v.notificationsNote ?? "no SNS topic is configured for its events"}`);
    else ok.push(`${text}; backup and restore failures notify the alert topic`);
  }
  if (bad.length > 0) return judged("backup.vault_protected", "unprotected", bad);
  if (unknown.length > 0) return cannotTell(unknown.join("; "));
  // CrossGuard does not show `retainOnDelete` to policies: step aside there, saying so (never a pass).
  if (unseen.length > 0) return notApplicable(`This runner does not show \`retainOnDelete\` to policies (CrossGuard); the offline preview (\`launch-ready preview\`) checks it: ${unseen.join("; ")}.`);
  if (silent.length > 0) return judged("backup.vault_protected", "protected-silent", silent);
  return judged("backup.vault_protected", "protected", ok);
}
