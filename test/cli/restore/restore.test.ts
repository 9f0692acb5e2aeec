/**
 * `launch-ready restore` against recorded AWS Backup and STS answers (aws-sdk-client-mock): the real SDK clients,
 * their `send` stubbed, no network. Each case asserts what on-call would see and which AWS calls were (not) made.
 */
import { BackupClient, DescribeRestoreJobCommand, GetRecoveryPointRestoreMetadataCommand, ListRecoveryPointsByBackupVaultCommand, StartRestoreJobCommand } from "@aws-sdk/client-backup";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runRestore, THROTTLE_RETRIES, type RestoreDeps, type RestoreOptions } from "../../../cli/restore/run";

const backup = mockClient(BackupClient);
const sts = mockClient(STSClient);

const VAULT_ARN = "arn:aws:backup:eu-west-1:123456789012:backup-vault:acme-prod-vault";
const ROLE_ARN = "arn:aws:iam::123456789012:role/acme-prod-backup-role";
const DB_ARN = "arn:aws:rds:eu-west-1:123456789012:db:acme-prod";
const POINT_OLD = "arn:aws:backup:eu-west-1:123456789012:recovery-point:old";
const POINT_NEW = "arn:aws:backup:eu-west-1:123456789012:recovery-point:new";
const RESTORED_ARN = "arn:aws:rds:eu-west-1:123456789012:db:acme-prod-restored-202612050900";

const outputs = { backups: { vaultArn: VAULT_ARN, vaultName: "acme-prod-vault", planArn: "arn:aws:backup:eu-west-1:123456789012:backup-plan:p", roleArn: ROLE_ARN, rpoHours: 24, rtoHours: 4 } };

function named(name: string, message = name): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

interface Harness {
  deps: RestoreDeps;
  out: string[];
  err: string[];
  files: Map<string, string>;
  sleeps: number[];
}

/** A clock that starts at 09:00 UTC and moves only when the command sleeps. */
function harness(): Harness {
  let t = Date.parse("2026-12-05T09:00:00Z");
  const h: Harness = {
    out: [],
    err: [],
    files: new Map(),
    sleeps: [],
    deps: {
      clients: () => ({ backup: new BackupClient({ region: "eu-west-1" }), sts: new STSClient({ region: "eu-west-1" }) }),
      now: () => new Date(t),
      sleep: async (ms) => {
        h.sleeps.push(ms);
        t += ms;
      },
      out: (s) => h.out.push(s),
      err: (s) => h.err.push(s),
      writeFile: (p, text) => h.files.set(p, text),
    },
  };
  return h;
}

function options(extra: Partial<RestoreOptions> = {}): RestoreOptions {
  return { stack: "example", outputs, resourceArn: DB_ARN, yes: false, pollMs: 30_000, reportDir: "reports", ...extra };
}

function recorded(): void {
  sts.on(GetCallerIdentityCommand).resolves({ Account: "123456789012", Arn: "arn:aws:sts::123456789012:assumed-role/oncall/alice", UserId: "AROA:alice" });
  backup.on(ListRecoveryPointsByBackupVaultCommand).resolves({
    RecoveryPoints: [
      { RecoveryPointArn: POINT_OLD, CreationDate: new Date("2026-12-04T03:00:00Z"), Status: "COMPLETED", ResourceArn: DB_ARN, ResourceType: "RDS" },
      { RecoveryPointArn: POINT_NEW, CreationDate: new Date("2026-12-05T03:00:00Z"), Status: "COMPLETED", ResourceArn: DB_ARN, ResourceType: "RDS" },
      { RecoveryPointArn: "arn:aws:backup:eu-west-1:123456789012:recovery-point:partial", CreationDate: new Date("2026-12-05T06:00:00Z"), Status: "PARTIAL", ResourceArn: DB_ARN, ResourceType: "RDS" },
    ],
  });
  backup.on(GetRecoveryPointRestoreMetadataCommand).resolves({ ResourceType: "RDS", RestoreMetadata: { DBInstanceIdentifier: "acme-prod", DBSubnetGroupName: "acme-prod-db" } });
  backup.on(StartRestoreJobCommand).resolves({ RestoreJobId: "job-1" });
}

beforeEach(() => {
  backup.reset();
  sts.reset();
});
afterEach(() => {
  backup.reset();
  sts.reset();
});

describe("launch-ready restore", () => {
  it("a dry run prints exactly what it would do and starts nothing", async () => {
    recorded();
    const h = harness();
    expect(await runRestore(options(), h.deps)).toBe(0);
    expect(h.out.join("")).toBe(
      [
        "Restore plan for stack example (account 123456789012, region eu-west-1):",
        `  resource        ${DB_ARN} (RDS)`,
        `  recovery point  ${POINT_NEW}`,
        "                  taken 2026-12-05T03:00:00.000Z, the latest of 2 restorable point(s)",
        "  vault           acme-prod-vault",
        `  role            ${ROLE_ARN}`,
        "  restore into    acme-prod-restored-202612050900 (a new resource; the original is not touched), metadata set: DBInstanceIdentifier=acme-prod-restored-202612050900",
        "  objectives      RPO 24 h, RTO 4 h; waits up to 4 h 00 min for the job",
        "Dry run: nothing was started. Run the same command with --yes to start this restore job.",
        "",
      ].join("\n"),
    );
    expect(backup.commandCalls(StartRestoreJobCommand)).toHaveLength(0);
    expect(h.files.size).toBe(0);
    expect(backup.commandCalls(ListRecoveryPointsByBackupVaultCommand)[0]?.args[0].input).toEqual({ BackupVaultName: "acme-prod-vault", ByResourceArn: DB_ARN });
  });

  it("--at picks the latest point at or before the loss", async () => {
    recorded();
    const h = harness();
    expect(await runRestore(options({ at: new Date("2026-12-05T01:00:00Z") }), h.deps)).toBe(0);
    expect(h.out.join("")).toContain(`recovery point  ${POINT_OLD}`);
  });

  it("success: starts the job with the plan's role into a new resource, polls with progress, reports recovery time against the RTO", async () => {
    recorded();
    backup
      .on(DescribeRestoreJobCommand)
      .resolvesOnce({ RestoreJobId: "job-1", Status: "PENDING" })
      .resolvesOnce({ RestoreJobId: "job-1", Status: "RUNNING", PercentDone: "40.00%" })
      .resolves({ RestoreJobId: "job-1", Status: "COMPLETED", PercentDone: "100.00%", CreatedResourceArn: RESTORED_ARN, CompletionDate: new Date("2026-12-05T10:15:00Z") });
    const h = harness();
    expect(await runRestore(options({ yes: true }), h.deps)).toBe(0);
    const start = backup.commandCalls(StartRestoreJobCommand);
    expect(start).toHaveLength(1);
    const input = start[0]?.args[0].input;
    expect(input?.IamRoleArn).toBe(ROLE_ARN);
    expect(input?.RecoveryPointArn).toBe(POINT_NEW);
    expect(input?.Metadata?.["DBInstanceIdentifier"]).toBe("acme-prod-restored-202612050900");
    expect(input?.Metadata?.["DBSubnetGroupName"]).toBe("acme-prod-db");
    const out = h.out.join("");
    expect(out).toContain("restore job PENDING, 0 s elapsed (RTO 4 h)");
    expect(out).toContain("restore job RUNNING 40.00%, 30 s elapsed (RTO 4 h)");
    expect(out).toContain(`Restored into ${RESTORED_ARN}. Recovery time 1 h 15 min against an RTO of 4 h: within the RTO. Data loss window 6 h 00 min against an RPO of 24 h: within the RPO.`);
    const json = [...h.files.entries()].find(([p]) => p.endsWith(".json"));
    expect(json?.[0]).toBe("reports/restore-example-2026-12-05T09-00-00-000Z.json");
    const doc: unknown = JSON.parse(json?.[1] ?? "{}");
    expect(doc).toMatchObject({ outcome: "completed", createdResourceArn: RESTORED_ARN, restoreJobId: "job-1", objectives: { withinRto: true, rtoHours: 4, recoveryMs: 75 * 60_000 } });
    const md = [...h.files.entries()].find(([p]) => p.endsWith(".md"))?.[1] ?? "";
    expect(md).toContain("| Recovery time | 1 h 15 min against an RTO of 4 h: within |");
  });

  it("a restore slower than the RTO says the RTO was missed", async () => {
    recorded();
    backup.on(DescribeRestoreJobCommand).resolves({ Status: "COMPLETED", CreatedResourceArn: RESTORED_ARN, CompletionDate: new Date("2026-12-05T14:00:00Z") });
    const h = harness();
    expect(await runRestore(options({ yes: true }), h.deps)).toBe(0);
    expect(h.out.join("")).toContain("Recovery time 5 h 00 min against an RTO of 4 h: the RTO was MISSED");
  });

  it("no recovery points: says why and starts nothing (exit 1)", async () => {
    recorded();
    backup.on(ListRecoveryPointsByBackupVaultCommand).resolves({ RecoveryPoints: [] });
    const h = harness();
    expect(await runRestore(options({ yes: true }), h.deps)).toBe(1);
    expect(h.err.join("")).toContain("the vault holds no recovery point for this resource");
    expect(backup.commandCalls(StartRestoreJobCommand)).toHaveLength(0);
  });

  it("a failed job: exit 1, AWS's reason, a report, and the original untouched", async () => {
    recorded();
    backup.on(DescribeRestoreJobCommand).resolvesOnce({ Status: "RUNNING" }).resolves({ Status: "FAILED", StatusMessage: "DB subnet group 'acme-prod-db' does not exist" });
    const h = harness();
    expect(await runRestore(options({ yes: true }), h.deps)).toBe(1);
    expect(h.err.join("")).toContain("Restore failed: the restore job FAILED: DB subnet group 'acme-prod-db' does not exist. The original resource is untouched.");
    const doc: unknown = JSON.parse([...h.files.entries()].find(([p]) => p.endsWith(".json"))?.[1] ?? "{}");
    expect(doc).toMatchObject({ outcome: "failed" });
  });

  it("a timeout: stops waiting at --timeout (exit 3) and says the job keeps running", async () => {
    recorded();
    backup.on(DescribeRestoreJobCommand).resolves({ Status: "RUNNING", PercentDone: "10.00%" });
    const h = harness();
    expect(await runRestore(options({ yes: true, timeoutMs: 5 * 60_000 }), h.deps)).toBe(3);
    expect(h.err.join("")).toContain("still RUNNING after 5 min (the limit, --timeout); it keeps running in AWS");
    expect(backup.commandCalls(DescribeRestoreJobCommand)).toHaveLength(11);
  });

  it("missing permissions: refuses naming the action and starts nothing (exit 2)", async () => {
    recorded();
    backup.on(ListRecoveryPointsByBackupVaultCommand).rejects(named("AccessDeniedException", "User is not authorized to perform: backup:ListRecoveryPointsByBackupVault"));
    const h = harness();
    expect(await runRestore(options({ yes: true }), h.deps)).toBe(2);
    expect(h.err.join("")).toContain("ListRecoveryPointsByBackupVault: permission denied (AccessDeniedException)");
    expect(backup.commandCalls(StartRestoreJobCommand)).toHaveLength(0);
  });

  it("missing credentials: refuses with how to provide them (exit 2)", async () => {
    sts.on(GetCallerIdentityCommand).rejects(named("CredentialsProviderError", "Could not load credentials from any providers"));
    const h = harness();
    expect(await runRestore(options(), h.deps)).toBe(2);
    expect(h.err.join("")).toContain("no AWS credentials: set AWS_PROFILE");
    expect(backup.calls()).toHaveLength(0);
  });

  it("missing region or a region other than the vault's: refused before any AWS call", async () => {
    const h = harness();
    expect(await runRestore(options({ region: "us-east-1" }), h.deps)).toBe(2);
    expect(h.err.join("")).toContain("--region us-east-1: the vault is in eu-west-1");
    const noRegion = { backups: { ...outputs.backups, vaultArn: "acme-prod-vault" } };
    expect(await runRestore(options({ outputs: noRegion }), h.deps)).toBe(2);
    expect(h.err.join("")).toContain("no region: the vault ARN names none and --region was not given");
    expect(sts.calls()).toHaveLength(0);
  });

  it("no backups output: names the output to add", async () => {
    const h = harness();
    expect(await runRestore(options({ outputs: {} }), h.deps)).toBe(2);
    expect(h.err.join("")).toContain("the stack has no `backups` output");
  });

  it("a throttled API: retried with backoff, then succeeds", async () => {
    recorded();
    backup.on(ListRecoveryPointsByBackupVaultCommand).rejectsOnce(named("ThrottlingException", "Rate exceeded")).rejectsOnce(named("ThrottlingException", "Rate exceeded")).resolves({ RecoveryPoints: [{ RecoveryPointArn: POINT_NEW, CreationDate: new Date("2026-12-05T03:00:00Z"), Status: "COMPLETED", ResourceArn: DB_ARN, ResourceType: "RDS" }] });
    const h = harness();
    expect(await runRestore(options(), h.deps)).toBe(0);
    expect(h.sleeps).toEqual([1000, 2000]);
    expect(h.err.join("")).toContain("throttled by AWS (ThrottlingException); retrying in 1 s");
  });

  it("a throttled API that stays throttled: gives up (exit 3) without starting anything", async () => {
    recorded();
    backup.on(StartRestoreJobCommand).rejects(named("ThrottlingException", "Rate exceeded"));
    const h = harness();
    expect(await runRestore(options({ yes: true }), h.deps)).toBe(3);
    expect(backup.commandCalls(StartRestoreJobCommand)).toHaveLength(THROTTLE_RETRIES + 1);
    expect(h.err.join("")).toContain(`StartRestoreJob: AWS kept throttling the request (ThrottlingException) after ${THROTTLE_RETRIES + 1} attempts`);
  });

  it("a resource type whose restore could overwrite is refused", async () => {
    recorded();
    backup.on(GetRecoveryPointRestoreMetadataCommand).resolves({ ResourceType: "S3", RestoreMetadata: {} });
    const h = harness();
    expect(await runRestore(options({ yes: true, resourceArn: "arn:aws:s3:::acme-prod-uploads" }), h.deps)).toBe(2);
    expect(h.err.join("")).toContain("resource type S3: launch-ready cannot prove its restore creates a new resource");
    expect(backup.commandCalls(StartRestoreJobCommand)).toHaveLength(0);
  });

  it("never calls a deleting AWS operation", async () => {
    recorded();
    backup.on(DescribeRestoreJobCommand).resolves({ Status: "COMPLETED", CreatedResourceArn: RESTORED_ARN });
    const h = harness();
    await runRestore(options({ yes: true }), h.deps);
    const names = backup.calls().map((c) => c.args[0].constructor.name);
    expect(names.filter((n) => /Delete|Disassociate|Update/.test(n))).toEqual([]);
  });

  it("reads every page of recovery points before choosing", async () => {
    recorded();
    backup
      .on(ListRecoveryPointsByBackupVaultCommand)
      .resolvesOnce({ RecoveryPoints: [{ RecoveryPointArn: POINT_OLD, CreationDate: new Date("2026-12-04T03:00:00Z"), Status: "COMPLETED", ResourceArn: DB_ARN, ResourceType: "RDS" }], NextToken: "page-2" })
      .resolves({ RecoveryPoints: [{ RecoveryPointArn: POINT_NEW, CreationDate: new Date("2026-12-05T03:00:00Z"), Status: "COMPLETED", ResourceArn: DB_ARN, ResourceType: "RDS" }] });
    const h = harness();
    expect(await runRestore(options(), h.deps)).toBe(0);
    expect(h.out.join("")).toContain(`recovery point  ${POINT_NEW}`);
    expect(backup.commandCalls(ListRecoveryPointsByBackupVaultCommand)[1]?.args[0].input.NextToken).toBe("page-2");
  });
});
