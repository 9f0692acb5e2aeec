/**
 * The pure part of `launch-ready restore`: choosing the recovery point, making restore metadata that can never
 * overwrite the original resource, the polling state machine, and the RPO/RTO arithmetic of the report.
 * No AWS SDK and no I/O here; cli/restore/run.ts drives these with AWS Backup's answers.
 */

export interface RecoveryPoint {
  readonly arn: string;
  readonly createdAt: Date;
  /** AWS Backup's status: COMPLETED, PARTIAL, DELETING, EXPIRED, AVAILABLE, STOPPED, CREATING. */
  readonly status: string;
  readonly resourceArn: string;
  readonly resourceType: string;
}

/** A point a restore can start from: AWS Backup marks finished points COMPLETED (AVAILABLE for some types). */
export function isRestorable(p: RecoveryPoint): boolean {
  return p.status === "COMPLETED" || p.status === "AVAILABLE";
}

export type Choice =
  | { readonly kind: "chosen"; readonly point: RecoveryPoint; readonly considered: number }
  | { readonly kind: "none"; readonly reason: string };

/** The latest restorable point, or the latest at or before `at` (the moment before the loss). */
export function choosePoint(points: readonly RecoveryPoint[], at?: Date): Choice {
  const restorable = points.filter(isRestorable);
  if (points.length === 0) return { kind: "none", reason: "the vault holds no recovery point for this resource (is it tagged with the backup selection tag, and has a backup run since?)" };
  if (restorable.length === 0) return { kind: "none", reason: `none of the ${points.length} recovery point(s) is restorable (statuses: ${[...new Set(points.map((p) => p.status))].join(", ")})` };
  const eligible = at === undefined ? restorable : restorable.filter((p) => p.createdAt.getTime() <= at.getTime());
  if (eligible.length === 0) {
    const first = restorable.reduce((a, b) => (a.createdAt < b.createdAt ? a : b));
    return { kind: "none", reason: `no restorable recovery point at or before ${at?.toISOString() ?? ""}; the earliest is ${first.createdAt.toISOString()}` };
  }
  const point = eligible.reduce((a, b) => (b.createdAt.getTime() > a.createdAt.getTime() ? b : a));
  return { kind: "chosen", point, considered: restorable.length };
}

/** The AWS Backup resource type of an ARN's service, for the types whose restore we know creates a new resource. */
export type Target =
  | { readonly ok: true; readonly metadata: Readonly<Record<string, string>>; readonly newName: string; readonly changed: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** The last part of an ARN's resource (`db:prod` → `prod`, `table/orders` → `orders`). */
export function resourceNameOf(arn: string): string {
  const resource = arn.split(":").slice(5).join(":");
  return resource.split(/[/:]/).filter((s) => s !== "").pop() ?? resource;
}

/** A name that cannot be the original's: `<original>-restored-<yyyymmddhhmm>`, kept within 63 characters. */
export function restoredName(original: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:T]/g, "").slice(0, 12);
  const suffix = `-restored-${stamp}`;
  return `${original.slice(0, 63 - suffix.length)}${suffix}`;
}

/**
 * Restore metadata that creates a NEW resource: the original is never overwritten or deleted. The key that names
 * the target, per resource type (AWS Backup developer guide, "Restore testing inferred metadata" and the
 * StartRestoreJob reference: "you might need to provide a new resource name if the original already exists"):
 * RDS instance `DBInstanceIdentifier`; Aurora/DocumentDB/Neptune cluster `DBClusterIdentifier`; DynamoDB
 * `targetTableName`; EFS `newFileSystem=true`. EBS and EC2 restores always create a new volume or instance.
 * Any other type is refused: we cannot prove its restore would not write over the original.
 */
export function safeMetadata(resourceType: string, resourceArn: string, metadata: Readonly<Record<string, string>>, now: Date): Target {
  const original = resourceNameOf(resourceArn);
  const name = restoredName(original, now);
  const set = (key: string, value: string): Target => ({ ok: true, metadata: { ...metadata, [key]: value }, newName: value, changed: [key] });
  switch (resourceType) {
    case "RDS":
      return resourceArn.includes(":cluster:") ? set("DBClusterIdentifier", name) : set("DBInstanceIdentifier", name);
    case "Aurora":
    case "DocumentDB":
    case "Neptune":
      return set("DBClusterIdentifier", name);
    case "DynamoDB":
      return set("targetTableName", name);
    case "EFS":
      return { ok: true, metadata: { ...metadata, newFileSystem: "true", CreationToken: name }, newName: "a new EFS file system", changed: ["newFileSystem", "CreationToken"] };
    case "EBS":
    case "EC2":
      return { ok: true, metadata: { ...metadata }, newName: resourceType === "EBS" ? "a new EBS volume" : "a new EC2 instance", changed: [] };
    default:
      return { ok: false, reason: `resource type ${resourceType}: launch-ready cannot prove its restore creates a new resource rather than writing over the original, so it does not start one; follow runbooks/restore.md by hand` };
  }
}

/** AWS Backup's restore job statuses. */
export type JobStatus = "PENDING" | "RUNNING" | "COMPLETED" | "ABORTED" | "FAILED";

export type PollStep =
  | { readonly kind: "wait" }
  | { readonly kind: "completed" }
  | { readonly kind: "failed"; readonly reason: string }
  | { readonly kind: "timeout"; readonly reason: string };

/** One step of the polling state machine: the job's status and how long we have waited decide what comes next. */
export function pollStep(status: string | undefined, statusMessage: string | undefined, waitedMs: number, timeoutMs: number): PollStep {
  if (status === "COMPLETED") return { kind: "completed" };
  if (status === "FAILED" || status === "ABORTED") return { kind: "failed", reason: `the restore job ${status}${statusMessage !== undefined && statusMessage !== "" ? `: ${statusMessage}` : ""}` };
  if (waitedMs >= timeoutMs) return { kind: "timeout", reason: `the restore job is still ${status ?? "unknown"} after ${formatDuration(waitedMs)} (the limit, --timeout); it keeps running in AWS: follow it with \`aws backup describe-restore-job\`` };
  return { kind: "wait" };
}

/** `1 h 05 min`, `12 min`, `40 s`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

/** The progress line: status, percent done when AWS reports it, elapsed time against the RTO. */
export function progressLine(status: string | undefined, percentDone: string | undefined, elapsedMs: number, rtoHours: number): string {
  const pct = percentDone !== undefined && percentDone !== "" ? ` ${percentDone.replace(/%$/, "")}%` : "";
  return `restore job ${status ?? "UNKNOWN"}${pct}, ${formatDuration(elapsedMs)} elapsed (RTO ${rtoHours} h)`;
}

export interface Objectives {
  /** From the restore's start to the restored resource's existence. */
  readonly recoveryMs: number;
  readonly rtoHours: number;
  readonly withinRto: boolean;
  /** Data written between the point and the loss (`--at`, else the restore's start) is lost. */
  readonly dataLossMs: number;
  readonly rpoHours: number;
  readonly withinRpo: boolean;
}

export function objectives(startedAt: Date, completedAt: Date, pointAt: Date, lossAt: Date, rtoHours: number, rpoHours: number): Objectives {
  const recoveryMs = completedAt.getTime() - startedAt.getTime();
  const dataLossMs = Math.max(0, lossAt.getTime() - pointAt.getTime());
  return { recoveryMs, rtoHours, withinRto: recoveryMs <= rtoHours * 3_600_000, dataLossMs, rpoHours, withinRpo: dataLossMs <= rpoHours * 3_600_000 };
}
