/**
 * The stack file's AWS sections (`launch-ready:secrets`, `launch-ready:backups`) checked against the rest of the
 * stack config: a secret read from another config key must be set with `--secret`. Pure; never reads or echoes a
 * value.
 */
import type { ConfigIssue } from "./issues";
import { formatPath } from "./issues";
import type { BackupSpec, SecretSpec } from "./spec";

/**
 * Each `fromConfig` key must be set, and set as a secret (`pulumi config set --secret`). `secretKeys` are the config
 * keys (or paths) the stack holds encrypted.
 */
export function fromConfigIssues(secrets: readonly SecretSpec[], config: Readonly<Record<string, unknown>>, secretKeys: readonly string[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  secrets.forEach((s, i) => {
    const key = s.fromConfig;
    if (key === undefined) return;
    const path = formatPath(["launch-ready:secrets", i, "fromConfig"]);
    if (!Object.prototype.hasOwnProperty.call(config, key)) {
      issues.push({ path, message: `names \`${key}\`, which the stack does not set: run \`pulumi config set --secret ${key} <value>\`` });
    } else if (!secretKeys.includes(key)) {
      issues.push({
        path,
        message: `names \`${key}\`, which is set in plaintext (value withheld): treat it as leaked, rotate it at its issuer, then set the new one with \`pulumi config set --secret ${key} <value>\``,
      });
    }
  });
  return issues;
}

/** The vault lock's minimum retention cannot exceed `retentionDays`: the lock would refuse the plan's own deletions. */
export function backupIssues(backups: BackupSpec | undefined): ConfigIssue[] {
  const lock = backups?.vaultLock;
  if (backups === undefined || lock === undefined || lock === false || lock.minRetentionDays === undefined) return [];
  if (lock.minRetentionDays <= backups.retentionDays) return [];
  return [
    {
      path: formatPath(["launch-ready:backups", "vaultLock", "minRetentionDays"]),
      message: `is ${lock.minRetentionDays} days, longer than retentionDays (${backups.retentionDays}): the lock would refuse to delete the plan's own recovery points; lower it or raise retentionDays`,
    },
  ];
}
