import { judgeBackupRetention } from "../../core/judges/backup";
import { labelOf } from "./support/aws";
import { askedOf, NO_BACKUPS, plansOf, rulesOf } from "./support/backups";
import { judgedRule, type JudgedRule } from "./support/setting-rule";

/** A plan made outside the `Backups` component is held to the toolkit's default retention. */
export const DEFAULT_RETENTION_DAYS = 35;

/** No rule of a planned backup plan (nor a copy) deletes recovery points before `retentionDays`. */
export const backupRetention: JudgedRule = judgedRule(
  "backup.retention",
  (resources) =>
    plansOf(resources).map((p) => ({
      verdict: judgeBackupRetention({
        plans: [{ label: labelOf(p), retentionDays: askedOf(resources, p).retentionDays ?? DEFAULT_RETENTION_DAYS, rules: rulesOf(p) }],
      }),
      urn: p.urn,
    })),
  NO_BACKUPS,
);
