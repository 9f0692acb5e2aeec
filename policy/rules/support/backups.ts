/** The planned AWS Backup resources, grouped per plan and per vault, with what the `Backups` component was asked. */
import type { PlannedResource } from "../../resource";
import { ancestorOf, AWS_TYPES, BACKUPS_COMPONENT, isRecord, list, num, read, refersTo, str } from "./aws";

export const NO_BACKUPS = "The stack plans no AWS Backup plan or vault.";

export interface BackupsAsked {
  readonly rpoHours?: number;
  readonly retentionDays?: number;
  readonly notificationsNote?: string;
}

/** What the plan's (or vault's) `Backups` component was asked; empty for resources made outside one. */
export function askedOf(resources: readonly PlannedResource[], r: PlannedResource): BackupsAsked {
  const c = ancestorOf(resources, r, BACKUPS_COMPONENT);
  if (c === undefined) return {};
  const rpo = num(read(c.inputs, "rpoHours"));
  const retention = num(read(c.inputs, "retentionDays"));
  const note = str(read(c.inputs, "notificationsNote"));
  return { ...(rpo !== undefined ? { rpoHours: rpo } : {}), ...(retention !== undefined ? { retentionDays: retention } : {}), ...(note !== undefined ? { notificationsNote: note } : {}) };
}

export interface PlannedRule {
  readonly ruleName: string;
  readonly schedule?: string;
  readonly timezone?: string;
  /** `startWindow` in minutes; undefined when unset (AWS's default 8 hours). */
  readonly startWindow?: number;
  readonly deleteAfterDays?: number;
  readonly copyDeleteAfterDays: readonly (number | undefined)[];
}

export function rulesOf(plan: PlannedResource): PlannedRule[] {
  return list(read(plan.inputs, "rules")).map((rule, i) => {
    const lifecycle = read(rule, "lifecycle");
    const schedule = str(read(rule, "schedule"));
    const tz = str(read(rule, "scheduleExpressionTimezone"));
    const startWindow = num(read(rule, "startWindow"));
    const deleteAfter = isRecord(lifecycle) ? num(read(lifecycle, "deleteAfter")) : undefined;
    return {
      ruleName: str(read(rule, "ruleName")) ?? `#${i + 1}`,
      ...(schedule !== undefined ? { schedule } : {}),
      ...(tz !== undefined && !/^(UTC|Etc\/UTC|GMT)$/i.test(tz) ? { timezone: tz } : {}),
      ...(deleteAfter !== undefined ? { deleteAfterDays: deleteAfter } : {}),
      ...(startWindow !== undefined ? { startWindow } : {}),
      copyDeleteAfterDays: list(read(rule, "copyActions")).map((c) => {
        const l = read(c, "lifecycle");
        return isRecord(l) ? num(read(l, "deleteAfter")) : undefined;
      }),
    };
  });
}

export const plansOf = (resources: readonly PlannedResource[]): PlannedResource[] => resources.filter((r) => r.type === AWS_TYPES.plan);

export function selectionsOf(resources: readonly PlannedResource[], plan: PlannedResource): PlannedResource[] {
  return resources.filter((r) => r.type === AWS_TYPES.selection && refersTo(r, "planId", plan));
}
