/**
 * The authz probe against the loopback lab: it finds exactly the lab's three bugs, passes the correct routes, sends
 * no write unless allowed (and then only to replay-safe routes), and prints no token in any format.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProbeAuthz, type ProbeFormat } from "../../../../audit/probe/authz";
import { AUDIT_JSON } from "../../../../audit/report/json-contract";
import { EXIT } from "../../../../cli/exit-codes";
import { LAB_STACK, labCredentials, startAuthzLab, type AuthzLab } from "./lab";

let lab: AuthzLab;
let dir: string;
let credentialsFile: string;
let env: Record<string, string>;

beforeAll(async () => {
  lab = await startAuthzLab();
  dir = mkdtempSync(join(tmpdir(), "authz-probe-"));
  writeFileSync(join(dir, "Pulumi.lab.yaml"), LAB_STACK);
  const creds = labCredentials(lab.users);
  credentialsFile = join(dir, "accounts.yaml");
  writeFileSync(credentialsFile, creds.file);
  env = creds.env;
});

afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

async function probe(format: ProbeFormat, extra: { allowWrites?: boolean; maxRequests?: number } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runProbeAuthz({
    stack: "lab",
    stacksDir: dir,
    baseUrl: lab.baseUrl,
    credentialsFile,
    env,
    allowWrites: extra.allowWrites ?? false,
    format,
    concurrency: 4,
    timeoutMs: 5000,
    deadlineMs: 60_000,
    maxRequests: extra.maxRequests ?? 500,
    toolVersion: "0.0.0-test",
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
  });
  return { code, stdout, stderr };
}

function statuses(json: string): Record<string, Record<string, string>> {
  const doc = AUDIT_JSON.parse(JSON.parse(json));
  return Object.fromEntries(doc.domains.map((d) => [d.domain.replace(/^(\w+) http:\/\/127\.0\.0\.1:\d+/, "$1 "), Object.fromEntries(d.checks.map((c) => [c.id, c.status]))]));
}

describe("probe authz against the lab", () => {
  it("finds exactly the IDOR, the missing role check and the accepted expired token, and passes every correct route", async () => {
    const { code, stdout } = await probe("json", { allowWrites: true });
    expect(code).toBe(EXIT.checkFailed);
    const all = (u: string, t: string, r: string, i: string) => ({ "authz.unauthenticated": u, "authz.token_validation": t, "authz.role": r, "authz.tenant_isolation": i });
    expect(statuses(stdout)).toEqual({
      "GET /api/me": all("pass", "pass", "skip", "pass"),
      "GET /api/orgs/{orgId}/posts/{postId}": all("pass", "pass", "skip", "pass"),
      "GET /api/orgs/{orgId}/files/{fileId}": all("pass", "pass", "skip", "fail"),
      "GET /api/orgs/{orgId}/settings": all("pass", "pass", "fail", "pass"),
      "GET /api/orgs/{orgId}/billing": all("pass", "pass", "pass", "pass"),
      "GET /api/orgs/{orgId}/reports": all("pass", "fail", "skip", "pass"),
      "DELETE /api/orgs/{orgId}/posts/{postId}": all("error", "error", "error", "error"),
      "PUT /api/orgs/{orgId}/posts/{postId}/pin": all("pass", "pass", "pass", "pass"),
    });
  });

  it("names the request that proved each finding: method, URL and credential variant", async () => {
    const doc = AUDIT_JSON.parse(JSON.parse((await probe("json")).stdout));
    const files = doc.domains.find((d) => d.domain.includes("/files/"))?.checks.find((c) => c.id === "authz.tenant_isolation");
    expect(files?.summary).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/api\/orgs\/1\/files\/202 as alice of acme, admin with \{fileId\} swapped for globex's: answered 200 with marker data of globex/);
    expect(files?.evidence["outcome"]).toBe("leaked");
    const settings = doc.domains.find((d) => d.domain.includes("/settings"))?.checks.find((c) => c.id === "authz.role");
    expect(settings?.summary).toContain("as lower role (amy of acme, member) with acme's IDs: answered 200");
    const reports = doc.domains.find((d) => d.domain.includes("/reports"))?.checks.find((c) => c.id === "authz.token_validation");
    expect(reports?.summary).toContain("alice of acme, admin's expired credential: answered 200");
  });

  it("never sends a write without --allow-writes, and says the write was not replayed instead of passing", async () => {
    const before = lab.requests.length;
    const { stdout } = await probe("json");
    const sent = lab.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((r) => r.method !== "GET")).toEqual([]);
    const doc = AUDIT_JSON.parse(JSON.parse(stdout));
    const pin = doc.domains.find((d) => d.domain.startsWith("PUT "));
    expect(pin?.checks.map((c) => c.status)).toEqual(["error", "error", "error", "error"]);
    expect(pin?.checks[0]?.summary).toContain("write not replayed");
  });

  it("with --allow-writes replays only the routes marked replaySafe, never the others", async () => {
    const before = lab.requests.length;
    await probe("json", { allowWrites: true });
    const writes = lab.requests.slice(before).filter((r) => r.method !== "GET");
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((r) => r.method === "PUT" && r.path.endsWith("/pin"))).toBe(true);
  });

  it("prints no token, expired token or fragment of one in any format, on stdout or stderr", async () => {
    const secrets = lab.users.flatMap((u) => [u.token, u.expiredToken]);
    for (const format of ["human", "json", "sarif", "markdown"] as const) {
      const { stdout, stderr } = await probe(format, { allowWrites: true });
      expect(stdout.length).toBeGreaterThan(100);
      for (const s of secrets) {
        expect(stdout, format).not.toContain(s);
        expect(stderr, format).not.toContain(s);
        // The random part of each token, which is what an attacker would need.
        const random = s.split(".").pop() ?? s;
        expect(stdout, format).not.toContain(random.slice(0, 16));
      }
    }
  });

  it("refuses to start when the plan exceeds the request budget, having sent nothing", async () => {
    const before = lab.requests.length;
    const { code, stderr } = await probe("human", { maxRequests: 10 });
    expect(code).toBe(EXIT.invalidInput);
    expect(stderr).toMatch(/--max-requests: the probe would send \d+ requests, over the budget of 10/);
    expect(lab.requests.length).toBe(before);
  });
});
