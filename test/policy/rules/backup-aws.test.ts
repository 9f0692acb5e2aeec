/** The backup.* and secrets.* plan rules on planned resources: what the engine hands over, unknowns included. */
import { describe, expect, it } from "vitest";
import { backupPlan } from "../../../policy/rules/backup-plan";
import { backupRetention } from "../../../policy/rules/backup-retention";
import { backupVaultProtected } from "../../../policy/rules/backup-vault-protected";
import { evaluateRule } from "../../../policy/scorecard";
import { UNKNOWN } from "../../../policy/unknowns";
import { planned } from "../../helpers/planned";

const PLAN = "aws:backup/plan:Plan";
const SELECTION = "aws:backup/selection:Selection";

function withSelection(rules: unknown) {
  const plan = planned(PLAN, { name: "p", rules });
  const sel = planned(SELECTION, { name: "s", planId: "x" }, { propertyDependencies: { planId: [plan.urn] } });
  return [plan, sel];
}

describe("backup.retention on planned plans", () => {
  it("a deleteAfter not known before apply is cannot-tell, never 'kept for ever'", () => {
    const r = evaluateRule(backupRetention, withSelection([{ ruleName: "daily", schedule: "cron(0 0/12 * * ? *)", lifecycle: { deleteAfter: UNKNOWN } }]));
    expect(r.status).toBe("cannot-tell");
    const lifecycle = evaluateRule(backupRetention, withSelection([{ ruleName: "daily", schedule: "cron(0 0/12 * * ? *)", lifecycle: UNKNOWN }]));
    expect(lifecycle.status).toBe("cannot-tell");
    expect(evaluateRule(backupRetention, withSelection(UNKNOWN)).status).toBe("cannot-tell");
  });

  it("a plan with no rules keeps nothing and fails; a rule without lifecycle keeps for ever and passes", () => {
    expect(evaluateRule(backupRetention, withSelection([]))).toMatchObject({ status: "fail" });
    expect(evaluateRule(backupRetention, withSelection([{ ruleName: "daily", schedule: "cron(0 0/12 * * ? *)" }])).status).toBe("pass");
  });
});

describe("backup.plan on planned plans", () => {
  it("a schedule not known before apply is cannot-tell, not AWS's default", () => {
    expect(evaluateRule(backupPlan, withSelection([{ ruleName: "daily", schedule: UNKNOWN, startWindow: 60 }])).status).toBe("cannot-tell");
  });

  it("reads each rule's start window; unset is AWS's 8 hours", () => {
    expect(evaluateRule(backupPlan, withSelection([{ ruleName: "r", schedule: "cron(0 0/12 * * ? *)", startWindow: 60 }])).status).toBe("pass");
    expect(evaluateRule(backupPlan, withSelection([{ ruleName: "r", schedule: "cron(0 3 * * ? *)", startWindow: 60 }])).status).toBe("fail");
    expect(evaluateRule(backupPlan, withSelection([{ ruleName: "r", schedule: "cron(0 0/12 * * ? *)" }])).status).toBe("pass"); // 12 h + 8 h = 20 h
    expect(evaluateRule(backupPlan, withSelection([{ ruleName: "r", schedule: "cron(0 0/18 * * ? *)" }])).status).toBe("fail"); // 18 h gap + 8 h
  });
});

describe("backup.vault_protected on planned vaults", () => {
  const VAULT = "aws:backup/vault:Vault";
  const LOCK = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";
  const stack = (kmsKeyArn: string, lock: Record<string, number>) => {
    const vault = planned(VAULT, { name: "v", kmsKeyArn }, { options: { protect: false, ignoreChanges: [], retainOnDelete: true } });
    const plan = planned(PLAN, { name: "p", rules: [{ ruleName: "r", targetVaultName: "v", schedule: "cron(0 0/12 * * ? *)", lifecycle: { deleteAfter: 365 } }] });
    return [vault, planned(LOCK, { backupVaultName: "v", ...lock }), plan];
  };
  it("a literal kmsKeyArn naming the AWS-managed aws/backup key is not a customer key", () => {
    expect(evaluateRule(backupVaultProtected, stack("arn:aws:kms:eu-west-1:111122223333:alias/aws/backup", { minRetentionDays: 35 }))).toMatchObject({ status: "fail" });
    expect(evaluateRule(backupVaultProtected, stack("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", { minRetentionDays: 35 })).status).toBe("cannot-tell");
  });
  it("a lock whose maxRetentionDays is below a rule's deleteAfter fails", () => {
    const r = evaluateRule(backupVaultProtected, stack("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", { minRetentionDays: 35, maxRetentionDays: 100 }));
    expect(r.status).toBe("fail");
    expect(JSON.stringify(r)).toMatch(/maximum retention is 100 day/);
  });
});

describe("secrets.generated on planned secrets", () => {
  const SECRET = "aws:secretsmanager/secret:Secret";
  const VERSION = "aws:secretsmanager/secretVersion:SecretVersion";
  const KEY = "aws:kms/key:Key";
  const PW = "urn:pulumi:test::launch-ready::launch-ready:aws:Secrets$random:index/randomPassword:RandomPassword::db-pw";
  const DB = "urn:pulumi:test::launch-ready::aws:rds/instance:Instance::db";
  const stack = (deps: string[], secretInputs: string[] = [], kmsKeyId?: string) => {
    const key = planned(KEY, {});
    const secret = planned(SECRET, { name: "db", kmsKeyId: kmsKeyId ?? "x" }, kmsKeyId === undefined ? { propertyDependencies: { kmsKeyId: [key.urn] } } : {});
    const version = planned(VERSION, { secretId: "db", secretString: "{}" }, { propertyDependencies: { secretId: [secret.urn], secretString: deps }, secretInputs });
    return [key, secret, version];
  };
  it("a value built from a random password is generated; one built from other resources only is cannot-tell", async () => {
    const { secretsGenerated } = await import("../../../policy/rules/secrets-generated");
    expect(evaluateRule(secretsGenerated, stack([PW, DB])).status).toBe("pass");
    // pulumi.jsonStringify({ password: "hunter2", host: db.address }): depends on the database only.
    expect(evaluateRule(secretsGenerated, stack([DB]))).toMatchObject({ status: "cannot-tell" });
    expect(evaluateRule(secretsGenerated, stack([DB], ["secretString"])).status).toBe("pass");
  });
  it("a literal kmsKeyId of alias/aws/secretsmanager is the AWS-managed key and fails", async () => {
    const { secretsGenerated } = await import("../../../policy/rules/secrets-generated");
    expect(evaluateRule(secretsGenerated, stack([PW], [], "alias/aws/secretsmanager")).status).toBe("fail");
    expect(evaluateRule(secretsGenerated, stack([PW], [], "arn:aws:kms:eu-west-1:111122223333:alias/aws/secretsmanager")).status).toBe("fail");
  });
});
