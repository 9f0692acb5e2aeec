import { describeMinutes, parseSchedule, worstGap } from "../../backup/schedule";
import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";

export interface SecretRotationFacts {
  readonly label: string;
  /** The longest the secret may go unrotated: its `rotateAfterDays` (90 when not declared). */
  readonly rotateAfterDays: number;
  /** The rotation, when one is planned. */
  readonly rotation?: {
    readonly hasFunction: boolean;
    readonly automaticallyAfterDays?: number;
    readonly scheduleExpression?: string;
    /** `rotationRules.duration`, e.g. `3h`: the rotation happens at any time in this window after the schedule's start. */
    readonly duration?: string;
  };
  /**
   * The first version the stack writes, when it writes one: the inputs it ignores after create. Undefined: the stack
   * writes no version (rotation sets the first value).
   */
  readonly firstVersion?: { readonly ignoreChanges: readonly string[] };
}

/** What a first version must ignore so a later `pulumi up` leaves a rotated value alone. */
export const WRITE_ONCE_IGNORED = ["secretString", "versionStages"] as const;

/**
 * secrets.rotation: each secret rotates by a function, on a schedule no longer than its `rotateAfterDays`, and the
 * first version is written once. The schedule's longest gap comes from the same parser as backups (AWS cron and
 * rate expressions), plus the rotation window: Secrets Manager rotates at any time within `duration` after the
 * start (API `RotationRulesType.Duration`; unset, the window closes after an hour for a schedule in hours and at the
 * end of the UTC day otherwise, counted here as a full 24 h).
 */
export function judgeSecretsRotation(input: { readonly secrets: readonly SecretRotationFacts[] }): Verdict {
  if (input.secrets.length === 0) return notApplicable("No Secrets Manager secret is planned.");
  const unscheduled: string[] = [];
  const overwrites: string[] = [];
  const unreadable: string[] = [];
  const ok: string[] = [];
  for (const s of input.secrets) {
    const r = s.rotation;
    if (r === undefined || !r.hasFunction) {
      unscheduled.push(`${s.label}: ${r === undefined ? "no rotation is planned" : "the rotation names no rotation function"}`);
      continue;
    }
    let days: number | undefined = r.automaticallyAfterDays;
    let hourly = false;
    if (days === undefined && r.scheduleExpression !== undefined) {
      const parsed = parseSchedule(r.scheduleExpression);
      if ("error" in parsed) {
        unreadable.push(`${s.label}: ${parsed.error}`);
        continue;
      }
      const sched = parsed.schedule;
      hourly = sched.kind === "rate" ? sched.everyMinutes < 1440 : sched.hours.size > 1;
      days = worstGap([sched]).worstMinutes / 1440;
    }
    const windowHours = r.duration === undefined ? (hourly ? 1 : 24) : /^(\d+)h$/.exec(r.duration)?.[1];
    if (windowHours === undefined) {
      unreadable.push(`${s.label}: the rotation window \`${r.duration ?? ""}\` is not a number of hours such as \`3h\``);
      continue;
    }
    if (days !== undefined) days += Number(windowHours) / 24;
    if (days === undefined) {
      unscheduled.push(`${s.label}: the rotation has no schedule (automaticallyAfterDays or scheduleExpression)`);
      continue;
    }
    if (days > s.rotateAfterDays) {
      unscheduled.push(`${s.label}: rotates every ${Number.isFinite(days) ? describeMinutes(days * 1440) : "never (the schedule stops)"} (its ${windowHours} h rotation window included), longer than rotateAfterDays ${s.rotateAfterDays}`);
      continue;
    }
    const missing = s.firstVersion === undefined ? [] : WRITE_ONCE_IGNORED.filter((k) => !s.firstVersion?.ignoreChanges.includes(k));
    if (missing.length > 0) {
      overwrites.push(
        `${s.label}: its first version does not ignore ${missing.map((k) => `\`${k}\``).join(" and ")}, so the next \`pulumi up\` after a rotation moves AWSCURRENT back to the first value`,
      );
      continue;
    }
    ok.push(`${s.label}: rotated by a function at least every ${describeMinutes(days * 1440)}, its ${windowHours} h rotation window included (rotateAfterDays ${s.rotateAfterDays})${s.firstVersion ? "; first value written once" : ""}`);
  }
  if (unscheduled.length > 0) return judged("secrets.rotation", "unscheduled", unscheduled);
  if (overwrites.length > 0) return judged("secrets.rotation", "overwrites", overwrites);
  if (unreadable.length > 0) return cannotTell(`the rotation schedule cannot be read: ${unreadable.join("; ")}`);
  return judged("secrets.rotation", "scheduled", ok);
}
