/** The secrets.* and backup.* judges on values, as the plan rules and (later) the auditor hand them over. */
import { describe, expect, it } from "vitest";
import { judgeBackupPlan, judgeBackupRestoreTesting, judgeBackupRetention, judgeBackupVaultProtected } from "../../../core/judges/backup";
import { judgeKmsRotation, judgeSecretsGenerated, judgeSecretsRotation } from "../../../core/judges/secrets";

const rotation = { hasFunction: true, automaticallyAfterDays: 29 };
const written = { ignoreChanges: ["secretString", "versionStages"] };

describe("secrets judges", () => {
  it("secrets.generated: a literal value or the AWS-managed key fails; a key given by id cannot be told", () => {
    expect(judgeSecretsGenerated({ secrets: [{ label: "a", key: "stack-key", value: "generated" }] }).status).toBe("pass");
    expect(judgeSecretsGenerated({ secrets: [{ label: "a", key: "stack-key", value: "literal" }] })).toMatchObject({ status: "fail", facts: ["a: its value is planned as plaintext (value withheld)"] });
    expect(judgeSecretsGenerated({ secrets: [{ label: "a", key: "aws-managed", value: "secret" }] }).status).toBe("fail");
    expect(judgeSecretsGenerated({ secrets: [{ label: "a", key: "other", value: "secret" }] }).status).toBe("cannot-tell");
    expect(judgeSecretsGenerated({ secrets: [] }).status).toBe("not-applicable");
  });

  it("secrets.rotation: schedule within rotateAfterDays, by days or by expression; no function, too slow, or overwriting fails", () => {
    expect(judgeSecretsRotation({ secrets: [{ label: "a", rotateAfterDays: 30, rotation, firstVersion: written }] }).status).toBe("pass");
    expect(judgeSecretsRotation({ secrets: [{ label: "a", rotateAfterDays: 30, rotation: { hasFunction: true, scheduleExpression: "rate(10 days)" } }] }).status).toBe("pass");
    expect(judgeSecretsRotation({ secrets: [{ label: "a", rotateAfterDays: 30, rotation: { hasFunction: true, scheduleExpression: "cron(0 0 1 * ? *)" } }] })).toMatchObject({
      status: "fail",
      facts: [expect.stringMatching(/rotates every 32 day\(s\) \(its 24 h rotation window included\), longer than rotateAfterDays 30/)],
    });
    // The rotation window counts: every 30 days with the day's window is up to 31 days; 3h window: 30 days 3 h.
    expect(judgeSecretsRotation({ secrets: [{ label: "a", rotateAfterDays: 30, rotation: { hasFunction: true, automaticallyAfterDays: 30 } }] }).status).toBe("fail");
    expect(judgeSecretsRotation({ secrets: [{ label: "a", rotateAfterDays: 31, rotation: { hasFunction: true, scheduleExpression: "rate(30 days)", duration: "3h" } }] }).status).toBe("pass");
    expect(judgeSecretsRotation({ secrets: [{ label: "a", rotateAfterDays: 30, rotation: { hasFunction: true, scheduleExpression: "rate(30 days)", duration: "3h" } }] }).status).toBe("fail");
    expect(judgeSecretsRotation({ secrets: [{ label: "a", rotateAfterDays: 1, rotation: { hasFunction: true, scheduleExpression: "rate(12 hours)" } }] }).status).toBe("pass");
    expect(judgeSecretsRotation({ secrets: [{ label: "a", rotateAfterDays: 30, rotation: { hasFunction: true, automaticallyAfterDays: 7, duration: "soon" } }] }).status).toBe("cannot-tell");
    expect(judgeSecretsRotation({ secrets: [{ label: "a", rotateAfterDays: 30, rotation: { hasFunction: false, automaticallyAfterDays: 1 } }] }).status).toBe("fail");
    expect(judgeSecretsRotation({ secrets: [{ label: "a", rotateAfterDays: 30 }] })).toMatchObject({ outcome: "unscheduled" });
    expect(judgeSecretsRotation({ secrets: [{ label: "a", rotateAfterDays: 30, rotation, firstVersion: { ignoreChanges: ["secretString"] } }] })).toMatchObject({ outcome: "overwrites" });
    expect(judgeSecretsRotation({ secrets: [{ label: "a", rotateAfterDays: 30, rotation: { hasFunction: true, scheduleExpression: "cron(bad)" } }] }).status).toBe("cannot-tell");
  });

  it("secrets.kms_rotation: unset is off (AWS's default); asymmetric keys are not judged", () => {
    expect(judgeKmsRotation({ keys: [{ label: "k", rotation: true, symmetric: true }] })).toMatchObject({ status: "pass", facts: ["k: key material rotates every 365 days"] });
    expect(judgeKmsRotation({ keys: [{ label: "k", symmetric: true }] })).toMatchObject({ status: "fail", facts: [expect.stringMatching(/not enabled \(AWS's default is off\)/)] });
    expect(judgeKmsRotation({ keys: [{ label: "k", symmetric: false }] }).status).toBe("not-applicable");
  });
});

describe("backup judges", () => {
  const plan = { label: "p", schedules: ["cron(0 0/12 * * ? *)"], startWindows: [60], timezones: [], selections: 1, rpoHours: 24 };
  it("backup.plan: every 12 h with a 1 h start window meets 24 h, not 12 h; a time zone with daylight saving adds an hour; no selection fails", () => {
    expect(judgeBackupPlan({ plans: [plan] })).toMatchObject({ status: "pass", facts: [expect.stringMatching(/13 h: 12 h between scheduled runs plus a start window of 1 h; RPO 24 h/)] });
    expect(judgeBackupPlan({ plans: [{ ...plan, rpoHours: 12 }] }).status).toBe("fail");
    expect(judgeBackupPlan({ plans: [{ ...plan, rpoHours: 13, timezones: ["Europe/Paris"] }] })).toMatchObject({ status: "fail", facts: [expect.stringMatching(/14 h: .* plus an hour for daylight saving in Europe\/Paris/)] });
    expect(judgeBackupPlan({ plans: [{ ...plan, selections: 0 }] })).toMatchObject({ status: "fail", facts: [expect.stringMatching(/nothing is backed up/)] });
    expect(judgeBackupPlan({ plans: [{ ...plan, schedules: ["cron(0 3 * *)"] }] }).status).toBe("cannot-tell");
    expect(judgeBackupPlan({ plans: [], rpoHours: 24 }).status).toBe("fail");
  });

  it("backup.plan: a job may start up to its start window late, so a daily rule misses a 24 h RPO; unset is AWS's 8 h", () => {
    const daily = { ...plan, schedules: ["cron(0 3 * * ? *)"] };
    expect(judgeBackupPlan({ plans: [daily] })).toMatchObject({ status: "fail", facts: [expect.stringMatching(/25 h/)] });
    expect(judgeBackupPlan({ plans: [{ ...daily, rpoHours: 25 }] }).status).toBe("pass");
    // No start window set: AWS's default 8 hours.
    expect(judgeBackupPlan({ plans: [{ ...plan, startWindows: [undefined], rpoHours: 19 }] })).toMatchObject({ status: "fail", facts: [expect.stringMatching(/20 h: .*AWS's default 8 h where unset/)] });
    expect(judgeBackupPlan({ plans: [{ label: "p", schedules: ["cron(0 0/12 * * ? *)"], timezones: [], selections: 1, rpoHours: 20 }] }).status).toBe("pass");
  });

  it("backup.plan: AWS Backup takes cron only (rate() fails); a rule with no schedule runs at AWS's default cron(0 5 ? * * *), not never", () => {
    expect(judgeBackupPlan({ plans: [{ ...plan, schedules: ["rate(12 hours)"] }] })).toMatchObject({ status: "fail", facts: [expect.stringMatching(/cron expressions only, not rate\(\)/)] });
    expect(judgeBackupPlan({ plans: [{ ...plan, schedules: [undefined], startWindows: [60], rpoHours: 25 }] })).toMatchObject({ status: "pass", facts: [expect.stringMatching(/AWS's default cron\(0 5 \? \* \* \*\)/)] });
    expect(judgeBackupPlan({ plans: [{ ...plan, schedules: [undefined], startWindows: [60], rpoHours: 24 }] }).status).toBe("fail");
  });

  it("backup.retention: a rule or a copy deleting before retentionDays fails; unset keeps for ever", () => {
    const rules = [{ ruleName: "daily", deleteAfterDays: 35, copyDeleteAfterDays: [35] }, { ruleName: "weekly" }];
    expect(judgeBackupRetention({ plans: [{ label: "p", retentionDays: 35, rules }] }).status).toBe("pass");
    expect(judgeBackupRetention({ plans: [{ label: "p", retentionDays: 35, rules: [{ ruleName: "daily", deleteAfterDays: 35, copyDeleteAfterDays: [7] }] }] })).toMatchObject({
      status: "fail",
      facts: ["p rule daily (copy 1) deletes recovery points after 7 day(s), before retentionDays 35"],
    });
  });

  it("backup.vault_protected: retained, CMK, lock; silent without notifications; unseen retainOnDelete (CrossGuard) steps aside, saying so", () => {
    const v = { label: "v", retained: true, customerKey: true, lock: { minRetentionDays: 35 }, notifications: true };
    expect(judgeBackupVaultProtected({ vaults: [v] }).status).toBe("pass");
    expect(judgeBackupVaultProtected({ vaults: [{ ...v, notifications: false, notificationsNote: "no topic yet" }] })).toMatchObject({ status: "warn", facts: [expect.stringMatching(/no notifications: no topic yet/)] });
    expect(judgeBackupVaultProtected({ vaults: [{ ...v, retained: false }] }).status).toBe("fail");
    const { lock: _lock, ...unlocked } = v;
    expect(judgeBackupVaultProtected({ vaults: [unlocked] })).toMatchObject({ status: "fail", facts: [expect.stringMatching(/no vault lock/)] });
    expect(judgeBackupVaultProtected({ vaults: [{ ...v, customerKey: false }] }).status).toBe("fail");
    const { retained: _r, ...unseen } = v;
    expect(judgeBackupVaultProtected({ vaults: [unseen] })).toMatchObject({ status: "not-applicable", reason: expect.stringMatching(/CrossGuard/) });
  });

  it("backup.vault_protected: a lock whose max is below a rule's retention, or whose min is above it, fails (AWS fails those jobs); a key by ARN cannot be told", () => {
    const v = { label: "v", retained: true, customerKey: true, lock: { minRetentionDays: 35 }, notifications: true, ruleDeleteAfterDays: [35, 91, 365] };
    expect(judgeBackupVaultProtected({ vaults: [v] })).toMatchObject({ status: "pass", facts: [expect.stringMatching(/governance mode: a role allowed backup:DeleteBackupVaultLockConfiguration can remove the lock/)] });
    expect(judgeBackupVaultProtected({ vaults: [{ ...v, lock: { minRetentionDays: 35, maxRetentionDays: 100 } }] })).toMatchObject({ status: "fail", facts: [expect.stringMatching(/maximum retention is 100 day\(s\), but a rule keeps points 365 day\(s\)/)] });
    expect(judgeBackupVaultProtected({ vaults: [{ ...v, lock: { minRetentionDays: 35, maxRetentionDays: 400 }, ruleDeleteAfterDays: [35, undefined] }] })).toMatchObject({ status: "fail", facts: [expect.stringMatching(/keeps points for ever/)] });
    expect(judgeBackupVaultProtected({ vaults: [{ ...v, lock: { minRetentionDays: 60 } }] })).toMatchObject({ status: "fail", facts: [expect.stringMatching(/minimum retention is 60 day\(s\), but a rule keeps points 35 day\(s\)/)] });
    expect(judgeBackupVaultProtected({ vaults: [{ ...v, customerKey: "unknown" }] }).status).toBe("cannot-tell");
    expect(judgeBackupVaultProtected({ vaults: [{ ...v, ruleDeleteAfterDays: ["unknown"] }] }).status).toBe("cannot-tell");
  });

  it("backup.restore_testing: a validation window of 0 or 169 h, no selection or no plan fails; 1 and 168 h pass", () => {
    const p = (w?: number) => ({ label: "t", scheduleExpression: "cron(0 6 ? * MON *)", selections: [{ label: "s", ...(w !== undefined ? { validationWindowHours: w } : {}) }] });
    for (const w of [1, 168]) expect(judgeBackupRestoreTesting({ backupsPlanned: true, plans: [p(w)] }).status).toBe("pass");
    for (const w of [0, 169, undefined]) expect(judgeBackupRestoreTesting({ backupsPlanned: true, plans: [p(w)] }).status).toBe("fail");
    expect(judgeBackupRestoreTesting({ backupsPlanned: true, plans: [{ ...p(4), selections: [] }] }).status).toBe("fail");
    expect(judgeBackupRestoreTesting({ backupsPlanned: true, plans: [] }).status).toBe("fail");
    expect(judgeBackupRestoreTesting({ backupsPlanned: false, plans: [] }).status).toBe("not-applicable");
  });

  it("backup.restore_testing: a schedule that stops, runs less than monthly, or is a rate() fails", () => {
    const p = (scheduleExpression: string) => ({ label: "t", scheduleExpression, selections: [{ label: "s", validationWindowHours: 4 }] });
    expect(judgeBackupRestoreTesting({ backupsPlanned: true, plans: [p("cron(0 6 ? * MON 2025)")] })).toMatchObject({ status: "fail", facts: [expect.stringMatching(/stops running/)] });
    expect(judgeBackupRestoreTesting({ backupsPlanned: true, plans: [p("cron(0 6 2 1/2 ? *)")] })).toMatchObject({ status: "fail", facts: [expect.stringMatching(/more than 31 days/)] });
    expect(judgeBackupRestoreTesting({ backupsPlanned: true, plans: [p("cron(0 6 2 * ? *)")] }).status).toBe("pass");
    expect(judgeBackupRestoreTesting({ backupsPlanned: true, plans: [p("rate(7 days)")] })).toMatchObject({ status: "fail", facts: [expect.stringMatching(/cron expressions only/)] });
  });
});
