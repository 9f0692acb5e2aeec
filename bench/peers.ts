/**
 * Peers on the same work (`npm run bench` calls `benchPeers`; `npx tsx bench/peers.ts` prints JSON): the MDN HTTP
 * Observatory and our auditor on the same loopback web lab and the same sites (`npm run compare`'s set), whole
 * processes, medians of several runs. The Observatory runs exactly as `npm run compare` runs it (its command comes
 * from scripts/compare.ts): each scan its own process, preloaded so its traffic stays on loopback. testssl.sh
 * (45–95 s a target) only with BENCH_TESTSSL=1: one target, one run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DEFAULT_SITES, OBSERVATORY_VERSION, observatoryCommand, parseObservatoryScan, testsslCommand, type PeerCommand } from "../scripts/compare";
import { DNS_LAB_APT, dnsLabAvailable, startDnsLab } from "../test/audit/lab/dns";
import { startWebLab } from "../test/audit/lab/web/server";
import { zone } from "./audit";
import { runProcess, timeAsync, type BenchSection, type Timing } from "./timing";

export const PEER_SITES: readonly string[] = DEFAULT_SITES;
/** The one target testssl.sh gets (it is 45–95 s a target). */
export const TESTSSL_TARGET = "good.test";
/** The one host both tools scan alone, a process each: our full audit ÷ the Observatory's scan is a target. */
export const ONE_HOST = "good.test";
export const oursOneHost = `launch-ready audit, ${ONE_HOST}`;
export const observatoryOneHost = `MDN HTTP Observatory ${OBSERVATORY_VERSION}, ${ONE_HOST}`;

const TITLE = "Peers on the same work";
/** Our exit statuses that mean "audited" (the exit-code table in docs/CHECKS.md), not "could not run". */
const AUDITED = [0, 1, 3];

async function runOk(label: string, argv: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }, ok: (r: { code: number | null; stdout: string }) => boolean): Promise<void> {
  const r = await runProcess(argv, opts);
  if (!ok(r)) throw new Error(`${label}: exit ${String(r.code)}: ${(r.stderr || r.stdout).slice(0, 500)}`);
}

/** testssl.sh's exit status counts findings, so success is the JSON report holding a scan. */
function wroteScan(jsonFile: string): boolean {
  if (!existsSync(jsonFile)) return false;
  try {
    const doc: unknown = JSON.parse(readFileSync(jsonFile, "utf8"));
    const scans = typeof doc === "object" && doc !== null ? Reflect.get(doc, "scanResult") : undefined;
    return Array.isArray(scans) && scans.length > 0;
  } catch {
    return false;
  }
}

/** The Observatory on every site, one process after another (its CLI scans one host a process). */
function observatoryRun(cmd: PeerCommand, sites: readonly string[]): () => Promise<void> {
  return async () => {
    for (const site of sites) {
      // A scan that printed no verdicts timed nothing worth comparing: fail the section rather than report it.
      await runOk(`Observatory ${site}`, cmd.argv(site), { env: cmd.env, timeoutMs: 60_000 }, (r) => r.code === 0 && parseObservatoryScan(r.stdout) !== undefined);
    }
  };
}

export async function benchPeers(opts: { projectDir: string; runs: number; testssl: boolean }): Promise<BenchSection> {
  const sites = PEER_SITES;
  const web = await startWebLab();
  const scratch = mkdtempSync(join(tmpdir(), "peers-bench-"));
  try {
    const observatory = observatoryCommand(web, scratch);
    if (typeof observatory === "string") {
      return { title: TITLE, method: `${observatory}. Nothing timed; the other sections stand.`, timings: [], baseline: "" };
    }
    if (!dnsLabAvailable()) throw new Error(`our auditor needs the DNS lab, which needs Knot: ${DNS_LAB_APT}`);
    const dns = await startDnsLab(sites.map((s) => zone(s, "signed")));
    try {
      const ca = join(scratch, "lab-ca.pem");
      writeFileSync(ca, web.rootPem);
      const bin = join(opts.projectDir, "bin", "launch-ready.js");
      const audit = [
        process.execPath, bin, "audit",
        "--resolver", dns.address,
        "--ca", ca,
        ...web.connectToArgs,
        ...dns.trustAnchors.flatMap((t) => ["--trust-anchor", t]),
        "--timeout", "2000",
        "--deadline", "300000",
        "--json",
      ];
      const ours = (label: string, domains: readonly string[]) =>
        runOk(label, [...audit, ...domains], { cwd: opts.projectDir, timeoutMs: 300_000 }, (r) => r.code !== null && AUDITED.includes(r.code));
      const n = sites.length;
      const oursOne = `launch-ready audit, ${n} sites in one process`;
      const timings: Timing[] = [
        await timeAsync(oursOne, opts.runs, () => ours(oursOne, sites)),
        await timeAsync(`launch-ready audit, ${n} sites, one process each`, opts.runs, async () => {
          for (const s of sites) await ours(`launch-ready audit ${s}`, [s]);
        }),
        await timeAsync(`MDN HTTP Observatory ${OBSERVATORY_VERSION}, ${n} sites, one process each`, opts.runs, observatoryRun(observatory, sites)),
        await timeAsync(oursOneHost, opts.runs, () => ours(oursOneHost, [ONE_HOST])),
        await timeAsync(observatoryOneHost, opts.runs, observatoryRun(observatory, [ONE_HOST])),
      ];
      let testsslNote = `testssl.sh not run (45–95 s a target): set BENCH_TESTSSL=1 for one run on one target (${TESTSSL_TARGET}).`;
      if (opts.testssl) {
        const testssl = testsslCommand(web, scratch);
        if (typeof testssl === "string") testsslNote = `BENCH_TESTSSL=1, but ${testssl}.`;
        else {
          testsslNote = `testssl.sh (BENCH_TESTSSL=1): one target (${TESTSSL_TARGET}), one run, no warm-up, protocols and server defaults only (\`-p -S\`), against our full audit of the same target (the ${ONE_HOST} row).`;
          const json = join(scratch, `testssl-${TESTSSL_TARGET}.json`);
          timings.push(
            await timeAsync(
              `testssl.sh, ${TESTSSL_TARGET}`,
              1,
              () => runOk(`testssl.sh ${TESTSSL_TARGET}`, testssl.argv(TESTSSL_TARGET), { env: testssl.env, timeoutMs: 300_000 }, () => wroteScan(json)),
              0,
            ),
          );
        }
      }
      return {
        title: TITLE,
        method: [
          `The same web lab and the same ${n} sites as \`npm run compare\` (${sites.join(", ")}), whole processes, one warm-up run each.`,
          `MDN HTTP Observatory ${OBSERVATORY_VERSION}: its CLI scans one host a process, so a run is ${n} processes in a row, each preloaded to send its connections to the lab (the command \`npm run compare\` uses); it judges HTTP only (redirects, HSTS, headers, CSP, CORS, cookies, SRI), no TLS or DNS.`,
          `Ours: \`launch-ready audit --json\` has no option to run only the checks the Observatory also judges, so this is the full audit (every non-opt-in check: DNS, DNSSEC, CAA, email authentication, TLS, HTTP), DNS from Knot on loopback; once as one process at the default --concurrency (4), and once a process per site in a row, as the Observatory runs; then each tool on ${ONE_HOST} alone, one process.`,
          testsslNote,
        ].join(" "),
        timings,
        baseline: oursOne,
      };
    } finally {
      await dns.stop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await web.close();
  }
}

if (require.main === module) {
  const runs = Number(process.env["BENCH_RUNS"] ?? 3);
  benchPeers({ projectDir: resolve(__dirname, ".."), runs, testssl: process.env["BENCH_TESTSSL"] === "1" }).then(
    (section) => process.stdout.write(`${JSON.stringify(section, null, 2)}\n`),
    (err: unknown) => {
      process.stderr.write(`bench/peers: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
