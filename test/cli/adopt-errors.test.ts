/**
 * `launch-ready adopt` failing clearly: no token, a refused token (401/403 with Cloudflare's error envelope), a
 * missing zone, rate limiting (429 with Retry-After, honoured, then given up), an unreachable or silent API, a
 * missing or invalid stack file. In every case the token is never printed, and the fake API sees only GETs.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { runAdopt } from "../../cli/adopt/run";
import { main } from "../../cli/main";
import { tempDir } from "../helpers/temp-dir";
import { type FakeCloudflare, type FakeOptions, startFakeCloudflare } from "./adopt-fake-cloudflare";
import { fakeZone, STACK, TOKEN } from "./adopt-fixture";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function fake(opts: Partial<FakeOptions> = {}): Promise<FakeCloudflare> {
  const api = await startFakeCloudflare({ token: TOKEN, zones: [fakeZone()], ...opts });
  cleanups.push(() => api.close());
  return api;
}

function stacks(text: string | null = STACK) {
  const dir = tempDir("adopt-err");
  cleanups.push(() => dir.cleanup());
  if (text !== null) dir.write("Pulumi.prod.yaml", text);
  return dir.dir;
}

async function adopt(env: Record<string, string | undefined>, extra: { stacksDir?: string; json?: boolean; write?: boolean; maxRetries?: number; timeoutMs?: number; maxRetryAfterSeconds?: number } = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runAdopt({
    stack: "prod",
    stacksDir: extra.stacksDir ?? stacks(),
    write: extra.write ?? true,
    force: false,
    json: extra.json === true,
    env,
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    maxRetries: extra.maxRetries ?? 0,
    ...(extra.timeoutMs !== undefined ? { timeoutMs: extra.timeoutMs } : {}),
    ...(extra.maxRetryAfterSeconds !== undefined ? { maxRetryAfterSeconds: extra.maxRetryAfterSeconds } : {}),
  });
  // Whatever happened: never the token, never anything but reads.
  expect(stdout + stderr).not.toContain(TOKEN);
  return { code, stdout, stderr };
}

const env = (api: FakeCloudflare, token = TOKEN) => ({ CLOUDFLARE_API_TOKEN: token, CLOUDFLARE_API_BASE_URL: api.baseURL });

describe("adopt: credentials", () => {
  it("needs CLOUDFLARE_API_TOKEN, and says so in one JSON document with --json", async () => {
    const { code, stdout, stderr } = await adopt({}, { json: true });
    expect(code).toBe(2);
    expect(stderr).toMatch(/CLOUDFLARE_API_TOKEN: is not set/);
    expect(JSON.parse(stdout)).toMatchObject({ command: "adopt", exitCode: 2, errors: [{ path: "CLOUDFLARE_API_TOKEN" }] });
  });

  it("reports a refused token (401) with Cloudflare's error code, without printing it", async () => {
    const api = await fake();
    const { code, stderr } = await adopt(env(api, `${TOKEN}-wrong`));
    expect(code).toBe(2);
    expect(stderr).toMatch(/Cloudflare refused the API token \(HTTP 401, code 10000: Authentication error\) while reading the zone named acme\.example/);
    expect(stderr).not.toContain(`${TOKEN}-wrong`);
  });

  it("reports a token without the permission (403), even when the server echoes the credential", async () => {
    const api = await fake({ forbidden: true });
    const { code, stderr } = await adopt(env(api));
    expect(code).toBe(2);
    expect(stderr).toMatch(/HTTP 403, code 10000: Authentication error for Bearer \[token\]/);
    expect(api.requests.every((r) => r.method === "GET")).toBe(true);
  });

  it("refuses --token on the command line without echoing its value", async () => {
    const written: string[] = [];
    const spies = [vi.spyOn(process.stdout, "write").mockImplementation((s) => (written.push(String(s)), true)), vi.spyOn(process.stderr, "write").mockImplementation((s) => (written.push(String(s)), true))];
    try {
      expect(await main(["node", "launch-ready", "adopt", "--stack", "prod", `--token=${TOKEN}`, "--json"])).toBe(2);
    } finally {
      for (const s of spies) s.mockRestore();
    }
    expect(written.join("")).toMatch(/never taken from the command line/);
    expect(written.join("")).not.toContain(TOKEN);
  });

  it("withholds a plaintext credential the stack file keeps, in the YAML it prints and in --json", async () => {
    const api = await fake();
    const plaintext = "Zk3vQ9wL2mT8rB5nX1cY7hJ4pD6sF0gA";
    const text = STACK.replace("cloudflare:apiToken:\n    secure: v1:offline-stand-in", `cloudflare:apiToken: ${plaintext}`);
    expect(text).toContain(plaintext);
    for (const json of [false, true]) {
      const r = await adopt(env(api), { stacksDir: stacks(text), json, write: false });
      expect(r.stdout).toContain("cloudflare:apiToken");
      expect(r.stdout).toContain(`zoneId: ${fakeZone().id}`);
      expect(r.stdout + r.stderr).not.toContain(plaintext);
    }
  });

  it("does not echo a credential pasted into a config field it rejects", async () => {
    const api = await fake();
    // Built at run time: a literal token shape in the repository is what `scan secrets` must find.
    const pasted = ["ghp", "R8x2Lq9ZkT4vW7mN1pB6cD3fH5jS0aE2gY8u"].join("_");
    const r = await adopt(env(api), { stacksDir: stacks(STACK.replace("canonicalHost: acme.example", `canonicalHost: ${pasted}`)), json: true });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain(pasted);
    expect(r.stderr).toMatch(/canonicalHost: '\[withheld: GitHub token\]'/);
  });

  it("sends the token over plain http only to this machine", async () => {
    const { code, stderr } = await adopt({ CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_API_BASE_URL: "http://api.cloudflare.example/client/v4" });
    expect(code).toBe(2);
    expect(stderr).toMatch(/CLOUDFLARE_API_BASE_URL: must be an https:\/\/ URL/);
  });
});

describe("adopt: the zone and the stack file", () => {
  it("says when no zone of that name is visible to the token", async () => {
    const api = await fake({ zones: [] });
    const { code, stderr } = await adopt(env(api));
    expect(code).toBe(2);
    expect(stderr).toMatch(/no Cloudflare zone named acme\.example is visible to this token/);
  });

  it("stops on a missing stack file, and on an invalid one naming the field", async () => {
    const api = await fake();
    const missing = await adopt(env(api), { stacksDir: stacks(null) });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--stack: .*no stack file for 'prod'/);
    const invalid = await adopt(env(api), { stacksDir: stacks(STACK.replace("plan: free", "plan: platinum")) });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/launch-ready:domains\[0\]\.cloudflare\.plan/);
    expect(api.requests).toEqual([]);
  });
});

describe("adopt: rate limiting and the network", () => {
  it("waits as long as Retry-After says, then goes on", async () => {
    const api = await fake({ rateLimit: { first: 1, retryAfter: "1" } });
    const started = Date.now();
    const { code } = await adopt(env(api), { maxRetries: 2 });
    expect(code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(api.requests[0]?.path).toBe(api.requests[1]?.path);
  });

  it("gives up after its retries with a clear error (exit 3)", async () => {
    const api = await fake({ rateLimit: { first: 100, retryAfter: "0" } });
    const { code, stderr } = await adopt(env(api), { maxRetries: 2 });
    expect(code).toBe(3);
    expect(stderr).toMatch(/Cloudflare rate-limited the requests \(HTTP 429, code 971: Please wait.*\) while reading the zone named acme\.example, asking to wait 0 s; gave up after 2 retries/);
    expect(api.requests).toHaveLength(3);
  });

  it("does not sit out a Retry-After longer than it allows: fails at once, naming the wait", async () => {
    const api = await fake({ rateLimit: { first: 100, retryAfter: "3600" } });
    const started = Date.now();
    const { code, stderr } = await adopt(env(api), { maxRetries: 3, maxRetryAfterSeconds: 60 });
    expect(code).toBe(3);
    expect(stderr).toMatch(/asking to wait 3600 s/);
    expect(api.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("reports a refused connection and a silent API (exit 3)", async () => {
    const closed = await startFakeCloudflare({ token: TOKEN, zones: [] });
    await closed.close();
    const refused = await adopt({ CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_API_BASE_URL: closed.baseURL });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/cannot reach the Cloudflare API at http:\/\/127\.0\.0\.1:\d+\/client\/v4 while reading the zone named acme\.example \(.*ECONNREFUSED/);

    const api = await fake({ hangOn: "/dns_records" });
    const silent = await adopt(env(api), { timeoutMs: 300 });
    expect(silent.code).toBe(3);
    expect(silent.stderr).toMatch(/did not answer in time while reading the DNS records of acme\.example/);
  });
});

describe("adopt: several domains", () => {
  it("reads each domain's zone (by id or by name) and names the domain whose zone is missing", async () => {
    const second = { id: "a".repeat(32), name: "acme-legacy.example", records: [{ id: "b".repeat(32), name: "acme-legacy.example", type: "A", content: "192.0.2.7", ttl: 300, proxied: false }], settings: fakeZone().settings ?? {} };
    const text = `${STACK}    - name: acme-legacy.example\n      dnssec: true\n      web:\n        redirectTo: https://acme.example\n`;
    const both = await fake({ zones: [fakeZone(), second], maxPerPage: 2 });
    const ok = await adopt(env(both), { stacksDir: stacks(text), json: true, write: false });
    // The legacy apex still answers with its old server's A record beside the planned redirect-only AAAA: exit 1.
    expect(ok.code, ok.stderr).toBe(1);
    const doc = JSON.parse(ok.stdout) as { domains: { domain: string; zoneId: string; records: { conflicts: { name: string; type: string; reason: string }[] } }[] };
    expect(doc.domains.map((d) => [d.domain, d.zoneId])).toEqual([["acme.example", fakeZone().id], ["acme-legacy.example", "a".repeat(32)]]);
    expect(doc.domains[1]?.records.conflicts.map((c) => `${c.name} ${c.type}`)).toEqual(["acme-legacy.example AAAA"]);
    expect(doc.domains[1]?.records.conflicts[0]?.reason).toMatch(/already answers with A 192\.0\.2\.7/);
    const one = await fake({ zones: [fakeZone()] });
    const missing = await adopt(env(one), { stacksDir: stacks(text), json: true });
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({ command: "adopt", errors: [{ path: "launch-ready:domains[1].name" }] });
  });
});
