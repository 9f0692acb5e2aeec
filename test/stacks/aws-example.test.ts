/** `npm start` (the offline preview of stacks/Pulumi.example.yaml) shows the AWS resources and their checks passing, secrets masked. */
import { describe, expect, it } from "vitest";
import { cli } from "../cli/run-cli";
import { readStack, runStack } from "./support/run-stack";

describe("npm start: the example stack's secrets and backups", () => {
  it("lists the key, secrets, rotation, vault, plan and restore test, and every secrets.* and backup.* check", () => {
    const r = cli("preview", "--stack", "example", "--mode", "up");
    expect(r.status).toBe(0);
    for (const line of [
      /aws Key\s+launch-ready-key\s+\[\+ create, retainOnDelete\].*enableKeyRotation=true/,
      /aws Secret\s+launch-ready-secrets-session-signing-key/,
      /aws Secret\s+launch-ready-secrets-webhook-signing-secret/,
      /aws SecretVersion\s+launch-ready-secrets-session-signing-key-v1\s+\[\+ create\].*secretString=\[secret\]/,
      /aws SecretRotation\s+launch-ready-secrets-webhook-signing-secret-rotation/,
      /aws Function\s+launch-ready-secrets-rotation/,
      /aws Vault\s+launch-ready-backups-vault\s+\[\+ create, retainOnDelete\]/,
      /aws VaultLockConfiguration\s+launch-ready-backups-vault-lock/,
      /aws Plan\s+launch-ready-backups-plan/,
      /aws Selection\s+launch-ready-backups-selection/,
      /aws RestoreTestingPlan\s+launch-ready-backups-restore-testing\s/,
      /aws RestoreTestingSelection\s+launch-ready-backups-restore-testing-selection/,
    ]) {
      expect(r.stdout).toMatch(line);
    }
    for (const id of ["secrets.generated", "secrets.rotation", "secrets.kms_rotation", "backup.plan", "backup.retention", "backup.vault_protected", "backup.restore_testing"]) {
      expect(r.stdout).toMatch(new RegExp(`✓ pass\\s+${id.replace(".", "\\.")}\\s`));
    }
    expect(r.stdout).toMatch(/aws VaultNotifications\s+launch-ready-backups-vault-notifications/);
    expect(r.stdout).not.toContain("x".repeat(48));
  });
});

describe("the vault's failure notifications reach the on-call", () => {
  it("go to the alert topic in the vault's region, which AWS Backup may publish to and encrypt for", async () => {
    const { run } = await runStack(readStack("example"), true);
    const topic = run.resources.find((r) => r.type === "aws:sns/topic:Topic" && r.inputs["region"] === "eu-west-1");
    const notifications = run.resources.find((r) => r.type === "aws:backup/vaultNotifications:VaultNotifications");
    expect(notifications?.propertyDependencies["snsTopicArn"]).toEqual([topic?.urn]);
    // Without a topic policy naming backup.amazonaws.com, AWS Backup cannot publish (the provider's VaultNotifications docs).
    const policy = run.resources.find((r) => r.type === "aws:sns/topicPolicy:TopicPolicy" && r.inputs["region"] === "eu-west-1");
    expect(policy?.propertyDependencies["arn"]).toEqual([topic?.urn]);
    const key = run.resources.find((r) => r.type === "aws:kms/key:Key" && r.name === "alerts-key-eu-west-1");
    expect(JSON.parse(String(key?.inputs["policy"])).Statement[1].Principal.Service).toContain("backup.amazonaws.com");
  }, 60_000);
});
