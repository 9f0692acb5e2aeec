import { judged, notApplicable, type Verdict } from "../../judge";

export interface BackupVaultFacts {
  readonly label: string;
  /** Kept on `pulumi destroy` (retainOnDelete or protect); undefined when the runner cannot see it. */
  readonly retained?: boolean;
  /** Encrypted with a customer-managed key (`kmsKeyArn` set). */
  readonly customerKey: boolean;
  /** The vault lock's minimum retention, when a lock is planned. */
  readonly lock?: { readonly minRetentionDays?: number; readonly changeableForDays?: number };
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
  const silent: string[] = [];
  const ok: string[] = [];
  for (const v of input.vaults) {
    const why: string[] = [];
    if (v.retained === false) why.push("it is deleted with the stack (not retainOnDelete)");
    if (!v.customerKey) why.push("it is encrypted with the AWS-managed backup key, not the stack's KMS key");
    if (v.lock === undefined) why.push("it has no vault lock, so recovery points can be deleted early");
    else if (v.lock.minRetentionDays === undefined) why.push("its vault lock sets no minimum retention");
    if (why.length > 0) {
      bad.push(`${v.label}: ${why.join("; ")}`);
      continue;
    }
    if (v.retained === undefined) {
      unknown.push(`${v.label}: whether the vault is kept on delete cannot be seen here`);
      continue;
    }
    const mode = v.lock?.changeableForDays !== undefined ? ` (compliance mode: immutable ${v.lock.changeableForDays} day(s) after creation)` : " (governance mode)";
    const text = `${v.label}: kept on delete, encrypted with the stack's KMS key, locked with a minimum retention of ${v.lock?.minRetentionDays ?? 0} day(s)${mode}`;
    if (!v.notifications) silent.push(`${text}; no notifications: ${v.notificationsNote ?? "no SNS topic is configured for its events"}`);
    else ok.push(`${text}; backup and restore failures notify the alert topic`);
  }
  if (bad.length > 0) return judged("backup.vault_protected", "unprotected", bad);
  // CrossGuard does not show `retainOnDelete` to policies: step aside there, saying so (never a pass).
  if (unknown.length > 0) return notApplicable(`This runner does not show \`retainOnDelete\` to policies (CrossGuard); the offline preview (\`launch-ready preview\`) checks it: ${unknown.join("; ")}.`);
  if (silent.length > 0) return judged("backup.vault_protected", "protected-silent", silent);
  return judged("backup.vault_protected", "protected", ok);
}
