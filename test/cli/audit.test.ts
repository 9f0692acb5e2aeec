/**
 * `launch-ready audit` end to end: the real binary against the DNS lab and the fault server, on loopback only.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { isCheckId } from "../../checklist";
import { AUDIT_STATUSES } from "../../audit/types";
import { dnsLabAvailable, startDnsLab, startFaultDnsServer, type DnsLab, type FaultServer } from "../audit/lab/dns";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/launch-ready.js");
const run = promisify(execFile);

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

async function cli(args: string[]): Promise<CliRun> {
  const started = Date.now();
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, "audit", ...args], { cwd: ROOT, timeout: 60_000, env: { ...process.env, FORCE_COLOR: "0" } });
    return { code: 0, stdout, stderr, ms: Date.now() - started };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const get = (k: string): unknown => (k in e ? Object.getOwnPropertyDescriptor(e, k)?.value : undefined);
    const code = get("code");
    const stdout = get("stdout");
    const stderr = get("stderr");
    return { code: typeof code === "number" ? code : -1, stdout: typeof stdout === "string" ? stdout : "", stderr: typeof stderr === "string" ? stderr : "", ms: Date.now() - started };
  }
}

const STATUS = z.enum(AUDIT_STATUSES);
/** The JSON contract (docs/CHECKS.md), strictly: nothing more, nothing less. */
const REPORT = z.strictObject({
  domains: z.array(
    z.strictObject({
      domain: z.string(),
      checks: z.array(
        z.strictObject({
          id: z.string().refine(isCheckId),
          status: STATUS,
          summary: z.string().min(1),
          evidence: z.record(z.string(), z.unknown()),
          remediation: z.string(),
          blockedBy: z.string().refine(isCheckId).optional(),
        }),
      ),
    }),
  ),
  counts: z.strictObject({ pass: z.number(), warn: z.number(), fail: z.number(), info: z.number(), error: z.number(), skip: z.number() }),
});

function parseReport(text: string) {
  return REPORT.parse(JSON.parse(text));
}

describe("launch-ready audit: bad arguments exit 2 (invalid input) and name the option", () => {
  it.each([
    [["--resolver", "dns.example:53", "a.test"], "--resolver"],
    [["--timeout", "0", "a.test"], "--timeout"],
    [["--deadline", "soon", "a.test"], "--deadline"],
    [["--concurrency", "-1", "a.test"], "--concurrency"],
    [["--fail-on", "info", "a.test"], "--fail-on"],
    [["--connect-to", "a.test:443", "a.test"], "--connect-to"],
    [["--probe", "rate,ping", "a.test"], "--probe"],
    [["--trust-anchor", "test. DS nope", "a.test"], "--trust-anchor"],
    [["--ca", "/nonexistent/ca.pem", "--resolver", "127.0.0.1:9", "a.test"], "--ca /nonexistent/ca.pem"],
    [["--stack", "nope", "--resolver", "127.0.0.1:9", "a.test"], "--stack nope"],
    [["--markdown", "--sarif", "--resolver", "127.0.0.1:9", "a.test"], "--sarif and --markdown"],
    [["--resolver", "127.0.0.1:9", "https://a.test/"], "is a URL"],
  ])("%j", async (args, named) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(named);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).toBe("");
  });
});

describe.runIf(dnsLabAvailable())("launch-ready audit on the DNS lab", () => {
  let lab: DnsLab;
  beforeAll(async () => {
    lab = await startDnsLab([
      { origin: "signed.test", dnssec: "signed", records: ['signed.test. CAA 0 issue "letsencrypt.org"', 'signed.test. CAA 0 issue "amazon.com"'] },
      { origin: "xn--bcher-kva.test", dnssec: "unsigned", records: [] },
    ]);
  });
  afterAll(async () => {
    await lab?.stop();
  });
  const base = (): string[] => ["--resolver", lab.address, "--timeout", "500", "--deadline", "20000", ...lab.trustAnchors.flatMap((t) => ["--trust-anchor", t])];

  it("--json prints the documented document, and the exit status follows its counts", async () => {
    const r = await cli([...base(), "--json", "signed.test", "bücher.test"]);
    const report = parseReport(r.stdout);
    expect(report.domains.map((d) => d.domain)).toEqual(["signed.test", "bücher.test"]);
    const signed = Object.fromEntries((report.domains[0]?.checks ?? []).map((c) => [c.id, c]));
    expect(signed["dns.resolve"]?.status).toBe("pass");
    expect(signed["dnssec.chain"]?.status).toBe("pass");
    expect(signed["caa.present"]?.status).toBe("pass");
    const total = Object.values(report.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(report.domains.reduce((n, d) => n + d.checks.length, 0));
    const expected = report.counts.fail > 0 ? 1 : report.counts.error > 0 ? 3 : 0;
    expect(r.code).toBe(expected);
    expect(r.stderr).not.toContain("[1/2]"); // no progress line when stderr is not a terminal
  });

  it("exits 1 (a check fails) for a domain that does not exist, with every dependant skipped", async () => {
    const r = await cli([...base(), "--json", "gone.test"]);
    const checks = parseReport(r.stdout).domains[0]?.checks ?? [];
    expect(checks[0]).toMatchObject({ id: "dns.resolve", status: "fail" });
    expect(checks.slice(1).every((c) => c.status === "skip")).toBe(true);
    expect(r.code).toBe(1);
  });

  it("prints SARIF 2.1.0, Markdown and the human table on request", async () => {
    const sarif = await cli([...base(), "--sarif", "gone.test"]);
    const log: unknown = JSON.parse(sarif.stdout);
    expect(log).toMatchObject({ version: "2.1.0", runs: [{ tool: { driver: { name: "launch-ready" } } }] });
    const md = await cli([...base(), "--markdown", "gone.test"]);
    expect(md.stdout).toMatch(/^## launch-ready audit\n/);
    expect(md.stdout).toContain("| DNS and redirects | ❌ fail | `dns.resolve` | gone.test does not exist (NXDOMAIN)");
    const human = await cli([...base(), "gone.test"]);
    expect(human.stdout).toMatch(/FAIL\s+dns\.resolve\s+gone\.test does not exist \(NXDOMAIN\)/);
    expect(human.stdout).toContain("fix: Check the registrar's nameservers");
  });
});

describe("launch-ready audit when DNS does not answer", () => {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultDnsServer({ records: [], mode: () => "timeout" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("exits 3 (could not complete) and reports errors, never passes", async () => {
    const r = await cli(["--resolver", server.address, "--timeout", "100", "--json", "acme.test"]);
    const report = parseReport(r.stdout);
    expect(report.counts.pass).toBe(0);
    const [resolve, ...rest] = report.domains[0]?.checks ?? [];
    expect(resolve).toMatchObject({ id: "dns.resolve", status: "error" });
    expect(rest.length).toBeGreaterThan(10);
    for (const c of rest) expect([c.id, c.status, c.blockedBy, c.remediation]).toEqual([c.id, "error", "dns.resolve", ""]);
    expect(r.code).toBe(3);
  });

  it("says so once, with the cause, instead of one error and one unrelated fix per check", async () => {
    const r = await cli(["--resolver", server.address, "--timeout", "100", "acme.test"]);
    expect(r.code).toBe(3);
    expect(r.stdout.match(/^\s+ERROR\s/gm)).toHaveLength(1);
    expect(r.stdout).toMatch(/ERROR\s+dns\.resolve\s+could not resolve acme\.test: .*did not answer/);
    expect(r.stdout.match(/fix: /g)).toHaveLength(1);
    expect(r.stdout).toMatch(/\d+ other checks not run, blocked by dns\.resolve \(reported as error/);
    expect(r.stdout.split("\n").length).toBeLessThan(20);
  });

  it("stops at --deadline and reports what did not finish", async () => {
    const r = await cli(["--resolver", server.address, "--timeout", "10000", "--deadline", "400", "--json", "acme.test"]);
    const checks = parseReport(r.stdout).domains[0]?.checks ?? [];
    expect(checks[0]).toMatchObject({ id: "dns.resolve", status: "error", summary: "not finished before the deadline (400 ms)" });
    expect(r.code).toBe(3);
    expect(r.ms).toBeLessThan(8000);
  });
});

describe("launch-ready audit loads no Pulumi", () => {
  it("runs an audit without requiring any @pulumi module", async () => {
    // The same loaders as bin/launch-ready.js; undici being listed proves the cache shows what the audit loaded.
    const script = [
      "require('tsx/cjs');",
      "import('tsx/esm').then(() => require('./cli/main.ts').main(['node', 'launch-ready', 'audit', '--resolver', '127.0.0.1:9', '--timeout', '50', '--deadline', '300', '--json', 'a.test']))",
      ".then(() => { const k = Object.keys(require.cache); process.stderr.write('PULUMI=' + k.filter((x) => x.includes('@pulumi')).length + ' UNDICI=' + k.filter((x) => x.includes('node_modules/undici/')).length + '\\n'); });",
    ].join("");
    const { stderr } = await run(process.execPath, ["-e", script], { cwd: ROOT, timeout: 30_000 });
    expect(stderr).toMatch(/UNDICI=[1-9]/);
    expect(stderr).toContain("PULUMI=0");
  });
});
