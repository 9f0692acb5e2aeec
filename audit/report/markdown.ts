import type { AuditReport, CheckResult } from "../types";
import { blockedLine, countsLine, groupByRow, outOfScopeRows, splitBlocked } from "./grouping";

const MARK: Record<CheckResult["status"], string> = { pass: "✅ pass", warn: "⚠️ warn", fail: "❌ fail", info: "ℹ️ info", error: "⛔ error", skip: "⏭️ skip" };

/** Table cells: no pipes or newlines from the world may break the table. */
function cell(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ").replace(/</g, "&lt;");
}

/** A pull-request comment: problems first in a table, the passes folded away, blocked checks said once. */
export function formatMarkdown(report: AuditReport): string {
  const out: string[] = ["## launch-ready audit", "", `**${countsLine(report.counts)}**`, ""];
  for (const domain of report.domains) {
    out.push(`### ${cell(domain.domain)}`, "");
    const { shown, blockedBy } = splitBlocked(domain);
    const problems = shown.filter((c) => c.status !== "pass");
    if (problems.length === 0 && blockedBy.size === 0) {
      out.push("Every check passed.", "");
    } else {
      out.push("| row | status | check | finding | fix |", "|---|---|---|---|---|");
      for (const g of groupByRow({ ...domain, checks: problems })) {
        for (const c of g.checks) out.push(`| ${cell(g.row.title)} | ${MARK[c.status]} | \`${c.id}\` | ${cell(c.summary)} | ${cell(c.remediation)} |`);
      }
      out.push("");
      for (const [blocker, blocked] of blockedBy) out.push(`_${cell(blockedLine(blocker, blocked))}._`, "");
    }
    const passes = shown.filter((c) => c.status === "pass");
    if (passes.length > 0) {
      out.push(`<details><summary>${passes.length} passing checks</summary>`, "");
      for (const c of passes) out.push(`- \`${c.id}\`: ${cell(c.summary)}`);
      out.push("", "</details>", "");
    }
  }
  const scope = outOfScopeRows();
  if (scope.length > 0) {
    out.push("_Not proven by this audit:_ " + scope.map((r) => `${r.title} (${r.outOfScope ?? ""})`).join("; "), "");
  }
  return `${out.join("\n")}\n`;
}
