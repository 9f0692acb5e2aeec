/**
 * `npm run compare` (not part of `npm test`: it takes minutes): runs independent validators against the same
 * loopback lab as our auditor and tabulates every difference with the clause that decides it
 * (`scripts/compare/known.ts`); an unexplained difference makes it exit 1. `--write` records the table in COMPARE.md.
 *
 * Peers, each pointed at the lab only (nothing resolves through the system resolver, nothing leaves loopback):
 * - dnsviz, pyspf (python3-spf), opendmarc-check (opendmarc), opendkim-testkey (opendkim-tools), mta-sts-query's
 *   resolver (postfix-mta-sts-resolver): Debian packages, see `scripts/compare/peers/`.
 *     apt-get install dnsviz python3-spf opendmarc opendkim-tools postfix-mta-sts-resolver
 * - MDN HTTP Observatory (npm). Install once outside the project (it pulls in postgres, jsdom and Sentry):
 *     npm install --prefix .tmp/peers --ignore-scripts @mdn/mdn-http-observatory@1.4.8
 *   (or set PEERS_DIR). It always dials ports 80/443 of the name it scans, so it runs in a child process with a
 *   preload that sends those connections to the lab and resolves nothing.
 * - testssl.sh (Debian: apt-get install testssl.sh), opt-in with --testssl: 45-95 s a target.
 *
 * Usage: npx tsx scripts/compare.ts [--testssl] [--json] [--write] [site.test ...]
 * `npm run bench` (bench/peers.ts) times the Observatory and testssl.sh commands; they are exported for it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { WEB_CHECKS } from "../audit/checks/web";
import { createHttpClient } from "../audit/http/client";
import { createTlsProbe } from "../audit/http/tls-probe";
import { runAudit } from "../audit/run";
import { parseTarget } from "../audit/target";
import type { AuditStatus } from "../audit/types";
import { startWebLab, type WebLab } from "../test/audit/lab/web/server";
import { KNOWN_DISAGREEMENTS } from "./compare/known";
import { ourDkimVerdicts, ourDnsVerdicts, ourEmailVerdicts, startCompareLab } from "./compare/lab";
import { dnsviz } from "./compare/peers/dnsviz";
import { mtaSts, opendkimTestkey, opendmarc, pyspf, type PeerRun } from "./compare/peers/email";
import { runChild } from "./compare/run-child";
import { classify, renderMarkdown, unusedKnown, type Comparison } from "./compare/table";

export { runChild };

const ROOT = resolve(__dirname, "..");
const PEERS_DIR = process.env["PEERS_DIR"] ?? join(ROOT, ".tmp", "peers");
const OBSERVATORY = join(PEERS_DIR, "node_modules", "@mdn", "mdn-http-observatory");
export const OBSERVATORY_VERSION = "1.4.8";
/** How to install the Observatory, as run from the project root (the path stays relative when it can). */
export const OBSERVATORY_INSTALL = `npm install --prefix ${relative(ROOT, PEERS_DIR).startsWith("..") ? PEERS_DIR : relative(ROOT, PEERS_DIR)} --ignore-scripts @mdn/mdn-http-observatory@${OBSERVATORY_VERSION}`;
export const TESTSSL_INSTALL = "apt-get install testssl.sh";

/** Sites whose behaviour both tools judge (headers, HSTS, redirects, CORS, cookies). */
export const DEFAULT_SITES = ["good.test", "bare.test", "weakhdr.test", "reportonly.test", "hstsbad.test", "hstsdup.test", "twohop.test", "plainhop.test", "corsreflect.test", "corswild.test", "cookies.test", "mixed.test"];
const TLS_SITES = ["good.test", "expired.test", "wronghost.test", "selfsigned.test", "oldtls.test"];

/** Our ID ↔ the Observatory test that judges the same thing. */
const OBSERVATORY_MAP: ReadonlyArray<readonly [string, string]> = [
  ["hsts.present", "strict-transport-security"],
  ["web.redirect_first_hop", "redirection"],
  ["hdr.xcto", "x-content-type-options"],
  ["hdr.framing", "x-frame-options"],
  ["hdr.csp", "content-security-policy"],
  ["hdr.referrer", "referrer-policy"],
  ["cors.reflection", "cross-origin-resource-sharing"],
  ["cookie.secure", "cookies"],
];

async function ourVerdicts(web: WebLab, sites: readonly string[]): Promise<Map<string, Map<string, AuditStatus>>> {
  const http = createHttpClient({ connectTo: web.connectTo, caPem: web.rootPem, timeoutMs: 10_000, dns: web.dns });
  const tls = createTlsProbe({ connectTo: web.connectTo, caPem: web.rootPem, timeoutMs: 10_000, dns: web.dns });
  try {
    const report = await runAudit({
      targets: sites.map(parseTarget),
      modules: WEB_CHECKS,
      concurrency: 4,
      deadlineMs: 120_000,
      contextFor: (_t, signal) => ({ dns: web.dns, http, tls, probes: new Set(), now: () => new Date(), signal }),
    });
    return new Map(report.domains.map((d) => [d.domain, new Map(d.checks.map((c) => [c.id, c.status]))]));
  } finally {
    await http.close();
  }
}

/** A preload for the Observatory's process: every http(s) connection goes to the lab, no name is ever resolved. */
function observatoryPreload(dir: string, web: WebLab): string {
  const file = join(dir, "to-lab.cjs");
  writeFileSync(
    file,
    `const http = require("node:http"), https = require("node:https"), dns = require("node:dns");
const HTTP = ${web.httpPort}, HTTPS = ${web.httpsPort};
const own = ${JSON.stringify(web.ownPorts)};
function apex(h) { for (const a of Object.keys(own)) if (h === a || h.endsWith("." + a)) return a; }
for (const [Agent, secure] of [[http.Agent, false], [https.Agent, true]]) {
  const orig = Agent.prototype.createConnection;
  Agent.prototype.createConnection = function (options, cb) {
    const host = options.servername || options.host || options.hostname;
    const a = apex(host);
    const port = secure ? (a ? own[a] : HTTPS) : HTTP;
    return orig.call(this, { ...options, host: "127.0.0.1", hostname: "127.0.0.1", port, servername: secure ? host : undefined, lookup: undefined }, cb);
  };
}
// Nothing may resolve through the system resolver (it points off-box).
dns.lookup = (name, opts, cb) => { const f = typeof opts === "function" ? opts : cb; process.nextTick(() => f(Object.assign(new Error("lookup disabled in the lab: " + name), { code: "ENOTFOUND" }))); };
`,
  );
  return file;
}

/** How to run one peer on one site: the whole command line and its environment. */
export interface PeerCommand {
  argv(site: string): string[];
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The Observatory's command for the lab, or why it cannot run. Each scan is its own process (its CLI takes one
 * host), preloaded so that its connections go to the lab and nothing is resolved.
 */
export function observatoryCommand(web: WebLab, scratch: string): PeerCommand | string {
  if (!existsSync(join(OBSERVATORY, "src", "scan.js"))) return `MDN HTTP Observatory not installed: ${OBSERVATORY_INSTALL}`;
  // Its postinstall (skipped) would download the HSTS preload list; an empty list is the offline stand-in.
  const preloadList = join(OBSERVATORY, "conf", "hsts-preload.json");
  if (!existsSync(preloadList)) writeFileSync(preloadList, "{}\n");
  const ca = join(scratch, "lab-root.pem");
  writeFileSync(ca, web.rootPem);
  const preload = observatoryPreload(scratch, web);
  return {
    argv: (site) => [process.execPath, "--require", preload, join(OBSERVATORY, "src", "scan.js"), site],
    env: { ...process.env, NODE_EXTRA_CA_CERTS: ca },
  };
}

/** The Observatory's per-test verdicts from its stdout, or undefined when it printed no scan. */
export function parseObservatoryScan(stdout: string): Record<string, { pass: boolean; result: string }> | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  const tests = typeof doc === "object" && doc !== null ? Reflect.get(doc, "tests") : undefined;
  if (typeof tests !== "object" || tests === null) return undefined;
  const verdicts: Record<string, { pass: boolean; result: string }> = {};
  for (const [name, t] of Object.entries(tests)) {
    const pass = typeof t === "object" && t !== null ? Reflect.get(t, "pass") : undefined;
    const result = typeof t === "object" && t !== null ? Reflect.get(t, "result") : undefined;
    if (typeof pass === "boolean") verdicts[name] = { pass, result: typeof result === "string" ? result : "" };
  }
  return verdicts;
}

async function observatoryVerdicts(web: WebLab, sites: readonly string[], scratch: string): Promise<Map<string, Record<string, { pass: boolean; result: string }>> | string> {
  const cmd = observatoryCommand(web, scratch);
  if (typeof cmd === "string") return cmd;
  const out = new Map<string, Record<string, { pass: boolean; result: string }>>();
  for (const site of sites) {
    const r = await runChild(cmd.argv(site), cmd.env, 60_000);
    const verdicts = parseObservatoryScan(r.stdout);
    if (verdicts === undefined) process.stderr.write(`compare: Observatory gave no JSON for ${site}: ${(r.stdout + r.stderr).slice(0, 300)}\n`);
    out.set(site, verdicts ?? {});
  }
  return out;
}

function testsslJsonFile(scratch: string, site: string): string {
  return join(scratch, `testssl-${site}.json`);
}

/** testssl.sh's command for the lab (protocols and server defaults, JSON into `scratch`), or why it cannot run. */
export function testsslCommand(web: WebLab, scratch: string): PeerCommand | string {
  const bin = ["/usr/bin/testssl", "/usr/bin/testssl.sh"].find((p) => existsSync(p));
  if (!bin) return `testssl.sh not installed: ${TESTSSL_INSTALL}`;
  const ca = join(scratch, "lab-root.pem");
  writeFileSync(ca, web.rootPem);
  return {
    argv: (site) => {
      const port = web.ownPorts[site] ?? web.httpsPort;
      return [bin, "--quiet", "--color", "0", "--nodns", "none", "--ip", "127.0.0.1", "--add-ca", ca, "-p", "-S", "--jsonfile-pretty", testsslJsonFile(scratch, site), `https://${site}:${port}/`];
    },
    // NXCONNECT keeps its "is DNS there" probe on loopback.
    env: { ...process.env, NXCONNECT: "127.0.0.1:0" },
  };
}

async function testsslVerdicts(web: WebLab, sites: readonly string[], scratch: string): Promise<Map<string, { protocolsOk: boolean; certOk: boolean }> | string> {
  const cmd = testsslCommand(web, scratch);
  if (typeof cmd === "string") return cmd;
  const out = new Map<string, { protocolsOk: boolean; certOk: boolean }>();
  for (const site of sites) {
    const json = testsslJsonFile(scratch, site);
    await runChild(cmd.argv(site), cmd.env, 180_000);
    const findings: unknown = existsSync(json) ? JSON.parse(readFileSync(json, "utf8")) : {};
    const list = typeof findings === "object" && findings !== null ? Reflect.get(findings, "scanResult") : undefined;
    const items: Array<{ id: string; severity: string; finding: string }> = [];
    if (Array.isArray(list)) {
      for (const scan of list) {
        for (const key of ["protocols", "serverDefaults"]) {
          const arr: unknown = typeof scan === "object" && scan !== null ? Reflect.get(scan, key) : undefined;
          if (!Array.isArray(arr)) continue;
          for (const f of arr) {
            const id = Reflect.get(f, "id");
            const severity = Reflect.get(f, "severity");
            const finding = Reflect.get(f, "finding");
            if (typeof id === "string" && typeof severity === "string" && typeof finding === "string") items.push({ id, severity, finding });
          }
        }
      }
    }
    const offered = (id: string): boolean => items.some((i) => i.id === id && /^offered/.test(i.finding));
    const bad = (re: RegExp): boolean => items.some((i) => re.test(i.id) && ["HIGH", "CRITICAL", "MEDIUM"].includes(i.severity));
    out.set(site, { protocolsOk: !offered("TLS1") && !offered("TLS1_1"), certOk: !bad(/^cert_(chain_of_trust|expirationStatus|notAfter|commonName|trust)/) });
  }
  return out;
}

/** The web peers: the Observatory on every site, testssl.sh on the TLS sites when asked. */
async function webComparisons(sites: readonly string[], wantTestssl: boolean, scratch: string, notes: string[]): Promise<Comparison[]> {
  const web = await startWebLab();
  const out: Comparison[] = [];
  try {
    const ours = await ourVerdicts(web, [...new Set([...sites, ...(wantTestssl ? TLS_SITES : [])])]);
    const started = Date.now();
    const obs = await observatoryVerdicts(web, sites, scratch);
    if (typeof obs === "string") notes.push(obs);
    else {
      notes.push(`MDN HTTP Observatory ${OBSERVATORY_VERSION}: ${sites.length} sites in ${Date.now() - started} ms`);
      for (const site of sites) {
        for (const [id, test] of OBSERVATORY_MAP) {
          const peer = obs.get(site)?.[test];
          const mine: AuditStatus | "missing" = ours.get(site)?.get(id) ?? "missing";
          // The Observatory's pass covers what we only warn about (its grades fold "pass with notes" into pass).
          out.push({ peer: "observatory", target: site, check: id, ours: mine, peerStatus: peer === undefined ? undefined : peer.pass ? "pass" : "fail", peerSays: peer === undefined ? "n/a" : `${test}: ${peer.result}`, warnAs: "pass" });
        }
      }
    }
    if (!wantTestssl) notes.push("testssl.sh: not run (45-95 s a site; opt in with `npm run compare -- --testssl`)");
    else {
      const t0 = Date.now();
      const tssl = await testsslVerdicts(web, TLS_SITES, scratch);
      if (typeof tssl === "string") notes.push(tssl);
      else {
        notes.push(`testssl.sh: ${TLS_SITES.length} sites in ${Date.now() - t0} ms`);
        for (const site of TLS_SITES) {
          const v = tssl.get(site);
          if (!v) continue;
          for (const [id, ok] of [["tls.protocols", v.protocolsOk], ["tls.cert_valid", v.certOk]] as const) {
            out.push({ peer: "testssl.sh", target: site, check: id, ours: ours.get(site)?.get(id) ?? "missing", peerStatus: ok ? "pass" : "fail", peerSays: ok ? "no finding" : "finding of MEDIUM or worse", warnAs: "pass" });
          }
        }
      }
    }
  } finally {
    await web.close();
  }
  return out;
}

/** The DNS and email peers on the Knot lab. */
async function labComparisons(scratch: string, notes: string[]): Promise<Comparison[]> {
  const lab = await startCompareLab();
  const out: Comparison[] = [];
  try {
    const [email, dkim, dns] = [await ourEmailVerdicts(lab), await ourDkimVerdicts(lab), await ourDnsVerdicts(lab)];
    const runs: Array<[string, () => Promise<PeerRun | string>]> = [
      ["dnsviz", () => dnsviz(lab, dns, scratch)],
      ["pyspf", () => pyspf(lab, email)],
      ["opendmarc-check", () => opendmarc(lab, email, scratch)],
      ["opendkim-testkey", () => opendkimTestkey(lab, dkim, scratch)],
      ["mta-sts-query", () => mtaSts(lab, email, scratch)],
    ];
    for (const [name, run] of runs) {
      const t0 = Date.now();
      const r = await run().catch((err: unknown) => `${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      if (typeof r === "string") notes.push(r);
      else {
        notes.push(`${r.note}, in ${Date.now() - t0} ms`);
        out.push(...r.comparisons);
      }
    }
  } finally {
    await lab.stop();
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const wantTestssl = args.includes("--testssl");
  const asJson = args.includes("--json");
  const write = args.includes("--write");
  const chosen = args.filter((a) => !a.startsWith("--"));
  const sites = chosen.length > 0 ? chosen : DEFAULT_SITES;
  const scratch = mkdtempSync(join(tmpdir(), "compare-"));
  const notes: string[] = [];
  let comparisons: Comparison[] = [];
  try {
    comparisons = [...(await labComparisons(scratch, notes)), ...(await webComparisons(sites, wantTestssl, scratch, notes))];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const rows = classify(comparisons, KNOWN_DISAGREEMENTS);
  const stale = unusedKnown(rows, KNOWN_DISAGREEMENTS, new Set(rows.map((r) => r.peer)));
  const unexplained = rows.filter((r) => r.state === "unexplained");
  if (asJson) process.stdout.write(`${JSON.stringify({ notes, rows, stale }, null, 2)}\n`);
  else {
    const md = renderMarkdown(rows, notes, stale);
    process.stdout.write(md);
    if (write) writeFileSync(join(ROOT, "COMPARE.md"), md);
  }
  if (unexplained.length > 0) {
    process.stderr.write(`compare: ${unexplained.length} unexplained difference(s): ${unexplained.map((r) => `${r.peer} ${r.target} ${r.check}`).join(", ")}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`compare failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
