/** The planned AWS Backup resources, grouped per plan and per vault, with what the `Backups` component was asked. */
import type { PlannedResource } from "../../resource";
import { ancestorOf, AWS_TYPES, BACKUPS_COMPONENT, isRecord, list, NOT_KNOWN, num, read, readKnown, refersTo, str } from "./aws";

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
  /** The schedule is not known before apply (unset would mean AWS's default, so it must not read as unset). */
  readonly scheduleUnknown?: true;
  readonly timezone?: string;
  /** `startWindow` in minutes; undefined when unset (AWS's default 8 hours). */
  readonly startWindow?: number;
  /** Days; undefined when unset (kept for ever); "unknown" when not known before apply. */
  readonly deleteAfterDays?: number | "unknown";
  readonly copyDeleteAfterDays: readonly (number | "unknown" | undefined)[];
}

/** `lifecycle.deleteAfter` of a rule or copy action: unset, days, or not known before apply (never "for ever"). */
function deleteAfterOf(container: unknown): number | "unknown" | undefined {
  const lifecycle = readKnown(container, "lifecycle");
  if (lifecycle === NOT_KNOWN) return "unknown";
  if (!isRecord(lifecycle)) return undefined;
  const d = readKnown(lifecycle, "deleteAfter");
  return d === NOT_KNOWN ? "unknown" : num(d);
}

/** The plan's rules, or "unknown" when the list (or one of its rules) is not known before apply. */
export function rulesOf(plan: PlannedResource): PlannedRule[] | "unknown" {
  const raw = readKnown(plan.inputs, "rules");
  if (raw === NOT_KNOWN) return "unknown";
  if (Array.isArray(raw) && raw.some((_, i) => readKnown(raw, String(i)) === NOT_KNOWN)) return "unknown";
  return list(raw).map((rule, i) => {
    const rawSchedule = readKnown(rule, "schedule");
    const schedule = str(rawSchedule);
    const tz = str(read(rule, "scheduleExpressionTimezone"));
    const startWindow = num(read(rule, "startWindow"));
    const deleteAfter = deleteAfterOf(rule);
    return {
      ruleName: str(read(rule, "ruleName")) ?? `#${i + 1}`,
      ...(schedule !== undefined ? { schedule } : {}),
      ...(rawSchedule === NOT_KNOWN ? { scheduleUnknown: true as const } : {}),
      ...(tz !== undefined && !/^(UTC|Etc\/UTC|GMT)$/i.test(tz) ? { timezone: tz } : {}),
      ...(deleteAfter !== undefined ? { deleteAfterDays: deleteAfter } : {}),
      ...(startWindow !== undefined ? { startWindow } : {}),
      copyDeleteAfterDays: list(read(rule, "copyActions")).map((c) => deleteAfterOf(c)),
    };
  });
}

export const plansOf = (resources: readonly PlannedResource[]): PlannedResource[] => resources.filter((r) => r.type === AWS_TYPES.plan);

export function selectionsOf(resources: readonly PlannedResource[], plan: PlannedResource): PlannedResource[] {
  return resources.filter((r) => r.type === AWS_TYPES.selection && refersTo(r, "planId", plan));
}
