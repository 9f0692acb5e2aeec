/**
 * `launch-ready adopt` as a user runs it: the real command line in its own process (the fake API answering from
 * this one), registered in `launch-ready --help`, its --json documents, without loading the Pulumi SDK.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_JSON } from "../../cli/error-document-contract";
import { PROJECT_DIR, tempDir } from "../helpers/temp-dir";
import { type FakeCloudflare, startFakeCloudflare } from "./adopt-fake-cloudflare";
import { fakeZone, STACK, TOKEN, ZONE_ID } from "./adopt-fixture";

const run = promisify(execFile);

async function launchReady(args: readonly string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = [
    "require('tsx/cjs');",
    `import('tsx/esm').then(() => require('./cli/main.ts').main(${JSON.stringify(["node", "launch-ready", ...args])}))`,
    ".then((code) => { const k = Object.keys(require.cache); process.stderr.write('PULUMI=' + k.filter((x) => x.includes('@pulumi')).length + '\\n'); process.exitCode = code; });",
  ].join("");
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("CLOUDFLARE_")));
  try {
    const r = await run(process.execPath, ["-e", script], { cwd: PROJECT_DIR, timeout: 60_000, env: { ...clean, ...env } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("launch-ready adopt (the command line)", () => {
  let api: FakeCloudflare;
  const dir = tempDir("adopt-cli");
  beforeAll(async () => {
    api = await startFakeCloudflare({ token: TOKEN, zones: [fakeZone()], maxPerPage: 4 });
    dir.write("Pulumi.prod.yaml", STACK);
  });
  afterAll(async () => {
    await api.close();
    dir.cleanup();
  });

  it("prints one JSON document with the diff, reads only, and never loads Pulumi nor prints the token", async () => {
    const r = await launchReady(["adopt", "--stack", "prod", "--stacks-dir", dir.dir, "--json"], { CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_API_BASE_URL: api.baseURL });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { command: string; domains: { zoneId: string }[]; written: boolean };
    expect(doc).toMatchObject({ command: "adopt", written: false, domains: [{ zoneId: ZONE_ID }] });
    expect(r.stderr).toContain("PULUMI=0");
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    expect(api.requests.length).toBeGreaterThan(0);
    expect(api.requests.every((q) => q.method === "GET")).toBe(true);
  });

  it("stops with the error document when the token is missing", async () => {
    const r = await launchReady(["adopt", "--stack", "prod", "--stacks-dir", dir.dir, "--json"], { CLOUDFLARE_API_BASE_URL: api.baseURL });
    expect(r.code).toBe(2);
    expect(ERROR_JSON.parse(JSON.parse(r.stdout))).toMatchObject({ command: "adopt", exitCode: 2, errors: [{ path: "CLOUDFLARE_API_TOKEN" }] });
  });
});
