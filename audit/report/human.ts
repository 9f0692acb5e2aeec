import { runbookLink } from "../../core/runbooks/links";
import type { AuditReport } from "../types";
import { blockedLine, countsLine, groupByRow, outOfScopeRows, splitBlocked } from "./grouping";

/**
 * The default terminal report: per domain, per scorecard row, one line per check, the fix under each non-pass.
 * Checks another one blocked (the apex did not resolve) are one line under their blocker, not one line each.
 */
export function formatHuman(report: AuditReport): string {
  const out: string[] = [];
  for (const domain of report.domains) {
    out.push(domain.domain);
    const { shown, blockedBy } = splitBlocked(domain);
    const groups = groupByRow({ ...domain, checks: shown });
    const idWidth = Math.max(8, ...shown.map((c) => c.id.length));
    const indent = `    ${" ".repeat(5)}  ${" ".repeat(idWidth)}  `;
    const said = new Set<string>();
    for (const g of groups) {
      out.push(`  ${g.row.title}`);
      for (const c of g.checks) {
        out.push(`    ${c.status.toUpperCase().padEnd(5)}  ${c.id.padEnd(idWidth)}  ${c.summary}`);
        if (c.status !== "pass" && c.remediation) out.push(`${indent}fix: ${c.remediation}`);
        const runbook = c.status === "fail" || c.status === "warn" ? runbookLink(c.id) : undefined;
        if (runbook !== undefined) out.push(`${indent}runbook: ${runbook}`);
        const a = c.acknowledgement;
        if (a !== undefined) out.push(`${indent}${a.active ? `acknowledged until ${a.until}: ${a.reason} (does not set the exit status)` : `acknowledgement expired on ${a.until} (${a.reason}): counts again`}`);
        const blocked = blockedBy.get(c.id);
        if (blocked) {
          out.push(`${indent}${blockedLine(c.id, blocked)}`);
          said.add(c.id);
        }
      }
    }
    for (const [blocker, blocked] of blockedBy) if (!said.has(blocker)) out.push(`  ${blockedLine(blocker, blocked)}`);
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
