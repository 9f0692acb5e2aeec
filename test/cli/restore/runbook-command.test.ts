/** `launch-ready runbook` as on-call runs it: the real CLI, outputs from a file the test writes, or from stdin. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_DIR, tempDir } from "../../helpers/temp-dir";
import { cli } from "../run-cli";
import { sampleOutputs } from "../../core/runbooks/sample-outputs";

const tmp = tempDir("runbook-cli");
afterAll(() => tmp.cleanup());
const full = tmp.write("example-outputs.json", JSON.stringify(sampleOutputs(), null, 2));
const { backups: _omitted, ...withoutBackups } = sampleOutputs();
const noBackups = tmp.write("no-backups.json", JSON.stringify(withoutBackups));

describe("launch-ready runbook", () => {
  it("`runbook restore --stack example` prints the complete runbook with the stack's vault, role, RPO and RTO", () => {
    const r = cli("runbook", "restore", "--stack", "example", "--outputs", full);
    expect(r.stderr.replace(/^launch-ready: running the TypeScript sources.*\n/m, "")).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("<!-- runbooks/restore.md, filled in for stack example -->");
    expect(r.stdout).toContain("data loss of at most **24 h** (RPO");
    expect(r.stdout).toContain("service back within **4 h** (RTO");
    expect(r.stdout).toContain("aws backup list-recovery-points-by-backup-vault --backup-vault-name acme-prod-vault");
    expect(r.stdout).toContain("--iam-role-arn arn:aws:iam::123456789012:role/acme-prod-backup-role");
    expect(r.stdout).not.toMatch(/\{\{|\}\}/);
    expect(r.stdout).toContain("## 4. Switch over, or undo");
  });

  it("reads the outputs from stdin with --outputs -", () => {
    const r = spawnSync(process.execPath, [join(PROJECT_DIR, "bin", "launch-ready.js"), "runbook", "certificate-expiry", "--stack", "example", "--outputs", "-"], { cwd: PROJECT_DIR, encoding: "utf8", input: JSON.stringify(sampleOutputs()) });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("The zone is `023e105f4ecef8ad9ca31a8372d0c353`");
  });

  it("a missing output: prints no runbook, names each placeholder and the output it needs, exits 2", () => {
    const r = cli("runbook", "restore", "--stack", "example", "--outputs", noBackups);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("cannot fill in runbooks/restore.md for stack example; nothing printed rather than a half-filled runbook");
    expect(r.stderr).toMatch(/line \d+: \{\{backups\.rpoHours\}\}: the stack has no output `backups`/);
  });

  it("an unknown runbook or an unreadable outputs file is a clear input error", () => {
    const a = cli("runbook", "backup", "--stack", "example", "--outputs", full);
    expect(a.status).toBe(2);
    expect(a.stderr).toContain("no runbook `backup`; there are: restore, secret-rotation");
    const b = cli("runbook", "restore", "--stack", "example", "--outputs", join(tmp.dir, "missing.json"));
    expect(b.status).toBe(2);
    expect(b.stderr).toContain("cannot read it");
  });

  it("`--help` lists the runbooks and `launch-ready --help` lists runbook and restore", () => {
    expect(cli("runbook", "--help").stdout).toContain("email-spam");
    const top = cli("--help").stdout;
    expect(top).toMatch(/^\s{2}runbook /m);
    expect(top).toMatch(/^\s{2}restore /m);
  });

  it("`restore` without --yes against missing outputs refuses before touching AWS", () => {
    const r = cli("restore", "--stack", "example", "--resource-arn", "arn:aws:rds:eu-west-1:123456789012:db:acme-prod", "--outputs", noBackups);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("the stack has no `backups` output");
  });

  it("`restore` names a bad --at or a missing --resource-arn (exit 2)", () => {
    const bad = cli("restore", "--stack", "example", "--resource-arn", "arn:aws:rds:eu-west-1:1:db:x", "--at", "yesterday", "--outputs", full);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--at must be an ISO 8601 time with a zone");
    const none = cli("restore", "--stack", "example", "--outputs", full);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("--resource-arn");
  });
});
