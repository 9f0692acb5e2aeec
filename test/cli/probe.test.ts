/** `launch-ready probe authz` through the command line: exit codes, --json errors, credentials from the environment, no Pulumi. */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAB_STACK, labCredentials, startAuthzLab, type AuthzLab } from "../audit/probe/authz/lab";

const ROOT = path.resolve(__dirname, "../..");
const run = promisify(execFile);

let lab: AuthzLab;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  lab = await startAuthzLab();
  dir = mkdtempSync(path.join(tmpdir(), "probe-cli-"));
  writeFileSync(path.join(dir, "Pulumi.lab.yaml"), LAB_STACK);
  const creds = labCredentials(lab.users);
  writeFileSync(path.join(dir, "accounts.yaml"), creds.file);
  env = creds.env;
});

afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

async function launchReady(args: readonly string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = [
    "require('tsx/cjs');",
    `import('tsx/esm').then(() => require('./cli/main.ts').main(${JSON.stringify(["node", "launch-ready", ...args])}))`,
    ".then((code) => { const k = Object.keys(require.cache); process.stderr.write('PULUMI=' + k.filter((x) => x.includes('@pulumi')).length + '\\n'); process.exitCode = code; });",
  ].join("");
  try {
    const r = await run(process.execPath, ["-e", script], { cwd: ROOT, timeout: 60_000, env: { ...process.env, ...extraEnv } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("launch-ready probe authz", () => {
  it("exits 1 on the lab's bugs, reads tokens from the environment, prints none, and loads no Pulumi", async () => {
    const r = await launchReady(["probe", "authz", "--stack", "lab", "--stacks-dir", dir, "--base-url", lab.baseUrl, "--credentials", path.join(dir, "accounts.yaml")], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("FAIL   authz.tenant_isolation");
    expect(r.stderr).toContain("PULUMI=0");
    for (const u of lab.users) expect(r.stdout + r.stderr).not.toContain(u.token);
  });

  it("exits 2 naming the variable when a token's environment variable is not set", async () => {
    const r = await launchReady(["probe", "authz", "--json", "--stack", "lab", "--stacks-dir", dir, "--base-url", lab.baseUrl, "--credentials", path.join(dir, "accounts.yaml")]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout.trim()) as { command: string; errors: { path: string; message: string }[] };
    expect(doc.command).toBe("probe");
    expect(doc.errors[0]?.path).toMatch(/accounts\.yaml, accounts\[0\]\.credential\.bearer\.env$/);
    expect(doc.errors[0]?.message).toBe("the environment variable LAB_ALICE_TOKEN is not set");
  });

  it("refuses plain http to a host that is not loopback, since it would send credentials in clear", async () => {
    const r = await launchReady(["probe", "authz", "--stack", "lab", "--stacks-dir", dir, "--base-url", "http://staging.acme.example", "--credentials", path.join(dir, "accounts.yaml")], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--base-url: .*not https/);
  });

  it("exits 2 when a required option is missing", async () => {
    const r = await launchReady(["probe", "authz", "--stack", "lab", "--base-url", lab.baseUrl]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--credentials");
  });
});
