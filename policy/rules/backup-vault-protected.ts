import { judgeBackupVaultProtected } from "../../core/judges/backup";
import { FAILURE_VAULT_EVENTS, failureEvents } from "../../core/backup/events";
import { AWS_TYPES, labelOf, list, num, read, refersTo, str } from "./support/aws";
import { askedOf, NO_BACKUPS } from "./support/backups";
import { judgedRule, type JudgedRule } from "./support/setting-rule";

/**
 * Each planned vault is kept on delete, encrypted with a customer-managed key (`kmsKeyArn`; without it AWS Backup
 * uses its AWS-managed key), locked (`aws_backup_vault_lock_configuration` with `min_retention_days`), and
 * notifies an SNS topic of failed jobs (with an event AWS still sends). `retainOnDelete` is not passed to CrossGuard policies: there it is "cannot tell".
 */
export const backupVaultProtected: JudgedRule = judgedRule(
  "backup.vault_protected",
  (resources) =>
    resources
      .filter((r) => r.type === AWS_TYPES.vault)
      .map((v) => {
        const lock = resources.find((r) => r.type === AWS_TYPES.vaultLock && refersTo(r, "backupVaultName", v));
        const routes = resources.filter((r) => r.type === AWS_TYPES.vaultNotifications && refersTo(r, "backupVaultName", v));
        const events = routes.flatMap((r) => list(read(r.inputs, "backupVaultEvents")).flatMap((e) => (typeof e === "string" ? [e] : [])));
        // Only deprecated events (e.g. BACKUP_JOB_FAILED) are never sent: such a route is silent.
        const notifications = routes.length > 0 && failureEvents(events).length > 0;
        const silentRoute = routes.length > 0 && !notifications ? `its notifications list only ${events.join(", ") || "no events"}, none of which AWS sends for a failed job (use ${FAILURE_VAULT_EVENTS.join(", ")})` : undefined;
        const keyDeps = (v.propertyDependencies["kmsKeyArn"] ?? []).length > 0;
        const retained = v.options.protect || v.options.retainOnDelete === true ? true : v.options.retainOnDelete === undefined ? undefined : false;
        const min = lock === undefined ? undefined : num(read(lock.inputs, "minRetentionDays"));
        const changeable = lock === undefined ? undefined : num(read(lock.inputs, "changeableForDays"));
        const note = silentRoute ?? askedOf(resources, v).notificationsNote;
        return {
          verdict: judgeBackupVaultProtected({
            vaults: [
              {
                label: labelOf(v),
                ...(retained !== undefined ? { retained } : {}),
                customerKey: keyDeps || str(read(v.inputs, "kmsKeyArn")) !== undefined,
                ...(lock !== undefined ? { lock: { ...(min !== undefined ? { minRetentionDays: min } : {}), ...(changeable !== undefined ? { changeableForDays: changeable } : {}) } } : {}),
                notifications,
                ...(note !== undefined ? { notificationsNote: note } : {}),
              },
            ],
          }),
          urn: v.urn,
        };
      }),
  NO_BACKUPS,
);
