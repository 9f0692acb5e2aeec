import { describe, expect, it } from "vitest";
import { checkDefinition, CHECKS, type CheckId } from "../../../checklist";
import { ALL_CHECKS, auditedIds } from "../../../audit/checks";
import { runAudit } from "../../../audit/run";
import type { AuditCheckModule, AuditContext, AuditTarget, CheckResult } from "../../../audit/types";

const target = (name: string): AuditTarget => ({ name, display: name, orgDomain: name });

function ctxFor(_t: AuditTarget, signal: AbortSignal): AuditContext {
  const never = (): Promise<never> => Promise.reject(new Error("no I/O in this test"));
  return {
    dns: { query: never },
    http: { request: never },
    tls: { handshake: never },
    probes: new Set(),
    now: () => new Date("2026-01-01T00:00:00Z"),
    signal,
  };
}

function mod(ids: CheckId[], run: (t: AuditTarget) => Promise<readonly CheckResult[]>): AuditCheckModule {
  return { ids, run: (t) => run(t) };
}

const ok = (id: CheckId, status: CheckResult["status"] = "pass"): CheckResult => ({ id, status, summary: `${id} ${status}`, evidence: {}, remediation: "" });

describe("runAudit", () => {
  it("reports every ID once per domain, in registry order, with counts", async () => {
    const report = await runAudit({
      targets: [target("a.test"), target("b.test")],
      modules: [mod(["caa.present", "caa.syntax"], async () => [ok("caa.syntax", "warn"), ok("caa.present")]), mod(["hdr.xcto"], async () => [ok("hdr.xcto", "fail")])],
      contextFor: ctxFor,
      concurrency: 2,
      deadlineMs: 5000,
    });
    expect(report.domains.map((d) => d.checks.map((c) => `${c.id}:${c.status}`))).toEqual([
      ["caa.present:pass", "caa.syntax:warn", "hdr.xcto:fail"],
      ["caa.present:pass", "caa.syntax:warn", "hdr.xcto:fail"],
    ]);
    expect(report.counts).toEqual({ pass: 2, warn: 2, fail: 2, info: 0, error: 0, skip: 0 });
  });

  it("fills remediation from the checklist for non-passing results and clears it on a pass", async () => {
    const report = await runAudit({
      targets: [target("a.test")],
      modules: [mod(["caa.present", "caa.syntax"], async () => [{ ...ok("caa.present"), remediation: "stale" }, ok("caa.syntax", "fail")])],
      contextFor: ctxFor,
      concurrency: 1,
      deadlineMs: 5000,
    });
    const [present, syntax] = report.domains[0]?.checks ?? [];
    expect(present?.remediation).toBe("");
    expect(syntax?.remediation).toBe(checkDefinition("caa.syntax").remediation);
  });

  it("turns a module that throws into `error` for each of its IDs, and the rest still run", async () => {
    const report = await runAudit({
      targets: [target("a.test")],
      modules: [mod(["caa.present", "caa.syntax"], async () => { throw new Error("boom in caa"); }), mod(["hdr.xcto"], async () => [ok("hdr.xcto")])],
      contextFor: ctxFor,
      concurrency: 1,
      deadlineMs: 5000,
    });
    expect(report.domains[0]?.checks.map((c) => [c.id, c.status, c.summary])).toEqual([
      ["caa.present", "error", "the check failed to run: boom in caa"],
      ["caa.syntax", "error", "the check failed to run: boom in caa"],
      ["hdr.xcto", "pass", "hdr.xcto pass"],
    ]);
  });

  it("reports modules unfinished at the deadline as `error` and returns on time", async () => {
    const started = Date.now();
    let aborted = false;
    const report = await runAudit({
      targets: [target("a.test")],
      modules: [
        { ids: ["caa.present"], run: (_t, ctx) => new Promise(() => ctx.signal.addEventListener("abort", () => (aborted = true))) },
        mod(["hdr.xcto"], async () => [ok("hdr.xcto")]),
      ],
      contextFor: ctxFor,
      concurrency: 1,
      deadlineMs: 150,
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(aborted).toBe(true);
    expect(report.domains[0]?.checks.map((c) => [c.id, c.status, c.summary])).toEqual([
      ["caa.present", "error", "not finished before the deadline (150 ms)"],
      ["hdr.xcto", "pass", "hdr.xcto pass"],
    ]);
  });

  it("holds modules to their contract: a forgotten ID is `error`, duplicates and strangers are dropped", async () => {
    const report = await runAudit({
      targets: [target("a.test")],
      modules: [mod(["caa.present", "caa.syntax"], async () => [ok("caa.present"), ok("caa.present", "fail"), ok("hdr.xcto")])],
      contextFor: ctxFor,
      concurrency: 1,
      deadlineMs: 5000,
    });
    const checks = report.domains[0]?.checks ?? [];
    expect(checks.map((c) => [c.id, c.status])).toEqual([["caa.present", "pass"], ["caa.syntax", "error"]]);
    expect(checks[1]?.summary).toContain("did not report caa.syntax");
    expect(checks[0]?.evidence["moduleProblems"]).toEqual(["reported caa.present more than once", "reported undeclared ID hdr.xcto"]);
  });

  it("skips the dependants of an NXDOMAIN apex and errors them when the apex could not be resolved", async () => {
    const resolveMod = mod(["dns.resolve"], async (t) =>
      t.name === "gone.test"
        ? [{ ...ok("dns.resolve", "fail"), evidence: { nxdomain: true } }]
        : [{ ...ok("dns.resolve", "error"), summary: "SOA flaky.test: timed out" }],
    );
    let ran = 0;
    const report = await runAudit({
      targets: [target("gone.test"), target("flaky.test")],
      modules: [resolveMod, mod(["caa.present"], async () => { ran++; return [ok("caa.present")]; })],
      contextFor: ctxFor,
      concurrency: 2,
      deadlineMs: 5000,
    });
    expect(ran).toBe(0);
    expect(report.domains[0]?.checks[1]).toMatchObject({ id: "caa.present", status: "skip", summary: "not run: gone.test does not exist (NXDOMAIN)", blockedBy: "dns.resolve" });
    expect(report.domains[1]?.checks[1]).toMatchObject({ id: "caa.present", status: "error", blockedBy: "dns.resolve" });
  });

  it("says an unresolvable apex once: the cause on dns.resolve, the blocked checks `error` with no fix of their own", async () => {
    const resolveMod = mod(["dns.resolve"], async () => [{ ...ok("dns.resolve", "error"), summary: "could not resolve flaky.test: SOA flaky.test: timed out" }]);
    const report = await runAudit({
      targets: [target("flaky.test")],
      modules: [resolveMod, mod(["caa.present", "caa.syntax"], async () => [ok("caa.present"), ok("caa.syntax")]), mod(["hdr.xcto"], async () => [ok("hdr.xcto")])],
      contextFor: ctxFor,
      concurrency: 1,
      deadlineMs: 5000,
    });
    const [resolve, ...rest] = report.domains[0]?.checks ?? [];
    expect(resolve).toMatchObject({ id: "dns.resolve", status: "error", summary: "could not resolve flaky.test: SOA flaky.test: timed out" });
    expect(resolve?.blockedBy).toBeUndefined();
    expect(resolve?.remediation).toContain("--resolver");
    expect(resolve?.remediation).toContain(checkDefinition("dns.resolve").remediation);
    expect(rest.map((c) => [c.id, c.status, c.blockedBy, c.remediation])).toEqual([
      ["caa.present", "error", "dns.resolve", ""],
      ["caa.syntax", "error", "dns.resolve", ""],
      ["hdr.xcto", "error", "dns.resolve", ""],
    ]);
    // The cause is said once, on dns.resolve, not repeated on each blocked check.
    for (const c of rest) expect(c.summary).not.toContain("timed out");
    expect(report.counts).toMatchObject({ pass: 0, error: 4 });
  });

  it("bounds how many domains are audited at once and reports progress", async () => {
    let active = 0;
    let peak = 0;
    const progress: number[] = [];
    await runAudit({
      targets: Array.from({ length: 8 }, (_, i) => target(`d${i}.test`)),
      modules: [mod(["hdr.xcto"], async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 20));
        active--;
        return [ok("hdr.xcto")];
      })],
      contextFor: ctxFor,
      concurrency: 3,
      deadlineMs: 5000,
      onProgress: (done) => progress.push(done),
    });
    expect(peak).toBe(3);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe("the audit registry", () => {
  it("claims each ID once, and only IDs of the checklist", () => {
    const ids = auditedIds(ALL_CHECKS);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(Object.keys(CHECKS)).toContain(id);
  });
});
