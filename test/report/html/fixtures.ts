/**
 * Inputs the HTML report tests build for themselves: a preview document and a lab-style audit report with every
 * status, hostile text in the places an attacker controls (DNS records, headers), and the same IDs on both sides.
 */
import type { AuditReport, AuditStatus, CheckResult, DomainReport } from "../../../audit/types";
import { CHECKS, SCORECARD_ROW_IDS, SCORECARD_ROWS, type CheckId } from "../../../checklist";
import type { PreviewDocument } from "../../../cli/preview/report";
import type { PlanCheckResult, PlanCheckStatus, RowStatus, ScorecardRowResult } from "../../../policy/scorecard";

/** Text as a hostile DNS TXT record or HTTP header could make a check quote it. */
export const HOSTILE = `<script>alert("x")</script><img src=https://evil.example/p.png onerror='a()'> & "quoted"`;

export function planCheck(id: CheckId, status: PlanCheckStatus, message: string): PlanCheckResult {
  const def = CHECKS[id];
  const base = { id, title: def.title, status, scorecardRow: SCORECARD_ROWS[def.row].title, severity: def.severity, message, resources: [] };
  return status === "fail" || status === "warn" ? { ...base, why: def.why, remediation: def.remediation } : base;
}

/** A preview document as `previewDocument` shapes it: rows in scorecard order, each listing its checks. */
export function previewDoc(checks: readonly PlanCheckResult[], rowStatus: (row: string) => RowStatus, opts: { blocked?: boolean } = {}): PreviewDocument {
  const scorecard = SCORECARD_ROW_IDS.map(
    (row): ScorecardRowResult => ({
      row,
      title: SCORECARD_ROWS[row].title,
      status: SCORECARD_ROWS[row].outOfScope !== undefined ? "out-of-scope" : rowStatus(row),
      note: `note for ${row}`,
      checks: checks.filter((c) => CHECKS[c.id].row === row).map((c) => c.id),
      notProvisioned: [],
    }),
  );
  return {
    stack: "acme",
    mode: "preview",
    // Inputs hold what a real plan may hold; the report must never show them.
    resources: [{ type: "cloudflare:index/dnsRecord:DnsRecord", name: "txt", action: "create", inputs: { content: "SECRET-INPUT-VALUE" }, options: {} }],
    checks,
    scorecard,
    blocked: opts.blocked ?? checks.some((c) => c.status === "fail" && c.severity === "mandatory"),
    outputs: { token: "SECRET-OUTPUT-VALUE" },
    warnings: [],
    logs: [],
  };
}

export function result(id: CheckId, status: AuditStatus, summary: string, remediation?: string): CheckResult {
  return { id, status, summary, evidence: { secret: "SECRET-EVIDENCE-VALUE" }, remediation: remediation ?? (status === "pass" ? "" : CHECKS[id].remediation) };
}

export function auditReport(domains: readonly DomainReport[]): AuditReport {
  const counts = { pass: 0, warn: 0, fail: 0, info: 0, error: 0, skip: 0 };
  for (const d of domains) for (const c of d.checks) counts[c.status] += 1;
  return { domains, counts };
}

/** What the web and DNS labs report for a good domain and a sloppy one. */
export function labAudit(): AuditReport {
  return auditReport([
    {
      domain: "good.test",
      checks: [
        result("tls.cert_valid", "pass", "good.test: certificate valid for good.test, www.good.test"),
        result("hsts.max_age", "pass", "good.test: max-age=63072000"),
        result("hsts.preload_ready", "info", "good.test: preload not requested"),
        result("caa.present", "pass", "good.test: CAA 0 issue \"letsencrypt.org\""),
        result("dnssec.chain", "skip", "good.test: no DS at the parent: the zone is not signed"),
        result("spf.record", "pass", "good.test: one v=spf1 record"),
        result("dmarc.policy", "pass", "_dmarc.good.test: p=reject"),
        result("hdr.xcto", "pass", "https://good.test/: nosniff"),
        result("cors.wildcard", "pass", "https://good.test/: no Access-Control-Allow-Origin"),
      ],
    },
    {
      domain: "sloppy.test",
      checks: [
        result("tls.cert_valid", "error", "sloppy.test:443: connection timed out after 3000 ms"),
        result("hsts.max_age", "fail", "sloppy.test: max-age=300 is below one year"),
        result("hsts.preload_ready", "warn", "sloppy.test: preload requested without includeSubDomains"),
        result("caa.present", "fail", "sloppy.test: no CAA record"),
        result("dnssec.chain", "skip", "sloppy.test: no DS at the parent: the zone is not signed"),
        result("spf.record", "fail", `sloppy.test: TXT ${HOSTILE}`, "Publish exactly one v=spf1 record at sloppy.test (the records above conflict)."),
        result("dmarc.policy", "warn", "_dmarc.sloppy.test: p=none"),
        result("hdr.xcto", "fail", "https://sloppy.test/: no X-Content-Type-Options"),
        result("cors.wildcard", "fail", "https://sloppy.test/api: Access-Control-Allow-Origin: * with credentials"),
      ],
    },
  ]);
}
