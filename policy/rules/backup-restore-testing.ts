import { judgeBackupRestoreTesting } from "../../core/judges/backup";
import { AWS_TYPES, labelOf, num, read, refersTo, str } from "./support/aws";
import { NO_BACKUPS } from "./support/backups";
import { judgedRule, type JudgedRule } from "./support/setting-rule";

/**
 * Where a backup plan is planned, a restore testing plan runs on a schedule with a selection whose validation window
 * is 1–168 hours (AWS Backup `RestoreTestingSelection.ValidationWindowHours`; provider docs: "Valid range is 1 to 168").
 */
export const backupRestoreTesting: JudgedRule = judgedRule(
  "backup.restore_testing",
  (resources) => {
    const backupPlans = resources.filter((r) => r.type === AWS_TYPES.plan);
    const plans = resources.filter((r) => r.type === AWS_TYPES.restoreTestingPlan);
    if (backupPlans.length === 0 && plans.length === 0) return [];
    const verdict = judgeBackupRestoreTesting({
      backupsPlanned: backupPlans.length > 0,
      plans: plans.map((p) => {
        const schedule = str(read(p.inputs, "scheduleExpression"));
        return {
          label: labelOf(p),
          ...(schedule !== undefined ? { scheduleExpression: schedule } : {}),
          selections: resources
            .filter((s) => s.type === AWS_TYPES.restoreTestingSelection && refersTo(s, "restoreTestingPlanName", p))
            .map((s) => {
              const w = num(read(s.inputs, "validationWindowHours"));
              return { label: labelOf(s), ...(w !== undefined ? { validationWindowHours: w } : {}) };
            }),
        };
      }),
    });
    const urn = plans[0]?.urn ?? backupPlans[0]?.urn;
    return [{ verdict, ...(urn !== undefined ? { urn } : {}) }];
  },
  NO_BACKUPS,
);
