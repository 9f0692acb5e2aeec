/** The judges of the backup family (backup.*): one per checklist ID, pure. */
import type { CheckId } from "../../../checklist";
import { judgeBackupPlan } from "./plan";
import { judgeBackupRestoreTesting } from "./restore-testing";
import { judgeBackupRetention } from "./retention";
import { judgeBackupVaultProtected } from "./vault-protected";

export const BACKUP_JUDGES: Partial<Record<CheckId, (...args: never[]) => unknown>> = {
  "backup.plan": judgeBackupPlan,
  "backup.retention": judgeBackupRetention,
  "backup.vault_protected": judgeBackupVaultProtected,
  "backup.restore_testing": judgeBackupRestoreTesting,
};

export { judgeBackupPlan, judgeBackupRestoreTesting, judgeBackupRetention, judgeBackupVaultProtected };
export type { BackupPlanFacts } from "./plan";
export type { BackupRetentionFacts } from "./retention";
export type { BackupVaultFacts } from "./vault-protected";
export { MAX_RESTORE_TEST_GAP_DAYS, VALIDATION_WINDOW_HOURS, type RestoreTestingFacts } from "./restore-testing";
