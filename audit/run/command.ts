/**
 * `launch-ready audit`: wires the injected clients (DNS to the given resolvers only, HTTP/TLS through
 * --connect-to and --ca), runs the registry, prints one report, and returns the exit status (`cli/exit-codes.ts`).
 * Arguments arrive already validated by the command line; nothing here falls back to the system resolver.
 */
import { setMaxListeners } from "node:events";
import { readFileSync } from "node:fs";
import { auditedIds, createAllChecks } from "../checks";
import { createDnsClient, readSystemResolvers, type ResolverAddress } from "../dns";
import { createHttpClient } from "../http/client";
import type { ConnectToRule } from "../http/connect-to";
import { createTlsProbe } from "../http/tls-probe";
import { createStartTlsProbe } from "../smtp";
import { errorDocument, formatErrorDocument } from "../../cli/error-document";
import { EXIT, type ExitCode } from "../../cli/exit-codes";
import { auditExitStatus, formatHuman, formatJson, formatMarkdown, formatSarif, type FailOn } from "../report";
import type { Acknowledgement } from "../../core/acknowledge";
import type { AuditCheckModule, AuditReport, AuditTarget, ExpectedDomainState } from "../types";
import { acknowledgeResults } from "./acknowledge";
import { runAudit } from "./run-audit";

export type OutputFormat = "human" | "json" | "sarif" | "markdown";

export interface AuditCommandOptions {
  readonly targets: readonly AuditTarget[];
  readonly format: OutputFormat;
  readonly failOn: FailOn;
  /** Empty: the nameservers of /etc/resolv.conf, read explicitly. */
  readonly resolvers: readonly ResolverAddress[];
  readonly connectTo: readonly ConnectToRule[];
  readonly caPem?: string;
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  readonly concurrency: number;
  readonly probes: ReadonlySet<"rate" | "smtp">;
  readonly expected?: ReadonlyMap<string, ExpectedDomainState>;
  /** The stack's `launch-ready:acknowledge` (with `--stack`): reported, and not setting the exit status while in date. */
  readonly acknowledgements?: readonly Acknowledgement[];
  readonly trustAnchors: readonly string[];
  readonly modules?: readonly AuditCheckModule[];
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly stderrIsTty: boolean;
  readonly toolVersion: string;
  /** `--html FILE`: also write the report as one HTML page. */
  readonly html?: string;
  /**
   * `--stack` with `--html`: the stack whose offline plan goes on the page beside the live verdicts, per checklist ID.
   * Built only for the page, after the audit; the audit never loads Pulumi otherwise.
   */
  readonly planStack?: { readonly stack: string; readonly stacksDir: string; readonly projectDir?: string };
}

export async function runAuditCommand(opts: AuditCommandOptions): Promise<ExitCode> {
  let resolvers = opts.resolvers;
  if (resolvers.length === 0) {
    try {
      resolvers = readSystemResolvers();
    } catch (err) {
      // Nothing can be looked up, so nothing can be decided: incomplete, and still one document for --json.
      const message = err instanceof Error ? err.message : String(err);
      opts.stderr(`launch-ready audit: ${message}\n`);
      if (opts.format === "json") opts.stdout(formatErrorDocument(errorDocument("audit", EXIT.incomplete, [{ path: "--resolver", message }])));
      return EXIT.incomplete;
    }
  }
  const abort = new AbortController();
  // Every in-flight query and request listens for the deadline on this one signal.
  setMaxListeners(0, abort.signal);
  const dns = createDnsClient({ resolvers, timeoutMs: opts.timeoutMs, concurrency: Math.max(16, opts.concurrency * 8), signal: abort.signal });
  const clientOpts = { connectTo: opts.connectTo, timeoutMs: opts.timeoutMs, dns, ...(opts.caPem !== undefined ? { caPem: opts.caPem } : {}) };
  const http = createHttpClient(clientOpts);
  const tls = createTlsProbe(clientOpts);
  const modules =
    opts.modules ??
    createAllChecks({ smtpProbe: createStartTlsProbe({ connectTo: opts.connectTo, timeoutMs: opts.timeoutMs, ...(opts.caPem !== undefined ? { caPem: opts.caPem } : {}) }) });
  const progress = opts.stderrIsTty
    ? (done: number, total: number, t: AuditTarget): void => opts.stderr(`\r\u001b[2K[${done}/${total}] ${t.display}`)
    : undefined;
  try {
    const found = await runAudit({
      targets: opts.targets,
      modules,
      concurrency: opts.concurrency,
      deadlineMs: opts.deadlineMs,
      abort,
      ...(progress ? { onProgress: progress } : {}),
      contextFor: (target, signal) => {
        const expected = opts.expected?.get(target.name);
        return {
          dns,
          http,
          tls,
          probes: opts.probes,
          now: () => new Date(),
          signal,
          dnssecTrustAnchors: opts.trustAnchors,
          ...(expected ? { expected } : {}),
        };
      },
    });
    const report = acknowledgeResults(found, opts.acknowledgements ?? [], new Date());
    if (progress) opts.stderr("\r\u001b[2K");
    if (opts.expected) {
      for (const t of opts.targets) {
        if (!opts.expected.has(t.name)) opts.stderr(`launch-ready audit: ${t.display} is not in the stack; its checks use discovery\n`);
      }
    }
    switch (opts.format) {
      case "json":
        opts.stdout(formatJson(report));
        break;
      case "sarif":
        opts.stdout(formatSarif(report, { ruleIds: auditedIds(modules), toolVersion: opts.toolVersion }));
        break;
      case "markdown":
        opts.stdout(formatMarkdown(report));
        break;
      case "human":
        opts.stdout(formatHuman(report));
        break;
    }
    if (opts.html !== undefined) {
      const failed = await writeAuditPage(opts.html, report, opts);
      if (failed !== undefined) {
        opts.stderr(`launch-ready audit: ${failed}\n`);
        return EXIT.incomplete;
      }
    }
    return auditExitStatus(report, opts.failOn);
  } finally {
    await http.close();
  }
}

/**
 * The `--html` page: the live audit, and with `--stack` the stack's plan beside it. A plan that cannot be built is
 * said on the page and on stderr, and never changes the audit's exit status: the live verdicts stand on their own.
 * Returns the message when the page cannot be written.
 */
async function writeAuditPage(file: string, report: AuditReport, opts: AuditCommandOptions): Promise<string | undefined> {
  const { fromAudit, fromLiveWithoutPlan, fromPlanAndLive, writeHtmlReport } = await import("../../report/html");
  const meta = { generatedAt: new Date(), toolVersion: opts.toolVersion };
  if (opts.planStack === undefined) return writeHtmlReport(file, fromAudit(report, meta));
  const { planOfStack } = await import("../../report/html/stack-plan");
  const plan = await planOfStack({ ...opts.planStack, now: meta.generatedAt });
  if (!plan.ok) opts.stderr(`launch-ready audit: --html: the page shows the live audit without the plan of stack ${opts.planStack.stack}: ${plan.reason}\n`);
  return writeHtmlReport(file, plan.ok ? fromPlanAndLive(plan.doc, report, meta) : fromLiveWithoutPlan(report, opts.planStack.stack, plan.reason, meta));
}

/** Reads a `--ca` file: PEM certificates only, with a message naming the option and the file otherwise. */
export function readCaFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new Error(`--ca ${path}: cannot read the file (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!text.includes("-----BEGIN CERTIFICATE-----")) {
    throw new Error(`--ca ${path}: holds no PEM certificate (expected "-----BEGIN CERTIFICATE-----")`);
  }
  return text;
}
