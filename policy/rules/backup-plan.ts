import { judgeBackupPlan } from "../../core/judges/backup";
import { cannotTell } from "../../core/judge";
import { labelOf } from "./support/aws";
import { askedOf, NO_BACKUPS, plansOf, rulesOf, selectionsOf } from "./support/backups";
import { judgedRule, type JudgedRule } from "./support/setting-rule";

/** A plan made outside the `Backups` component is held to a day's RPO (the toolkit's default). */
export const DEFAULT_RPO_HOURS = 24;

/** Each planned backup plan selects resources and runs often enough for its RPO (the `Backups` component's `rpoHours`). */
export const backupPlan: JudgedRule = judgedRule(
  "backup.plan",
  (resources) =>
    plansOf(resources).map((p) => {
      const rules = rulesOf(p);
      if (rules === "unknown" || rules.some((r) => r.scheduleUnknown === true)) {
        return { verdict: cannotTell(`${labelOf(p)}: the plan's rules or schedules are not known before apply`), urn: p.urn };
      }
      const rpoHours = askedOf(resources, p).rpoHours ?? DEFAULT_RPO_HOURS;
      const verdict = judgeBackupPlan({
        plans: [
          {
            label: labelOf(p),
            schedules: rules.map((r) => r.schedule),
            startWindows: rules.map((r) => r.startWindow),
            timezones: [...new Set(rules.flatMap((r) => (r.timezone !== undefined ? [r.timezone] : [])))],
            selections: selectionsOf(resources, p).length,
            rpoHours,
          },
        ],
        rpoHours,
      });
      return { verdict, urn: p.urn };
    }),
  NO_BACKUPS,
);
