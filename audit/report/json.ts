import type { AuditReport } from "../types";

/** CHECKS.md's stable JSON shape, keys in the documented order and nothing else. */
export function formatJson(report: AuditReport): string {
  const doc = {
    domains: report.domains.map((d) => ({
      domain: d.domain,
      checks: d.checks.map((c) => ({ id: c.id, status: c.status, summary: c.summary, evidence: c.evidence, remediation: c.remediation })),
    })),
    counts: {
      pass: report.counts.pass,
      warn: report.counts.warn,
      fail: report.counts.fail,
      info: report.counts.info,
      error: report.counts.error,
      skip: report.counts.skip,
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
