/**
 * `launch-ready init` as a user runs it (the real bin, a process): an existing stack file is never replaced without
 * --force, a bad domain is named, a lookup that times out writes nothing, and --json prints one document each time.
 * DNS goes only to a loopback server the test starts; HTTPS to a closed loopback port.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type * as dnsPacket from "dns-packet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_JSON } from "../../../cli/error-document-contract";
import { INIT_JSON } from "../../../cli/init/json-contract";
import { startFaultDnsServer, type FaultServer } from "../../audit/lab/dns";
import { PROJECT_DIR, tempDir } from "../../helpers/temp-dir";
import { cli } from "../run-cli";

const D = "cli-init.test";
const CF = "proxied-init.test";
const RECORDS: dnsPacket.Answer[] = [
  { name: D, type: "SOA", ttl: 300, data: { mname: "ns1.test", rname: "hostmaster.test", serial: 1, refresh: 3600, retry: 900, expire: 604800, minimum: 300 } },
  { name: D, type: "A", ttl: 300, data: "127.0.0.1" },
  { name: `www.${D}`, type: "A", ttl: 300, data: "127.0.0.1" },
  { name: D, type: "TXT", ttl: 300, data: "v=spf1 include:_spf.google.com ~all" },
  { name: "_spf.google.com", type: "TXT", ttl: 300, data: "v=spf1 ip4:192.0.2.0/24 ~all" },
  { name: `_dmarc.${D}`, type: "TXT", ttl: 300, data: `v=DMARC1; p=none; rua=mailto:d@${D}` },
  // A domain proxied by Cloudflare: its apex answers with an edge address (104.16.0.0/13), which hides the origin.
  { name: CF, type: "SOA", ttl: 300, data: { mname: "ns1.test", rname: "hostmaster.test", serial: 1, refresh: 3600, retry: 900, expire: 604800, minimum: 300 } },
  { name: CF, type: "A", ttl: 300, data: "104.16.1.1" },
];

/** The CLI without blocking the event loop (the DNS server lives in this process). */
function cliAsync(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(PROJECT_DIR, "bin", "launch-ready.js"), ...args], { cwd: PROJECT_DIR, env: { ...process.env, FORCE_COLOR: "0" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

describe("launch-ready init on the command line", () => {
  const tmp = tempDir("init-cli");
  let dns: FaultServer;
  let slow: FaultServer;
  const net = (server: FaultServer) => ["--resolver", server.address, "--connect-to", ":443:127.0.0.1:9", "--connect-to", ":80:127.0.0.1:9", "--timeout", "400", "--stacks-dir", tmp.dir];

  beforeAll(async () => {
    dns = await startFaultDnsServer({ records: RECORDS });
    slow = await startFaultDnsServer({ records: RECORDS, mode: (q) => (q.name === D && q.type === "TXT" ? "timeout" : "answer") });
  });
  afterAll(async () => {
    await dns?.stop();
    await slow?.stop();
    tmp.cleanup();
  });

  it("never replaces an existing stack file without --force: exit 2, the file named, its text unchanged", () => {
    const file = tmp.write("Pulumi.keep.yaml", "config: {}\n# mine\n");
    const r = cli("init", D, "--stack", "keep", "--stacks-dir", tmp.dir, "--resolver", "127.0.0.1:9", "--json");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Pulumi\.keep\.yaml exists already; nothing was written\. Give --force/);
    expect(ERROR_JSON.parse(JSON.parse(r.stdout))).toMatchObject({ command: "init", exitCode: 2, errors: [{ path: "--stack" }] });
    expect(readFileSync(file, "utf8")).toBe("config: {}\n# mine\n");
  });

  it("names a bad domain: exit 2, with the fix", () => {
    const r = cli("init", "https://acme.example/", "--json");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/domain "https:\/\/acme\.example\/" is a URL, not a domain name: give the bare domain/);
    expect(ERROR_JSON.parse(JSON.parse(r.stdout))).toMatchObject({ command: "init", exitCode: 2, errors: [{ path: "domain" }] });
  });

  it("a domain that does not exist is named, not parked: exit 2, nothing written", async () => {
    const r = await cliAsync("init", "nowhere-init.test", "--stack", "nowhere", ...net(dns), "--json");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nowhere-init\.test does not exist \(NXDOMAIN\): check the spelling; nothing was written/);
    expect(ERROR_JSON.parse(JSON.parse(r.stdout))).toMatchObject({ command: "init", exitCode: 2, errors: [{ path: "domain" }] });
    expect(existsSync(join(tmp.dir, "Pulumi.nowhere.yaml"))).toBe(false);
  }, 60_000);

  it("names a bad --origin before looking anything up", () => {
    const r = cli("init", D, "--origin", "https://origin.example/", "--json");
    expect(r.status).toBe(2);
    expect(ERROR_JSON.parse(JSON.parse(r.stdout))).toMatchObject({ command: "init", exitCode: 2, errors: [{ path: "--origin" }] });
  });

  it("a lookup that times out is not a missing record: exit 3, the lookup named, nothing written", async () => {
    const r = await cliAsync("init", D, "--stack", "slow", ...net(slow), "--json");
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`cannot tell: TXT ${D.replace(".", "\\.")}: 127\\.0\\.0\\.1:\\d+ did not answer within 400 ms.*Nothing was written`));
    expect(ERROR_JSON.parse(JSON.parse(r.stdout))).toMatchObject({ command: "init", exitCode: 3 });
    expect(existsSync(join(tmp.dir, "Pulumi.slow.yaml"))).toBe(false);
  }, 60_000);

  it("writes the stack, then prints one --json document with the checks before and after; --force replaces it", async () => {
    const r = await cliAsync("init", D, "--stack", "made", ...net(dns), "--json");
    expect(r.stderr).toBe("");
    const doc = INIT_JSON.parse(JSON.parse(r.stdout));
    expect(doc).toMatchObject({ command: "init", domain: D, stack: "made" });
    expect(doc.checks.find((c) => c.id === "dmarc.policy")).toEqual({ id: "dmarc.policy", live: "fail", plan: "pass" });
    const text = readFileSync(join(tmp.dir, "Pulumi.made.yaml"), "utf8");
    expect(text).toContain("# seen: SPF include:_spf.google.com");
    // Neither host answered over HTTPS (the port is closed): said in the file, the apex chosen as the default.
    expect(text).toMatch(/# neither host answered over HTTPS as itself .*connect.*\n\s+canonicalHost: cli-init\.test/i);
    expect([0, 1]).toContain(r.status);
    const again = await cliAsync("init", D, "--stack", "made", ...net(dns), "--force");
    expect(again.stdout).toMatch(/wrote .*Pulumi\.made\.yaml/);
  }, 120_000);

  it("does not guess an origin hidden behind Cloudflare's edge; takes the one given with --origin", async () => {
    const hidden = await cliAsync("init", CF, "--stack", "cf", ...net(dns));
    expect(hidden.stdout).toMatch(/proxied-init\.test resolves to 104\.16\.1\.1, Cloudflare's edge: the real origin is hidden.*--origin/);
    const file = join(tmp.dir, "Pulumi.cf.yaml");
    expect(readFileSync(file, "utf8")).not.toMatch(/^\s+web:/m);
    const given = await cliAsync("init", CF, "--stack", "cf", ...net(dns), "--origin", "203.0.113.10", "--force");
    expect(given.stderr).toBe("");
    expect(readFileSync(file, "utf8")).toMatch(/# given: --origin 203\.0\.113\.10 \(proxied-init\.test resolves to 104\.16\.1\.1, Cloudflare's edge.*\n\s+origin: 203\.0\.113\.10/);
  }, 120_000);
});
