/**
 * From the tools' own outputs to the HTML report: the preview, the live audit, and both of one stack side by side.
 * What matters to a reader: nothing unproven reads as a pass, IDs line up across sides, and nothing secret
 * (planned inputs, outputs, evidence) reaches the page.
 */
import { describe, expect, it } from "vitest";
import { CHECKS, SCORECARD_ROW_IDS } from "../../../checklist";
import { fromAudit, fromLiveWithoutPlan, fromPlanAndLive, fromPreview, renderHtml, type HtmlReport, type HtmlRow } from "../../../report/html";
import { auditReport, labAudit, planCheck, previewDoc, result } from "./fixtures";

const META = { generatedAt: new Date("2026-03-01T00:00:00Z"), toolVersion: "1.2.3" };

function row(r: HtmlReport, id: string): HtmlRow {
  const found = r.rows.find((x) => x.id === id);
  if (found === undefined) throw new Error(`no row ${id}`);
  return found;
}

function verdict(r: HtmlReport, checkId: string, source: string) {
  return r.rows.flatMap((x) => x.checks).find((c) => c.id === checkId)?.verdicts.find((v) => v.source === source);
}

const PLAN = previewDoc(
  [
    planCheck("tls.ssl_strict", "pass", "acme.example: SSL mode strict"),
    planCheck("hsts.max_age", "fail", "acme.example: max-age=300"),
    planCheck("hsts.preload_ready", "info", "acme.example: preload not requested"),
    planCheck("caa.present", "cannot-tell", "Cannot be decided before apply"),
    planCheck("dns.zone_adopted", "not-applicable", "no zone to adopt"),
    planCheck("spf.record", "warn", "acme.example: ~all"),
  ],
  (r) => (r === "ssl-tls" ? "fail" : r === "email-auth" ? "warn" : r === "dns-redirects" ? "pass" : "not-covered"),
);

describe("fromPreview", () => {
  const r = fromPreview(PLAN, META);

  it("has every scorecard row, in order, with the plan's status and note", () => {
    expect(r.rows.map((x) => x.id)).toEqual([...SCORECARD_ROW_IDS]);
    expect(row(r, "ssl-tls").verdicts).toEqual([{ source: "plan", status: "fail", text: "note for ssl-tls" }]);
    expect(row(r, "logging-hygiene").verdicts[0]?.status).toBe("out-of-scope");
    expect(row(r, "logging-hygiene").outOfScope).toMatch(/application concern/);
  });

  it("takes titles, why and fix from the checklist, and keeps every plan status (warn, info, cannot-tell included)", () => {
    const checks = r.rows.flatMap((x) => x.checks);
    expect(checks.map((c) => [c.id, c.verdicts[0]?.status])).toEqual([
      ["tls.ssl_strict", "pass"],
      ["hsts.max_age", "fail"],
      ["hsts.preload_ready", "info"],
      ["caa.present", "cannot-tell"],
      ["dns.zone_adopted", "not-applicable"],
      ["spf.record", "warn"],
    ]);
    const hsts = checks.find((c) => c.id === "hsts.max_age");
    expect(hsts).toMatchObject({ title: CHECKS["hsts.max_age"].title, why: CHECKS["hsts.max_age"].why, fix: CHECKS["hsts.max_age"].remediation, severity: "mandatory" });
  });

  it("says 'not launch-ready' when a mandatory check fails", () => {
    expect(r.summary).toEqual([{ source: "plan", status: "fail", text: "Not launch-ready: 1 mandatory check fails." }]);
  });

  it("never gives the bottom line 'pass' while a row is not covered or a check cannot be decided", () => {
    const clean = fromPreview(previewDoc([planCheck("tls.ssl_strict", "pass", "ok"), planCheck("caa.present", "cannot-tell", "unknown")], () => "pass"), META);
    expect(clean.summary[0]?.status).toBe("cannot-tell");
    const uncovered = fromPreview(previewDoc([planCheck("tls.ssl_strict", "pass", "ok")], (x) => (x === "backup" ? "not-covered" : "pass")), META);
    expect(uncovered.summary[0]?.status).toBe("cannot-tell");
    expect(uncovered.summary[0]?.text).toMatch(/No mandatory check fails\. 4 rows are not proven before apply/);
    const proven = fromPreview(previewDoc([planCheck("tls.ssl_strict", "pass", "ok")], () => "pass"), META);
    expect(proven.summary[0]?.status).toBe("pass");
  });

  it("carries an acknowledgement given for an ID onto that check", () => {
    const ack = { reason: "accepted until the CDN move", until: "2026-06-30" };
    const withAck = fromPreview(PLAN, { ...META, acknowledgements: new Map([["hsts.max_age", ack]]) });
    expect(withAck.rows.flatMap((x) => x.checks).find((c) => c.id === "hsts.max_age")?.acknowledgement).toEqual(ack);
    expect(withAck.rows.flatMap((x) => x.checks).find((c) => c.id === "tls.ssl_strict")?.acknowledgement).toBeUndefined();
  });

  it("never puts planned inputs or outputs on the page", () => {
    const html = renderHtml(r);
    expect(html).not.toContain("SECRET-INPUT-VALUE");
    expect(html).not.toContain("SECRET-OUTPUT-VALUE");
  });
});

describe("fromAudit", () => {
  const r = fromAudit(labAudit(), META);

  it("has one column per audited domain and every scorecard row", () => {
    expect(r.sources.map((s) => s.label)).toEqual(["Live: good.test", "Live: sloppy.test"]);
    expect(r.rows.map((x) => x.id)).toEqual([...SCORECARD_ROW_IDS]);
    expect(r.domains).toEqual(["good.test", "sloppy.test"]);
  });

  it("gives a row the worst status of its checks per domain, and a row no live check covers 'not covered', never pass", () => {
    expect(row(r, "ssl-tls").verdicts.map((v) => v.status)).toEqual(["pass", "fail"]);
    expect(row(r, "email-auth").verdicts.map((v) => v.status)).toEqual(["pass", "fail"]);
    expect(row(r, "backup").verdicts.map((v) => [v.status, v.text])).toEqual([
      ["not-covered", expect.stringMatching(/unchecked, not passing/)],
      ["not-covered", expect.stringMatching(/unchecked, not passing/)],
    ]);
    expect(row(r, "auth-protection").verdicts.map((v) => v.status)).toEqual(["out-of-scope", "out-of-scope"]);
  });

  it("makes a row of skipped checks 'skipped' and a row with an unfinished check 'error', never pass", () => {
    const only = fromAudit(
      auditReport([
        { domain: "a.test", checks: [result("dnssec.chain", "skip", "not signed")] },
        { domain: "b.test", checks: [result("tls.cert_valid", "error", "timed out"), result("hsts.max_age", "pass", "ok")] },
      ]),
      META,
    );
    expect(row(only, "dns-redirects").verdicts[0]).toMatchObject({ source: "live:a.test", status: "skip" });
    expect(row(only, "ssl-tls").verdicts.find((v) => v.source === "live:b.test")?.status).toBe("error");
    expect(only.summary.map((s) => s.status)).toEqual(["cannot-tell", "error"]);
  });

  it("keeps the auditor's own fix when it is more specific than the checklist's, and the checklist's otherwise", () => {
    expect(verdict(r, "spf.record", "live:sloppy.test")?.fix).toBe("Publish exactly one v=spf1 record at sloppy.test (the records above conflict).");
    expect(verdict(r, "hsts.max_age", "live:sloppy.test")?.fix).toBeUndefined();
  });

  it("sums each domain up with its counts", () => {
    expect(r.summary.map((s) => [s.source, s.status])).toEqual([
      ["live:good.test", "cannot-tell"],
      ["live:sloppy.test", "fail"],
    ]);
    expect(r.summary[1]?.text).toMatch(/^9 checks: 0 pass, 2 warn, 5 fail, 0 info, 1 error, 1 skip\./);
  });

  it("never puts evidence on the page", () => {
    expect(renderHtml(r)).not.toContain("SECRET-EVIDENCE-VALUE");
  });
});

describe("fromPlanAndLive", () => {
  const r = fromPlanAndLive(PLAN, labAudit(), META);

  it("puts the plan first, then each domain, and matches verdicts by checklist ID", () => {
    expect(r.sources.map((s) => s.id)).toEqual(["plan", "live:good.test", "live:sloppy.test"]);
    const hsts = r.rows.flatMap((x) => x.checks).find((c) => c.id === "hsts.max_age");
    expect(hsts?.verdicts.map((v) => [v.source, v.status])).toEqual([
      ["plan", "fail"],
      ["live:good.test", "pass"],
      ["live:sloppy.test", "fail"],
    ]);
    expect(row(r, "ssl-tls").verdicts.map((v) => v.source)).toEqual(["plan", "live:good.test", "live:sloppy.test"]);
  });

  it("lists each ID once per report, plan checks first, then those only the live audit judges", () => {
    const ids = row(r, "ssl-tls").checks.map((c) => c.id);
    expect(ids).toEqual(["tls.ssl_strict", "hsts.max_age", "hsts.preload_ready", "tls.cert_valid"]);
    expect(r.rows.flatMap((x) => x.checks).filter((c) => c.id === "spf.record")).toHaveLength(1);
    expect(verdict(r, "tls.cert_valid", "plan")).toBeUndefined();
  });

  it("names the stack and the domains, and sums up both sides", () => {
    expect(r.stack).toBe("acme");
    expect(r.domains).toEqual(["good.test", "sloppy.test"]);
    expect(r.summary.map((s) => s.source)).toEqual(["plan", "live:good.test", "live:sloppy.test"]);
  });
});

describe("fromLiveWithoutPlan", () => {
  const r = fromLiveWithoutPlan(labAudit(), "acme", "The Pulumi program failed for stack acme.", META);

  it("keeps the whole live audit under the stack's name, and names the missing plan column with the reason", () => {
    expect(r.stack).toBe("acme");
    expect(r.sources.map((s) => s.id)).toEqual(["live:good.test", "live:sloppy.test"]);
    expect(r.rows).toEqual(fromAudit(labAudit(), META).rows);
    expect(r.missing).toEqual([{ label: "Before apply (plan)", reason: "The Pulumi program failed for stack acme." }]);
  });
});
