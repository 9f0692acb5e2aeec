/** `npm start` (the offline preview of stacks/Pulumi.example.yaml) shows the AWS resources and their checks passing, secrets masked. */
import { describe, expect, it } from "vitest";
import { cli } from "../cli/run-cli";

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
    for (const id of ["secrets.generated", "secrets.rotation", "secrets.kms_rotation", "backup.plan", "backup.retention", "backup.restore_testing"]) {
      expect(r.stdout).toMatch(new RegExp(`✓ pass\\s+${id.replace(".", "\\.")}\\s`));
    }
    // Honest until the alert topic exists: protected, but no notifications.
    expect(r.stdout).toMatch(/! warn\s+backup\.vault_protected[\s\S]*no notifications: the stack makes no alert topic yet/);
    expect(r.stdout).not.toContain("x".repeat(48));
  });
});
