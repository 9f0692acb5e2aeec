/**
 * The AWS part of the example stack through the offline engine: the KMS key, the secrets and the backups the
 * preview shows, their captured inputs and options, every secrets.* and backup.* check, and each defect the issue
 * names failing its check with a fix.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { readStackFile, type StackFile } from "../../../config/stack-file";
import type { CapturedResource } from "../../../engine/capture";
import type { OfflineRun } from "../../../engine/run";
import type { Scorecard } from "../../../policy/scorecard";
import { tempDir } from "../../helpers/temp-dir";
import { runProgram } from "../../lib/program";
import { mapAt, readStack, runStack, STACKS_DIR } from "../../stacks/support/run-stack";

/** A Stripe-format fake, built at run time so that the repository holds no credential-shaped string (test/scan). */
const FAKE_STRIPE = ["sk", "live", "51HqLyjWDarjtT1zdp7dc"].join("_");

const T = {
  key: "aws:kms/key:Key",
  secret: "aws:secretsmanager/secret:Secret",
  version: "aws:secretsmanager/secretVersion:SecretVersion",
  rotation: "aws:secretsmanager/secretRotation:SecretRotation",
  password: "random:index/randomPassword:RandomPassword",
  fn: "aws:lambda/function:Function",
  vault: "aws:backup/vault:Vault",
  lock: "aws:backup/vaultLockConfiguration:VaultLockConfiguration",
  plan: "aws:backup/plan:Plan",
  selection: "aws:backup/selection:Selection",
  rtp: "aws:backup/restoreTestingPlan:RestoreTestingPlan",
  rts: "aws:backup/restoreTestingSelection:RestoreTestingSelection",
  attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
};

const ofType = (run: OfflineRun, type: string): CapturedResource[] => run.resources.filter((r) => r.type === type);
const one = (run: OfflineRun, type: string, name: string): CapturedResource => {
  const r = run.resources.find((x) => x.type === type && x.name === name);
  if (r === undefined) throw new Error(`no ${type} ${name}`);
  return r;
};
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
const check = (s: Scorecard, id: string) => s.checks.find((c) => c.id === id);

/** A copy of the example stack with its `launch-ready:` config edited, written and read back as the CLI reads it. */
function exampleVariant(variant: string, edit: (config: Record<string, unknown>) => void): StackFile {
  const doc: unknown = parse(readFileSync(join(STACKS_DIR, "Pulumi.example.yaml"), "utf8"));
  edit(mapAt(doc, "config"));
  const dir = tempDir("aws-variant");
  try {
    dir.write(`Pulumi.${variant}.yaml`, stringify(doc));
    return readStackFile(dir.dir, variant);
  } finally {
    dir.cleanup();
  }
}

describe("the example stack's AWS resources", () => {
  it("a rotating customer-managed key shared by two generated, rotated secrets and a locked backup vault", async () => {
    const { run, scorecard } = await runStack(readStack("example"), false);
    expect(run.errors).toEqual([]);
    const key = one(run, T.key, "launch-ready-key");
    expect(key.inputs["enableKeyRotation"]).toBe(true);
    expect(key.options.retainOnDelete).toBe(true);

    const secrets = ofType(run, T.secret);
    expect(secrets.map((s) => s.inputs["name"]).sort()).toEqual(["launch-ready/session-signing-key", "launch-ready/webhook-signing-secret"]);
    for (const s of secrets) expect(s.propertyDependencies["kmsKeyId"]).toContain(key.urn);

    const pw = one(run, T.password, "launch-ready-secrets-webhook-signing-secret-initial");
    expect(pw.inputs).toMatchObject({ length: 48, special: false });

    const rotations = ofType(run, T.rotation);
    expect(rotations.map((r) => plain(r.inputs["rotationRules"])).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      // One day less than rotateAfterDays (30, 90): a day-based rotation window lasts to the end of the UTC day.
      { automaticallyAfterDays: 29 },
      { automaticallyAfterDays: 89 },
    ]);
    for (const r of rotations) expect(r.inputs["rotateImmediately"]).toBe(false);
    const fn = one(run, T.fn, "launch-ready-secrets-rotation");
    expect(fn.inputs).toMatchObject({ runtime: "nodejs20.x", handler: "index.handler" });
    for (const r of rotations) expect(r.propertyDependencies["rotationLambdaArn"]).toContain(fn.urn);
    // Only Secrets Manager acting for this account may invoke the rotation function (confused deputy).
    const invoke = one(run, "aws:lambda/permission:Permission", "launch-ready-secrets-rotation-invoke");
    expect(invoke.inputs).toMatchObject({ principal: "secretsmanager.amazonaws.com", sourceAccount: expect.stringMatching(/^\d{12}$/) });

    const vault = one(run, T.vault, "launch-ready-backups-vault");
    expect(vault.options.retainOnDelete).toBe(true);
    expect(vault.propertyDependencies["kmsKeyArn"]).toContain(key.urn);
    expect(one(run, T.lock, "launch-ready-backups-vault-lock").inputs["minRetentionDays"]).toBe(35);
    const rules = plain(one(run, T.plan, "launch-ready-backups-plan").inputs["rules"]);
    expect(rules).toMatchObject([
      // rpoHours 24: every 12 h, so the 60-minute start window still fits (daily + 1 h would be 25 h).
      { ruleName: "every-12h", schedule: "cron(0 0/12 * * ? *)", startWindow: 60, lifecycle: { deleteAfter: 35 } },
      { ruleName: "weekly", schedule: "cron(0 4 ? * SUN *)", lifecycle: { deleteAfter: 91 } },
      { ruleName: "monthly", schedule: "cron(0 5 1 * ? *)", lifecycle: { deleteAfter: 365 } },
    ]);
    expect(plain(one(run, T.selection, "launch-ready-backups-selection").inputs["selectionTags"])).toEqual([{ type: "STRINGEQUALS", key: "backup", value: "daily" }]);
    expect(ofType(run, T.attachment).map((a) => a.inputs["policyArn"])).toEqual(
      expect.arrayContaining([
        "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
        "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
      ]),
    );
    expect(one(run, T.rtp, "launch-ready-backups-restore-testing").inputs["scheduleExpression"]).toBe("cron(0 6 ? * MON *)");
    const rts = one(run, T.rts, "launch-ready-backups-restore-testing-selection");
    expect(rts.inputs["validationWindowHours"]).toBe(4);
    expect(plain(rts.inputs["protectedResourceConditions"])).toEqual({ stringEquals: [{ key: "aws:ResourceTag/backup", value: "daily" }] });

    // Stack outputs: the runbooks' ARNs and objectives, and a read policy per secret.
    expect(run.outputs["backups"]).toMatchObject({ rpoHours: 24, rtoHours: 4, vaultName: "launch-ready-backups-vault" });
    const backups = plain(run.outputs["backups"]);
    for (const k of ["vaultArn", "planArn", "roleArn", "restoreTestingPlanArn"]) expect(backups).toHaveProperty(k, expect.stringMatching(/^arn:aws:/));
    const out = plain(run.outputs["secrets"]);
    const policy: unknown = JSON.parse(String(Reflect.get(Reflect.get(out as object, "session-signing-key") as object, "readPolicy")));
    expect(policy).toMatchObject({
      Statement: [
        { Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: expect.stringMatching(/^arn:aws:secretsmanager:/) },
        { Action: ["kms:Decrypt"], Condition: { StringEquals: { "kms:EncryptionContext:SecretARN": expect.stringMatching(/^arn:aws:secretsmanager:/) } } },
      ],
    });

    // Every check of both rows passes.
    for (const id of ["secrets.generated", "secrets.rotation", "secrets.kms_rotation", "backup.plan", "backup.retention", "backup.restore_testing"]) {
      expect([id, check(scorecard, id)?.status]).toEqual([id, "pass"]);
    }
    const vp = check(scorecard, "backup.vault_protected");
    // The example declares launch-ready:alerts, so the vault notifies its topic.
    expect(vp?.status).toBe("pass");
    expect(vp?.message).toMatch(/locked with a minimum retention of 35 day\(s\) \(governance mode: a role allowed backup:DeleteBackupVaultLockConfiguration can remove the lock/);
  });

  it("secret values are Pulumi secrets in the captured graph, written once, and absent from every output and log", async () => {
    const { run } = await runStack(readStack("example"), false);
    const versions = ofType(run, T.version);
    expect(versions).toHaveLength(2);
    for (const v of versions) {
      expect(v.secretInputs).toContain("secretString");
      expect(v.displayInputs["secretString"]).toBe("[secret]");
      expect(v.options.ignoreChanges).toEqual(["secretString", "versionStages"]);
      expect(plain(v.inputs["versionStages"])).toEqual(["AWSCURRENT", "LAUNCHREADY_INITIAL"]);
    }
    for (const p of ofType(run, T.password)) expect(p.secretInputs ?? []).toEqual([]);
    // The offline engine's generated values are `x` repeated: no display input, output or log holds them.
    const generated = ["x".repeat(64), "x".repeat(48)];
    const shown = JSON.stringify({ display: run.resources.map((r) => r.displayInputs), outputs: run.outputs, logs: run.logs });
    for (const g of generated) expect(shown).not.toContain(g);
  });
});

describe("each defect fails its check, with a fix", () => {
  it("restore testing removed: backup.restore_testing fails", async () => {
    const stack = exampleVariant("no-restore-test", (c) => Reflect.set(mapAt(c, "launch-ready:backups"), "restoreTesting", "off"));
    const { run, scorecard } = await runStack(stack, true);
    expect(ofType(run, T.rtp)).toEqual([]);
    const c = check(scorecard, "backup.restore_testing");
    expect(c?.status).toBe("fail");
    expect(c?.message).toMatch(/no restore testing plan is: restores are never exercised/);
    expect(c?.remediation).toMatch(/restoreTesting: weekly/);
    expect(scorecard.rows.find((r) => r.row === "backup")?.status).toBe("fail");
  });

  it("an RPO of 24 hours with a daily plan: the 60-minute start window makes the gap 25 h, so backup.plan fails", async () => {
    const stack = exampleVariant("rpo-24h-daily", (c) => {
      const b = mapAt(c, "launch-ready:backups");
      b["rpoHours"] = 24;
      b["schedule"] = "cron(0 3 * * ? *)";
    });
    const { scorecard } = await runStack(stack, true);
    const c = check(scorecard, "backup.plan");
    expect(c?.status).toBe("fail");
    expect(c?.message).toMatch(/longest gap between backups is 25 h: 1 day\(s\) between scheduled runs plus a start window of 1 h; RPO 24 h/);
    expect(c?.remediation).toMatch(/rpoHours/);
  });

  it("an RPO of 2 hours without a schedule override gets an hourly rule, and passes; 1 hour cannot be met and is refused", async () => {
    const stack = exampleVariant("rpo-2h", (c) => Reflect.set(mapAt(c, "launch-ready:backups"), "rpoHours", 2));
    const { run, scorecard } = await runStack(stack, true);
    expect(plain(one(run, T.plan, "launch-ready-backups-plan").inputs["rules"])).toMatchObject([{ ruleName: "every-1h", schedule: "cron(0 0/1 * * ? *)" }, {}, {}]);
    expect(check(scorecard, "backup.plan")?.status).toBe("pass");
    const { validateBackupsArgs } = await import("../../../components/backups/backups");
    expect(validateBackupsArgs({ selectionTag: { backup: "x" }, rpoHours: 1 }).errors).toEqual([{ path: "args.rpoHours", message: expect.stringMatching(/from 2 to 168/) }]);
    expect(validateBackupsArgs({ selectionTag: { backup: "x" }, schedule: "rate(12 hours)" }).errors).toEqual([{ path: "args.schedule", message: expect.stringMatching(/AWS Backup takes cron expressions only/) }]);
  });

  it("retention below the configured days: backup.retention fails, naming the rule", async () => {
    const run = await runProgram(
      `import { Backups } from "launch-ready";
const b = new Backups("db", { selectionTag: { backup: "daily" }, retentionDays: 35 });
// A plan written by hand beside it, keeping daily points a week only.
new aws.backup.Plan("short", { name: "short", rules: [{ ruleName: "nightly", targetVaultName: b.vault.name, schedule: "cron(0 2 * * ? *)", lifecycle: { deleteAfter: 7 } }] });`,
      true,
    );
    expect(run.errors).toEqual([]);
    const { buildScorecard } = await import("../../../policy/scorecard");
    const { PLAN_RULES } = await import("../../../policy/rules");
    const c = check(buildScorecard(PLAN_RULES, run.resources), "backup.retention");
    expect(c?.status).toBe("fail");
    expect(JSON.stringify(c)).toMatch(/short rule nightly deletes recovery points after 7 day\(s\), before retentionDays 35/);
    expect(c?.remediation).toMatch(/retentionDays/);
  });

  it("a KMS key without rotation: secrets.kms_rotation fails", async () => {
    const run = await runProgram(
      `import { KmsKey, Secrets } from "launch-ready";
const key = new KmsKey("app", { enableKeyRotation: false });
new Secrets("app", { kmsKeyArn: key.arn, secrets: [{ name: "api-signing-key" }] });`,
      true,
    );
    expect(run.errors).toEqual([]);
    expect(run.logs.some((l) => l.severity === "warning" && /enableKeyRotation: is false/.test(l.message))).toBe(true);
    const { buildScorecard } = await import("../../../policy/scorecard");
    const { PLAN_RULES } = await import("../../../policy/rules");
    const scorecard = buildScorecard(PLAN_RULES, run.resources);
    const c = check(scorecard, "secrets.kms_rotation");
    expect(c?.status).toBe("fail");
    expect(JSON.stringify(c)).toMatch(/app-key: automatic key rotation is off/);
    expect(c?.remediation).toMatch(/enableKeyRotation: true/);
    expect(check(scorecard, "secrets.generated")?.status).toBe("pass");
  });

  it("a secret version written by hand without ignoreChanges: secrets.rotation says the next up puts the first value back", async () => {
    const run = await runProgram(
      `import { KmsKey } from "launch-ready";
import * as random from "@pulumi/random";
const key = new KmsKey("app");
const fn = new aws.lambda.Function("rotate", { runtime: "nodejs20.x", handler: "index.handler", role: "arn:aws:iam::123456789012:role/r", code: new pulumi.asset.AssetArchive({}) });
const secret = new aws.secretsmanager.Secret("token", { name: "token", kmsKeyId: key.arn });
const pw = new random.RandomPassword("token", { length: 32 });
new aws.secretsmanager.SecretVersion("token-v1", { secretId: secret.id, secretString: pw.result, versionStages: ["AWSCURRENT"] });
new aws.secretsmanager.SecretRotation("token", { secretId: secret.id, rotationLambdaArn: fn.arn, rotationRules: { automaticallyAfterDays: 30 } });`,
      true,
    );
    expect(run.errors).toEqual([]);
    const { buildScorecard } = await import("../../../policy/scorecard");
    const { PLAN_RULES } = await import("../../../policy/rules");
    const c = check(buildScorecard(PLAN_RULES, run.resources), "secrets.rotation");
    expect(c?.status).toBe("fail");
    expect(c?.resources).toEqual(["token"]);
    expect(JSON.stringify(c)).toMatch(/token: its first version does not ignore `secretString` and `versionStages`, so the next `pulumi up` after a rotation moves AWSCURRENT back/);
  });

  it("a secret without rotation, on the AWS-managed key: secrets.rotation and secrets.generated fail", async () => {
    const run = await runProgram(`new aws.secretsmanager.Secret("legacy", { name: "legacy" });`, true);
    const { buildScorecard } = await import("../../../policy/scorecard");
    const { PLAN_RULES } = await import("../../../policy/rules");
    const scorecard = buildScorecard(PLAN_RULES, run.resources);
    expect(JSON.stringify(check(scorecard, "secrets.rotation"))).toMatch(/legacy: no rotation is planned/);
    expect(JSON.stringify(check(scorecard, "secrets.generated"))).toMatch(/legacy: it is encrypted with the AWS-managed key/);
  });
});

describe("a secret from config in the stack file", () => {
  it("is stored as a Pulumi secret, rotated by the function given; without one it has no rotation and the check says so", async () => {
    const withFn = exampleVariant("from-config", (c) => {
      c["acme:stripeKey"] = { secure: "v1:offline-stand-in" };
      Reflect.set(c, "launch-ready:secrets", [
        { name: "stripe-key", fromConfig: "acme:stripeKey", rotationFunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:rotate-stripe-key" },
        { name: "session-signing-key" },
      ]);
    });
    const { run, scorecard } = await runStack(withFn, true);
    expect(run.errors).toEqual([]);
    const v = one(run, T.version, "launch-ready-secrets-stripe-key-v1");
    expect(v.secretInputs).toContain("secretString");
    expect(ofType(run, T.password).map((p) => p.name)).toEqual(["launch-ready-secrets-session-signing-key-initial"]);
    expect(one(run, T.rotation, "launch-ready-secrets-stripe-key-rotation").inputs["rotationLambdaArn"]).toBe("arn:aws:lambda:eu-west-1:123456789012:function:rotate-stripe-key");
    expect(check(scorecard, "secrets.rotation")?.status).toBe("pass");

    const without = exampleVariant("from-config-no-fn", (c) => {
      c["acme:stripeKey"] = { secure: "v1:offline-stand-in" };
      Reflect.set(c, "launch-ready:secrets", [{ name: "stripe-key", fromConfig: "acme:stripeKey" }]);
    });
    const second = await runStack(without, true);
    const c = check(second.scorecard, "secrets.rotation");
    expect(c?.status).toBe("fail");
    expect(c?.message).toMatch(/launch-ready\/stripe-key: no rotation is planned/);
  });
});

describe("the stack program itself refuses a plaintext fromConfig key (as under `pulumi up`, where no CLI validated first)", () => {
  it("fails before registering anything, naming the field, never the value", async () => {
    const planted = `${FAKE_STRIPE}VbQ2`;
    const stack = exampleVariant("from-config-plain", (c) => {
      c["acme:stripeKey"] = planted;
      Reflect.set(c, "launch-ready:secrets", [{ name: "stripe-key", fromConfig: "acme:stripeKey" }]);
    });
    const { vi } = await import("vitest");
    vi.resetModules();
    const { runOffline } = await import("../../../engine/run");
    const { PROJECT_DIR } = await import("../../helpers/temp-dir");
    const run = await runOffline({ stack, projectDir: PROJECT_DIR, preview: true });
    expect(run.errors.join("\n")).toMatch(/launch-ready:secrets\[0\]\.fromConfig: names `acme:stripeKey`, which is set in plaintext \(value withheld\)/);
    expect(ofType(run, T.secret)).toEqual([]);
    expect(JSON.stringify({ e: run.errors, l: run.logs })).not.toContain(planted);
  });
});

describe("the vault lock from the stack file", () => {
  it("vaultLock: false fails backup.vault_protected, naming the missing lock", async () => {
    const stack = exampleVariant("no-lock", (c) => Reflect.set(mapAt(c, "launch-ready:backups"), "vaultLock", false));
    const { run, scorecard } = await runStack(stack, true);
    expect(ofType(run, T.lock)).toEqual([]);
    const c = check(scorecard, "backup.vault_protected");
    expect(c?.status).toBe("fail");
    expect(c?.message).toMatch(/no vault lock, so recovery points can be deleted early/);
    expect(c?.remediation).toMatch(/launch-ready:backups\.vaultLock/);
  });

  it("changeableForDays makes it compliance mode, and the check says so", async () => {
    const stack = exampleVariant("compliance", (c) => Reflect.set(mapAt(c, "launch-ready:backups"), "vaultLock", { changeableForDays: 3 }));
    const { run, scorecard } = await runStack(stack, true);
    expect(one(run, T.lock, "launch-ready-backups-vault-lock").inputs).toMatchObject({ minRetentionDays: 35, changeableForDays: 3 });
    expect(check(scorecard, "backup.vault_protected")?.message).toMatch(/compliance mode: immutable 3 day\(s\) after creation/);
  });

  it("a minimum retention longer than retentionDays is a config error naming the field", async () => {
    const stack = exampleVariant("lock-too-long", (c) => Reflect.set(mapAt(c, "launch-ready:backups"), "vaultLock", { minRetentionDays: 90 }));
    await expect(runStack(stack, true)).rejects.toThrow(/launch-ready:backups\.vaultLock\.minRetentionDays: is 90 days, longer than retentionDays \(35\)/);
  });
});

describe("components used from a program of one's own", () => {
  it("Secrets refuses a plain-string initial value without echoing it, naming the field", async () => {
    const run = await runProgram(
      `import { Secrets } from "launch-ready";
new Secrets("app", { secrets: [{ name: "stripe-key", initialValue: "${FAKE_STRIPE}" }] });`,
      true,
    );
    const errors = run.errors.join("\n");
    expect(errors).toMatch(/args\.secrets\[0\]\.initialValue: is a plain string \(value withheld\): pass a Pulumi secret/);
    expect(JSON.stringify(run)).not.toContain(FAKE_STRIPE);
  });

  it("a supplied Pulumi secret is stored as a secret, and has no generated rotation: the check says so", async () => {
    const run = await runProgram(
      `import { Secrets } from "launch-ready";
new Secrets("app", { secrets: [{ name: "stripe-key", initialValue: pulumi.secret("${FAKE_STRIPE}") }] });`,
      false,
    );
    expect(run.errors).toEqual([]);
    const v = ofType(run, T.version)[0];
    expect(v?.secretInputs).toContain("secretString");
    expect(ofType(run, T.rotation)).toEqual([]);
    expect(JSON.stringify({ d: run.resources.map((r) => r.displayInputs), o: run.outputs, l: run.logs })).not.toContain(FAKE_STRIPE);
    expect(run.logs.some((l) => /rotationFunctionArn: is not set: a supplied secret is not rotated/.test(l.message))).toBe(true);
  });

  it("Backups with an alert topic: failed-job events go to it, and backup.vault_protected passes", async () => {
    const run = await runProgram(
      `import { Backups } from "launch-ready";
const topic = new aws.sns.Topic("alerts");
new Backups("db", { selectionTag: { backup: "daily" }, alertTopicArn: topic.arn });`,
      true,
    );
    expect(run.errors).toEqual([]);
    const n = one(run, "aws:backup/vaultNotifications:VaultNotifications", "db-vault-notifications");
    expect(plain(n.inputs["backupVaultEvents"])).toEqual(["BACKUP_JOB_COMPLETED", "COPY_JOB_FAILED", "RESTORE_JOB_COMPLETED", "S3_BACKUP_OBJECT_FAILED", "S3_RESTORE_OBJECT_FAILED"]);
    const { buildScorecard } = await import("../../../policy/scorecard");
    const { PLAN_RULES } = await import("../../../policy/rules");
    const c = check(buildScorecard(PLAN_RULES, run.resources), "backup.vault_protected");
    expect(c?.status).toBe("pass");
    expect(c?.message).toMatch(/backup and restore failures notify the alert topic/);
  });

  it("vault notifications on deprecated events only (BACKUP_JOB_FAILED, which AWS no longer sends) count as silent", async () => {
    const run = await runProgram(
      `import { Backups } from "launch-ready";
const b = new Backups("db", { selectionTag: { backup: "daily" } });
const topic = new aws.sns.Topic("alerts");
new aws.backup.VaultNotifications("by-hand", { backupVaultName: b.vault.name, snsTopicArn: topic.arn, backupVaultEvents: ["BACKUP_JOB_FAILED", "RESTORE_JOB_FAILED"] });`,
      true,
    );
    const { buildScorecard } = await import("../../../policy/scorecard");
    const { PLAN_RULES } = await import("../../../policy/rules");
    const c = check(buildScorecard(PLAN_RULES, run.resources), "backup.vault_protected");
    expect(c?.status).toBe("warn");
    expect(JSON.stringify(c)).toMatch(/its notifications list only BACKUP_JOB_FAILED, RESTORE_JOB_FAILED, none of which AWS sends for a failed job/);
  });

  it("Backups rejects a validation window outside 1-168 h and an unreadable schedule, naming the fields", async () => {
    const run = await runProgram(
      `import { Backups } from "launch-ready";
new Backups("db", { selectionTag: { backup: "daily" }, rtoHours: 200, schedule: "cron(0 3 * * *)" });`,
      true,
    );
    const errors = run.errors.join("\n");
    expect(errors).toMatch(/args\.rtoHours: must be a whole number of hours from 1 to 168/);
    expect(errors).toMatch(/args\.schedule: `cron\(0 3 \* \* \*\)`: has 5 field\(s\)/);
  });
});
