/**
 * Auditor timings on the loopback lab (`npm run bench` calls `benchAudit`; `npx tsx bench/audit.ts` prints JSON):
 * one full audit of a lab domain, and a batch of 100 lab domains under the default concurrency, whole process,
 * medians of several runs, against a bare `node` baseline measured in the same run. Every query goes to the lab's
 * Knot, every connection to the web lab (`--connect-to`), trusted through its throwaway CA (`--ca`).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DNS_LAB_APT, dnsLabAvailable, startDnsLab, type LabZone } from "../test/audit/lab/dns";
import { startWebLab } from "../test/audit/lab/web/server";
import { timeProcessAsync, type BenchSection } from "./timing";

export const BATCH = 100;

/** A lab zone whose web hosts point at the web lab, with mail authentication and CAA that pass. */
export function zone(origin: string, dnssec: LabZone["dnssec"]): LabZone {
  const o = `${origin}.`;
  return {
    origin,
    dnssec,
    records: [
      `${o} A 127.0.0.1`,
      `www.${o} A 127.0.0.1`,
      `app.${o} A 127.0.0.1`,
      `${o} MX 10 mx1.${o}`,
      `mx1.${o} A 127.0.0.1`,
      `${o} TXT "v=spf1 mx -all"`,
      `_dmarc.${o} TXT "v=DMARC1; p=reject; rua=mailto:dmarc@${origin}"`,
      `${o} CAA 0 issue "letsencrypt.org"`,
      `${o} CAA 0 issue "amazon.com"`,
    ],
  };
}

export type AuditBenchSection = BenchSection;

export async function benchAudit(opts: { projectDir: string; runs: number }): Promise<AuditBenchSection> {
  if (!dnsLabAvailable()) throw new Error(`the DNS lab needs Knot: ${DNS_LAB_APT}`);
  const batch = Array.from({ length: BATCH }, (_, i) => `tenant${i}.test`);
  const web = await startWebLab();
  const dns = await startDnsLab([zone("good.test", "signed"), ...batch.map((d, i) => zone(d, i % 2 === 0 ? "signed" : "unsigned"))]);
  const scratch = mkdtempSync(join(tmpdir(), "audit-bench-"));
  try {
    const ca = join(scratch, "lab-ca.pem");
    writeFileSync(ca, web.rootPem);
    const bin = join(opts.projectDir, "bin", "launch-ready.js");
    const common = [
      "--resolver", dns.address,
      "--ca", ca,
      ...web.connectTo.flatMap((r) => ["--connect-to", r.source]),
      ...dns.trustAnchors.flatMap((t) => ["--trust-anchor", t]),
      "--timeout", "2000",
      "--deadline", "300000",
      "--json",
    ];
    const any = [0, 1, 2, 3];
    return {
      title: "Auditor on the loopback lab",
      method: `Whole process (\`node bin/launch-ready.js audit … --json\`), every non-opt-in check, DNS from Knot on loopback, HTTPS from the web lab; the batch is ${BATCH} domains at the default --concurrency (4) and at 16. One warm-up run each.`,
      timings: [
        await timeProcessAsync("baseline: node -e ''", [process.execPath, "-e", ""], opts.runs, opts.projectDir),
        await timeProcessAsync("audit 1 lab domain (good.test)", [process.execPath, bin, "audit", ...common, "good.test"], opts.runs, opts.projectDir, any),
        await timeProcessAsync(`audit ${BATCH} lab domains`, [process.execPath, bin, "audit", ...common, ...batch], opts.runs, opts.projectDir, any),
        await timeProcessAsync(`audit ${BATCH} lab domains, --concurrency 16`, [process.execPath, bin, "audit", ...common, "--concurrency", "16", ...batch], opts.runs, opts.projectDir, any),
      ],
      baseline: "baseline: node -e ''",
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await dns.stop();
    await web.close();
  }
}

if (require.main === module) {
  const runs = Number(process.env["BENCH_RUNS"] ?? 3);
  benchAudit({ projectDir: resolve(__dirname, ".."), runs }).then(
    (section) => process.stdout.write(`${JSON.stringify(section, null, 2)}\n`),
    (err: unknown) => {
      process.stderr.write(`bench/audit: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
