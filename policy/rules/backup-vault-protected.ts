import { judgeBackupVaultProtected } from "../../core/judges/backup";
import { FAILURE_VAULT_EVENTS, failureEvents } from "../../core/backup/events";
import type { PlannedResource } from "../resource";
import { AWS_TYPES, labelOf, list, NOT_KNOWN, num, read, readKnown, refersTo, str } from "./support/aws";
import { askedOf, NO_BACKUPS, plansOf, rulesOf } from "./support/backups";

/** The AWS-managed AWS Backup key, named by alias (`alias/aws/backup`, or its alias ARN). */
const AWS_MANAGED_BACKUP_KEY = /(^|:)alias\/aws\/backup$/;

/**
 * `deleteAfter` of every rule storing in `vault`: a rule naming it literally, or one whose vault is computed in a plan
 * that depends on it. "unknown" for a plan whose rules are not known before apply.
 */
function ruleRetentions(resources: readonly PlannedResource[], vault: PlannedResource): (number | "unknown" | undefined)[] {
  const name = str(read(vault.inputs, "name"));
  return plansOf(resources).flatMap((p) => {
    const dependsOn = (p.propertyDependencies["rules"] ?? []).includes(vault.urn);
    const rules = rulesOf(p);
    if (rules === "unknown") return dependsOn ? ["unknown" as const] : [];
    const raw = list(read(p.inputs, "rules"));
    return rules.flatMap((r, i) => {
      const target = readKnown(raw[i], "targetVaultName");
      const stores = (name !== undefined && target === name) || ((target === NOT_KNOWN || target === undefined) && dependsOn);
      return stores ? [r.deleteAfterDays] : [];
    });
  });
}
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
        const max = lock === undefined ? undefined : num(read(lock.inputs, "maxRetentionDays"));
        const keyArn = readKnown(v.inputs, "kmsKeyArn");
        const literalKey = str(keyArn);
        // A key the stack plans is customer-managed; `alias/aws/backup` is AWS's; another ARN cannot be told apart.
        const customerKey: boolean | "unknown" = keyDeps ? true : literalKey !== undefined ? (AWS_MANAGED_BACKUP_KEY.test(literalKey) ? false : "unknown") : keyArn === NOT_KNOWN ? "unknown" : false;
        const changeable = lock === undefined ? undefined : num(read(lock.inputs, "changeableForDays"));
        const note = silentRoute ?? askedOf(resources, v).notificationsNote;
        return {
          verdict: judgeBackupVaultProtected({
            vaults: [
              {
                label: labelOf(v),
                ...(retained !== undefined ? { retained } : {}),
                customerKey,
                ...(lock !== undefined
                  ? { lock: { ...(min !== undefined ? { minRetentionDays: min } : {}), ...(max !== undefined ? { maxRetentionDays: max } : {}), ...(changeable !== undefined ? { changeableForDays: changeable } : {}) } }
                  : {}),
                ruleDeleteAfterDays: ruleRetentions(resources, v),
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
