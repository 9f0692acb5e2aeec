/**
 * `launch-ready init`: look at the live domain (the auditor's clients, no credentials), audit it, infer a starting
 * stack, check that it passes the stack config validation, write it (never over an existing file without
 * `--force`), preview it offline, and print the checks before (live) and after (the new stack's plan).
 *
 * Nothing is written from a guess: a lookup that did not answer stops init (exit 3) before any file is written.
 */
import { setMaxListeners } from "node:events";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { createAllChecks } from "../../audit/checks";
import { createDnsClient, readSystemResolvers, type ResolverAddress } from "../../audit/dns";
import { createHttpClient } from "../../audit/http/client";
import type { ConnectToRule } from "../../audit/http/connect-to";
import { createTlsProbe } from "../../audit/http/tls-probe";
import { runAudit } from "../../audit/run/run-audit";
import type { AuditTarget, DnsClient } from "../../audit/types";
import { inferStack, stackFileText } from "../../core/init";
import { errorDocument, formatErrorDocument, type InputError } from "../error-document";
import { EXIT, type ExitCode } from "../exit-codes";
import type { InitDocument } from "./document";
import { observeDomain } from "./observe";
import { beforeAfter, liveOnly, renderBeforeAfter, stillFailing } from "./scorecard";

export interface InitCommandOptions {
  readonly target: AuditTarget;
  readonly stack: string;
  /** The file to write: `<stacks-dir>/Pulumi.<stack>.yaml`, or `--out`. */
  readonly file: string;
  readonly force: boolean;
  readonly json: boolean;
  /** Empty: the nameservers of /etc/resolv.conf, read explicitly (as `audit` does). */
  readonly resolvers: readonly ResolverAddress[];
  readonly connectTo: readonly ConnectToRule[];
  readonly caPem?: string;
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  readonly trustAnchors: readonly string[];
  /** `--origin`: the origin when the live one is hidden behind Cloudflare's proxy. */
  readonly origin?: string;
  /** Tests: a DNS client in place of the one built from `resolvers`. */
  readonly dns?: DnsClient;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly now?: () => Date;
}

export async function runInit(opts: InitCommandOptions): Promise<ExitCode> {
  const stop = (code: ExitCode, errors: readonly InputError[]): ExitCode => {
    opts.stderr(errors.map((e) => `launch-ready init: ${e.message}\n`).join(""));
    if (opts.json) opts.stdout(formatErrorDocument(errorDocument("init", code, errors)));
    return code;
  };
  const shown = relative(process.cwd(), opts.file) || opts.file;
  if (existsSync(opts.file) && !opts.force) {
    return stop(EXIT.invalidInput, [{ path: "--stack", message: `${shown} exists already; nothing was written. Give --force to replace it, or another --stack / --out` }]);
  }
  let dns = opts.dns;
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  if (dns === undefined) {
    let resolvers = opts.resolvers;
    if (resolvers.length === 0) {
      try {
        resolvers = readSystemResolvers();
      } catch (err) {
        return stop(EXIT.incomplete, [{ path: "--resolver", message: err instanceof Error ? err.message : String(err) }]);
      }
    }
    dns = createDnsClient({ resolvers, timeoutMs: opts.timeoutMs, concurrency: 16, signal: abort.signal });
  }
  const clientOpts = { connectTo: opts.connectTo, timeoutMs: opts.timeoutMs, dns, ...(opts.caPem !== undefined ? { caPem: opts.caPem } : {}) };
  const http = createHttpClient(clientOpts);
  const tls = createTlsProbe(clientOpts);
  const now = opts.now ?? (() => new Date());
  let observed;
  let audit;
  try {
    const client = dns;
    [observed, audit] = await Promise.all([
      observeDomain(opts.target, client, http),
      runAudit({
        targets: [opts.target],
        modules: createAllChecks(),
        concurrency: 1,
        deadlineMs: opts.deadlineMs,
        abort,
        contextFor: (_t, signal) => ({ dns: client, http, tls, probes: new Set(), now, signal, dnssecTrustAnchors: opts.trustAnchors }),
      }),
    ]);
  } finally {
    await http.close();
  }
  // A domain that does not exist is a typo far more often than a domain to park: say so, write nothing.
  const resolved = audit.domains[0]?.checks.find((c) => c.id === "dns.resolve");
  if (resolved?.status === "fail" && resolved.evidence["nxdomain"] === true) {
    return stop(EXIT.invalidInput, [{ path: "domain", message: `${opts.target.display} does not exist (NXDOMAIN): check the spelling; nothing was written` }]);
  }
  const inferred = inferStack(observed, opts.origin !== undefined ? { origin: opts.origin } : {});
  if (inferred.kind === "cannot-tell") {
    return stop(
      EXIT.incomplete,
      inferred.reasons.map((r) => ({ message: `cannot tell: ${r}. Nothing was written (init never writes a guess): check the resolver (--resolver, --timeout) and run again` })),
    );
  }
  const header = [
    `Written by \`launch-ready init ${opts.target.display}\` on ${now().toISOString().slice(0, 10)}: a starting point from what the live`,
    "domain shows. Each value says where it came from (`seen:`) and which check it fixes. Review it, set the Cloudflare",
    "token (`pulumi config set --secret cloudflare:apiToken <token>`), then `launch-ready preview --stack " + opts.stack + "`.",
    ...(inferred.notes.length > 0 ? ["", "Notes:", ...inferred.notes.map((n) => `- ${n}`)] : []),
  ];
  const text = stackFileText({ header, config: inferred.config, comments: inferred.comments });
  const { planOfText, validateStackText } = await import("./plan");
  const invalid = validateStackText(text, opts.stack, shown);
  // The inference's own output must be a valid stack: anything else is a bug, reported as one (exit 70).
  if (invalid.length > 0) throw new Error(`the inferred stack does not validate (${invalid.join("; ")})`);
  mkdirSync(dirname(opts.file), { recursive: true });
  writeFileSync(opts.file, text, { flag: opts.force ? "w" : "wx" });
  const plan = await planOfText(text, opts.stack, shown, now());
  if (!plan.ok) {
    // stdout stays one document with --json: the error document says the file was written.
    return stop(EXIT.incomplete, [{ message: `wrote ${shown}, but its offline preview stopped (${plan.stage}): ${plan.reason}` }]);
  }
  const live = audit.domains[0]?.checks ?? [];
  const rows = beforeAfter(live, plan.doc.checks);
  const doc: InitDocument = { command: "init", domain: opts.target.display, stack: opts.stack, file: shown, notes: inferred.notes, blocked: plan.doc.blocked, checks: rows };
  if (opts.json) opts.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  else opts.stdout(renderInit(doc));
  return plan.doc.blocked ? EXIT.checkFailed : EXIT.ok;
}

function renderInit(doc: InitDocument): string {
  const failing = doc.checks.filter((r) => r.live === "fail");
  const open = stillFailing(doc.checks);
  const later = liveOnly(doc.checks);
  const out = [`launch-ready init ${doc.domain}: wrote ${doc.file} (stack ${doc.stack})`, ""];
  if (doc.notes.length > 0) out.push("Notes (also at the top of the file):", ...doc.notes.map((n) => `  - ${n}`), "");
  out.push("Before (the live audit now) and after (the offline preview of the new stack):", renderBeforeAfter(doc.checks));
  out.push(
    `The live audit fails ${failing.length} check(s): the new stack's plan passes ${failing.length - open.length - later.length} of them` +
      `${open.length > 0 ? `; not yet: ${open.map((r) => r.id).join(", ")}` : ""}` +
      `${later.length > 0 ? `; only an audit after \`pulumi up\` can tell: ${later.map((r) => r.id).join(", ")}` : ""}.`,
  );
  out.push(doc.blocked ? `The new stack's preview still fails a mandatory check: \`launch-ready preview --stack ${doc.stack}\` says which and how to fix it.` : `Next: review ${doc.file}, then \`launch-ready preview --stack ${doc.stack}\` and \`pulumi up\`.`, "");
  return out.join("\n");
}
