import type { AuditReport } from "../types";

/**
 * The stable JSON shape (`audit/report/json-contract.ts`, documented in docs/CHECKS.md), keys in the documented order
 * and nothing else. Additions are optional keys: `blockedBy` appears only on a check another one blocked.
 */
export function formatJson(report: AuditReport): string {
  const doc = {
    domains: report.domains.map((d) => ({
      domain: d.domain,
      checks: d.checks.map((c) => ({
        id: c.id,
        status: c.status,
        summary: c.summary,
        evidence: c.evidence,
        remediation: c.remediation,
        ...(c.blockedBy !== undefined ? { blockedBy: c.blockedBy } : {}),
        ...(c.acknowledgement !== undefined ? { acknowledgement: c.acknowledgement } : {}),
      })),
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
