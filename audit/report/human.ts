import type { AuditReport } from "../types";
import { countsLine, groupByRow, outOfScopeRows } from "./grouping";

/** The default terminal report: per domain, per scorecard row, one line per check, the fix under each non-pass. */
export function formatHuman(report: AuditReport): string {
  const out: string[] = [];
  for (const domain of report.domains) {
    out.push(domain.domain);
    const groups = groupByRow(domain);
    const idWidth = Math.max(8, ...domain.checks.map((c) => c.id.length));
    for (const g of groups) {
      out.push(`  ${g.row.title}`);
      for (const c of g.checks) {
        out.push(`    ${c.status.toUpperCase().padEnd(5)}  ${c.id.padEnd(idWidth)}  ${c.summary}`);
        if (c.status !== "pass" && c.remediation) out.push(`    ${" ".repeat(5)}  ${" ".repeat(idWidth)}  fix: ${c.remediation}`);
      }
    }
    out.push("");
  }
  const scope = outOfScopeRows();
  if (scope.length > 0) {
    out.push("Not proven by this audit:");
    for (const r of scope) out.push(`  ${r.title}: ${r.outOfScope ?? ""}`);
    out.push("");
  }
  out.push(`${report.domains.length} domain${report.domains.length === 1 ? "" : "s"}: ${countsLine(report.counts)}`);
  return `${out.join("\n")}\n`;
}
