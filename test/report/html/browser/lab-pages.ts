/**
 * Pages from a real lab audit, written by the real `launch-ready audit --html` against the loopback lab (Knot for
 * DNS, the web lab for HTTPS, its CA trusted with `--ca`): one of the live audit alone, and one of the combined run
 * (`--stack lab`: the plan of a stack that describes the same domains, beside the live verdicts). One lab start
 * serves both runs, which go in parallel with each other and with the caller's own work; the lab stops as soon as the
 * pages are written.
 *
 * Each page comes with the report model the adapters make of the same results (the audit's `--json` on stdout, and
 * for the plan the same offline preview the command builds), so the browser assertions compare what the reader sees
 * with what the tool found.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { vi } from "vitest";
import { AUDIT_JSON } from "../../../../audit/report/json-contract";
import type { AuditReport, CheckResult } from "../../../../audit/types";
import { isCheckId, type CheckId } from "../../../../checklist";
import { fromAudit, fromPlanAndLive, type HtmlReport } from "../../../../report/html";
import { planOfStack } from "../../../../report/html/stack-plan";
import { dnsLabAvailable, startDnsLab } from "../../../audit/lab/dns";
import { labPkiAvailable } from "../../../audit/lab/pki";
import { startWebLab } from "../../../audit/lab/web/server";
import { PROJECT_DIR, tempDir } from "../../../helpers/temp-dir";

export interface LabPage {
  readonly name: string;
  /** The page the command wrote. */
  readonly html: string;
  /** What the adapters make of the command's own results, with the page's date and version. */
  readonly report: HtmlReport;
  /** The command's exit status and stderr, for the record. */
  readonly status: number;
  readonly stderr: string;
}

export function labAvailable(): boolean {
  return labPkiAvailable() && dnsLabAvailable();
}

/** The good lab site, and the one whose HSTS lasts a day (and whose CSP allows inline scripts). */
export const LAB_DOMAINS = ["good.test", "weakhdr.test"] as const;

export const ACK_REASON = "HSTS ramps up to a year after the launch week, ticket OPS-7";
const isoDay = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
export const ACK_UNTIL = isoDay(30);

/** A stack describing the lab's two domains as they are served: weakhdr.test's one-day HSTS planned and acknowledged. */
const LAB_STACK = `config:
  launch-ready:domains:
    - name: good.test
      cloudflare:
        plan: free
      web:
        origin: 203.0.113.10
        canonicalHost: good.test
        aliases: [www.good.test]
        hosts:
          - name: app.good.test
        hsts:
          maxAgeSeconds: 31536000
          includeSubdomains: true
          preload: false
    - name: weakhdr.test
      cloudflare:
        plan: free
      web:
        origin: 203.0.113.11
        canonicalHost: weakhdr.test
        aliases: [www.weakhdr.test]
        hsts:
          maxAgeSeconds: 86400
          includeSubdomains: false
          preload: false
  launch-ready:acknowledge:
    - id: hsts.max_age
      reason: "${ACK_REASON}"
      until: ${ACK_UNTIL}
`;

function zone(domain: string, extra: readonly string[]): { origin: string; dnssec: "unsigned"; records: string[] } {
  return { origin: domain, dnssec: "unsigned", records: [`${domain}. 300 IN A 127.0.0.1`, `www.${domain}. 300 IN A 127.0.0.1`, `app.${domain}. 300 IN A 127.0.0.1`, ...extra] };
}

function audit(args: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(PROJECT_DIR, "bin", "launch-ready.js"), "audit", ...args], { cwd: PROJECT_DIR, timeout: 120_000, env: { ...process.env, FORCE_COLOR: "0" } }, (err, stdout, stderr) => {
      resolve({ status: err === null ? 0 : typeof err.code === "number" ? err.code : -1, stdout, stderr });
    });
  });
}

/** The audit's `--json`, strictly, as the report the adapters read (evidence left out: the page never shows it). */
function parseAudit(stdout: string): AuditReport {
  const doc = AUDIT_JSON.parse(JSON.parse(stdout));
  const id = (s: string): CheckId => {
    if (!isCheckId(s)) throw new Error(`not a checklist ID: ${s}`);
    return s;
  };
  return {
    counts: doc.counts,
    domains: doc.domains.map((d) => ({
      domain: d.domain,
      checks: d.checks.map(
        (c): CheckResult => ({
          id: id(c.id),
          status: c.status,
          summary: c.summary,
          evidence: {},
          remediation: c.remediation,
          ...(c.blockedBy !== undefined ? { blockedBy: id(c.blockedBy) } : {}),
          ...(c.acknowledgement !== undefined ? { acknowledgement: c.acknowledgement } : {}),
        }),
      ),
    })),
  };
}

/** The page's own date and version, so the model renders for the same moment. */
function metaOf(html: string): { generatedAt: Date; toolVersion: string } {
  const when = /<time datetime="([^"]+)">/.exec(html)?.[1];
  const version = /<meta name="generator" content="launch-ready ([^"]+)">/.exec(html)?.[1];
  if (when === undefined || version === undefined) throw new Error("the page states no date or no version");
  return { generatedAt: new Date(when), toolVersion: version };
}

export interface LabRun {
  /** Builds the plan in-process (call it when no other program runs under the mock engine), then waits for the pages. */
  finish(): Promise<LabPage[]>;
  /** Stops the lab; safe to call again. */
  stop(): Promise<void>;
}

/**
 * Starts the lab and both audits, in their own processes, and returns at once: the caller builds other pages
 * meanwhile, then calls `finish`. The plan is built in this process, so it waits for `finish` (the mock engine is
 * process-global: one program at a time).
 */
export async function startLabAudits(): Promise<LabRun> {
  const dir = tempDir("html-lab");
  dir.write("Pulumi.lab.yaml", LAB_STACK);
  const [web, dns] = await Promise.all([
    startWebLab(),
    startDnsLab([
      zone("good.test", [`good.test. 300 IN CAA 0 issue "letsencrypt.org"`, `good.test. 300 IN TXT "v=spf1 -all"`, `_dmarc.good.test. 300 IN TXT "v=DMARC1; p=reject"`]),
      zone("weakhdr.test", []),
    ]),
  ]);
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= Promise.all([dns.stop(), web.close()]).then(() => dir.cleanup());
    return stopped;
  };
  const caFile = dir.write("lab-root.pem", web.rootPem);
  // A generous per-request timeout: a loaded CI runner must not turn the lab's answers into errors.
  const common = [...LAB_DOMAINS, "--json", "--resolver", dns.address, ...web.connectToArgs, "--ca", caFile, ...dns.trustAnchors.flatMap((ds) => ["--trust-anchor", ds]), "--timeout", "8000"];
  const liveFile = join(dir.dir, "live.html");
  const combinedFile = join(dir.dir, "combined.html");
  const runs = Promise.all([audit([...common, "--html", liveFile]), audit([...common, "--stack", "lab", "--stacks-dir", dir.dir, "--html", combinedFile])]);
  return {
    stop,
    async finish() {
      try {
        // The same offline preview the command builds for its page, on a fresh module graph so the program runs.
        vi.resetModules();
        const plan = await planOfStack({ stack: "lab", stacksDir: dir.dir });
        if (!plan.ok) throw new Error(`the lab stack's plan: ${plan.reason}`);
        const [live, combined] = await runs;
        const read = (file: string, run: { status: number; stderr: string }): string => {
          try {
            return readFileSync(file, "utf8");
          } catch {
            throw new Error(`the audit wrote no page (exit ${run.status}): ${run.stderr}`);
          }
        };
        const liveHtml = read(liveFile, live);
        const combinedHtml = read(combinedFile, combined);
        return [
          { name: "lab audit (real)", html: liveHtml, report: fromAudit(parseAudit(live.stdout), metaOf(liveHtml)), status: live.status, stderr: live.stderr },
          {
            name: "plan of the lab stack and real lab audit side by side",
            html: combinedHtml,
            report: fromPlanAndLive(plan.doc, parseAudit(combined.stdout), metaOf(combinedHtml)),
            status: combined.status,
            stderr: combined.stderr,
          },
        ];
      } finally {
        await stop();
      }
    },
  };
}
