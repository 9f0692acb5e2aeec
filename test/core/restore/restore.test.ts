import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { choosePoint, formatDuration, objectives, pollStep, restoredName, safeMetadata, type RecoveryPoint } from "../../../core/restore/restore";

const point = (iso: string, status = "COMPLETED"): RecoveryPoint => ({ arn: `rp-${iso}`, createdAt: new Date(iso), status, resourceArn: "arn:aws:rds:eu-west-1:1:db:prod", resourceType: "RDS" });

describe("choosing the recovery point", () => {
  const points = [point("2026-12-03T03:00:00Z"), point("2026-12-05T03:00:00Z"), point("2026-12-04T03:00:00Z"), point("2026-12-05T08:00:00Z", "PARTIAL")];
  it("the latest restorable by default; the latest at or before --at", () => {
    expect(choosePoint(points)).toMatchObject({ kind: "chosen", point: { arn: "rp-2026-12-05T03:00:00Z" }, considered: 3 });
    expect(choosePoint(points, new Date("2026-12-04T12:00:00Z"))).toMatchObject({ point: { arn: "rp-2026-12-04T03:00:00Z" } });
    expect(choosePoint(points, new Date("2026-12-04T03:00:00Z"))).toMatchObject({ point: { arn: "rp-2026-12-04T03:00:00Z" } });
  });
  it("says why there is none", () => {
    expect(choosePoint([])).toMatchObject({ kind: "none", reason: expect.stringContaining("no recovery point") });
    expect(choosePoint([point("2026-12-05T03:00:00Z", "EXPIRED")])).toMatchObject({ kind: "none", reason: expect.stringContaining("statuses: EXPIRED") });
    expect(choosePoint(points, new Date("2026-12-01T00:00:00Z"))).toMatchObject({ kind: "none", reason: expect.stringContaining("the earliest is 2026-12-03T03:00:00.000Z") });
  });
  it("property: the chosen point is restorable, not after --at, and no eligible point is later", () => {
    const arb = fc.array(fc.record({ t: fc.integer({ min: 0, max: 1e9 }), ok: fc.boolean() }), { maxLength: 20 });
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 1e9 }), (raw, at) => {
        const ps = raw.map((r, i) => ({ arn: `p${i}`, createdAt: new Date(r.t * 1000), status: r.ok ? "COMPLETED" : "PARTIAL", resourceArn: "", resourceType: "RDS" }));
        const c = choosePoint(ps, new Date(at * 1000));
        const eligible = ps.filter((p) => p.status === "COMPLETED" && p.createdAt.getTime() <= at * 1000);
        if (eligible.length === 0) return c.kind === "none";
        return c.kind === "chosen" && c.point.status === "COMPLETED" && c.point.createdAt.getTime() <= at * 1000 && eligible.every((p) => p.createdAt <= c.point.createdAt);
      }),
    );
  });
});

describe("restore metadata never targets the original", () => {
  const now = new Date("2026-12-05T09:00:00Z");
  it("sets a new name per type; refuses types it cannot prove safe", () => {
    expect(safeMetadata("RDS", "arn:aws:rds:eu-west-1:1:db:prod", { DBInstanceIdentifier: "prod" }, now)).toMatchObject({ ok: true, metadata: { DBInstanceIdentifier: "prod-restored-202612050900" } });
    expect(safeMetadata("RDS", "arn:aws:rds:eu-west-1:1:cluster:prod", {}, now)).toMatchObject({ metadata: { DBClusterIdentifier: "prod-restored-202612050900" } });
    expect(safeMetadata("DynamoDB", "arn:aws:dynamodb:eu-west-1:1:table/orders", {}, now)).toMatchObject({ metadata: { targetTableName: "orders-restored-202612050900" } });
    expect(safeMetadata("EFS", "arn:aws:elasticfilesystem:eu-west-1:1:file-system/fs-1", {}, now)).toMatchObject({ metadata: { newFileSystem: "true" } });
    expect(safeMetadata("S3", "arn:aws:s3:::b", {}, now)).toMatchObject({ ok: false });
  });
  it("property: the new name differs from the original and fits 63 characters", () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,80}$/), (name) => {
      const n = restoredName(name, now);
      return n !== name && n.length <= 63 && n.endsWith("-restored-202612050900");
    }));
  });
});

describe("polling and objectives", () => {
  it("the state machine: wait, completed, failed with AWS's reason, timeout", () => {
    expect(pollStep("RUNNING", undefined, 1000, 60_000)).toEqual({ kind: "wait" });
    expect(pollStep("COMPLETED", undefined, 99_999_999, 60_000)).toEqual({ kind: "completed" });
    expect(pollStep("ABORTED", "stopped by user", 0, 60_000)).toEqual({ kind: "failed", reason: "the restore job ABORTED: stopped by user" });
    expect(pollStep("PENDING", undefined, 60_000, 60_000).kind).toBe("timeout");
  });
  it("RTO and RPO arithmetic", () => {
    const o = objectives(new Date("2026-12-05T09:00:00Z"), new Date("2026-12-05T13:00:00Z"), new Date("2026-12-04T09:00:00Z"), new Date("2026-12-05T09:00:01Z"), 4, 24);
    expect(o).toMatchObject({ recoveryMs: 4 * 3_600_000, withinRto: true, withinRpo: false });
    expect(formatDuration(3_900_000)).toBe("1 h 05 min");
  });
});
