/**
 * Runs every check module for every target: domains under a concurrency bound, modules of one domain at once,
 * the whole audit under one deadline. Nothing a module does (throw, hang, forget an ID) can crash the run or
 * pass by mistake.
 */
import type { CheckId } from "../../checklist";
import { type AuditCheckModule, type AuditContext, type AuditReport, type AuditStatus, type AuditTarget, type CheckResult, type DomainReport } from "../types";
import { createLimiter } from "../dns/limiter";
import { enforceModuleContract, redactResults, resultsForAll } from "./results";

export interface RunAuditOptions {
  readonly targets: readonly AuditTarget[];
  readonly modules: readonly AuditCheckModule[];
  /** The context each target's checks get; its `signal` should be `abort.signal`. */
  readonly contextFor: (target: AuditTarget, signal: AbortSignal) => AuditContext;
  /** Domains audited at once. */
  readonly concurrency: number;
  /** The whole audit, in milliseconds. */
  readonly deadlineMs: number;
  /** Aborted at the deadline (pass the one the DNS and HTTP clients listen to). */
  readonly abort?: AbortController;
  readonly onProgress?: (done: number, total: number, target: AuditTarget) => void;
}

const DNS_RESOLVE = "dns.resolve";

/**
 * The other checks of a domain whose apex made them impossible: one result per ID with the blocker named in
 * `blockedBy`, a short summary, and no remediation (the fix is the blocker's, said once).
 */
function blocked(module: AuditCheckModule, status: "error" | "skip", summary: string, by: CheckId): CheckResult[] {
  return resultsForAll(module, status, summary, { dependsOn: by }).map((r) => ({ ...r, remediation: "", blockedBy: by }));
}

/**
 * The apex could not be resolved: the checklist's fix (a misdelegated zone) is one cause; a resolver that does not
 * answer from here is the other, and the likelier one when every query timed out.
 */
function unresolvedApexFix(remediation: string): string {
  return `Check that the resolver answers from here (\`--resolver\`, or /etc/resolv.conf) and run again. If it does and the domain still does not resolve: ${remediation}`;
}

function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function runModule(module: AuditCheckModule, target: AuditTarget, ctx: AuditContext, deadline: Promise<"deadline">, deadlineMs: number): Promise<CheckResult[]> {
  try {
    const outcome = await Promise.race([module.run(target, ctx), deadline]);
    if (outcome === "deadline") {
      return resultsForAll(module, "error", `not finished before the deadline (${deadlineMs} ms)`, { deadlineMs });
    }
    return enforceModuleContract(module, outcome);
  } catch (err) {
    return resultsForAll(module, "error", `the check failed to run: ${describeError(err)}`, { error: describeError(err) });
  }
}

async function auditTarget(target: AuditTarget, opts: RunAuditOptions, signal: AbortSignal, deadline: Promise<"deadline">): Promise<DomainReport> {
  const ctx = opts.contextFor(target, signal);
  const first = opts.modules.filter((m) => m.ids.some((id) => id === DNS_RESOLVE));
  const rest = opts.modules.filter((m) => !first.includes(m));
  const firstResults = await Promise.all(first.map((m) => runModule(m, target, ctx, deadline, opts.deadlineMs)));
  const resolve = firstResults.flat().find((r) => r.id === DNS_RESOLVE);
  let restResults: CheckResult[][];
  // An apex that does not resolve makes every other check moot: say why once (on dns.resolve), never pile up one
  // failure and one unrelated fix per check.
  if (resolve && resolve.status === "fail" && resolve.evidence["nxdomain"] === true) {
    restResults = rest.map((m) => blocked(m, "skip", `not run: ${target.display} does not exist (NXDOMAIN)`, DNS_RESOLVE));
  } else if (resolve && resolve.status === "error") {
    // Undecided, so `error` (never a pass): the audit is incomplete, and the cause is on dns.resolve.
    restResults = rest.map((m) => blocked(m, "error", `not run: blocked by ${DNS_RESOLVE} (${target.display} could not be resolved)`, DNS_RESOLVE));
    firstResults.forEach((results, i) => {
      firstResults[i] = results.map((r) => (r === resolve ? { ...r, remediation: unresolvedApexFix(r.remediation) } : r));
    });
  } else {
    restResults = await Promise.all(rest.map((m) => runModule(m, target, ctx, deadline, opts.deadlineMs)));
  }
  // Report order is registry order, whatever ran first.
  const byModule = new Map<AuditCheckModule, CheckResult[]>();
  first.forEach((m, i) => byModule.set(m, firstResults[i] ?? []));
  rest.forEach((m, i) => byModule.set(m, restResults[i] ?? []));
  // Redacted here, before any report sees them: credential-looking content withheld (audit/run/results.ts).
  return { domain: target.display, checks: redactResults(opts.modules.flatMap((m) => byModule.get(m) ?? [])) };
}

export function countStatuses(domains: readonly DomainReport[]): Record<AuditStatus, number> {
  const counts: Record<AuditStatus, number> = { pass: 0, warn: 0, fail: 0, info: 0, error: 0, skip: 0 };
  for (const d of domains) for (const c of d.checks) counts[c.status]++;
  return counts;
}

export async function runAudit(opts: RunAuditOptions): Promise<AuditReport> {
  const abort = opts.abort ?? new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"deadline">((resolve) => {
    timer = setTimeout(() => {
      abort.abort();
      resolve("deadline");
    }, opts.deadlineMs);
  });
  const limiter = createLimiter(opts.concurrency);
  let done = 0;
  try {
    const domains = await Promise.all(
      opts.targets.map((t) =>
        limiter.run(async () => {
          const report = await auditTarget(t, opts, abort.signal, deadline);
          done++;
          opts.onProgress?.(done, opts.targets.length, t);
          return report;
        }),
      ),
    );
    return { domains, counts: countStatuses(domains) };
  } finally {
    clearTimeout(timer);
  }
}
