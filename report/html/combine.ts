/**
 * The plan and the live audit of the same stack in one report: the verdicts before and after apply side by side,
 * matched by checklist ID (the judge contract makes an ID mean the same on both sides).
 */
import type { AuditReport } from "../../audit/types";
import type { PreviewDocument } from "../../cli/preview/report";
import { fromAudit } from "./from-audit";
import { fromPreview, PLAN_SOURCE, type AdapterOptions } from "./from-preview";
import type { HtmlCheck, HtmlReport, HtmlRow } from "./model";

export function fromPlanAndLive(plan: PreviewDocument, live: AuditReport, opts: AdapterOptions): HtmlReport {
  const before = fromPreview(plan, opts);
  const after = fromAudit(live, { ...opts, stack: plan.stack });
  const liveRows = new Map(after.rows.map((r) => [r.id, r]));
  const rows = before.rows.map((row): HtmlRow => {
    const other = liveRows.get(row.id);
    if (other === undefined) return row;
    return { ...row, verdicts: [...row.verdicts, ...other.verdicts], checks: mergeChecks(row.checks, other.checks) };
  });
  // Rows only the audit knows cannot exist (both list every scorecard row), but keep them rather than drop them.
  const known = new Set(rows.map((r) => r.id));
  for (const r of after.rows) if (!known.has(r.id)) rows.push(r);
  return {
    stack: plan.stack,
    domains: after.domains,
    generatedAt: opts.generatedAt,
    toolVersion: opts.toolVersion,
    sources: [...before.sources, ...after.sources],
    summary: [...before.summary, ...after.summary],
    rows,
  };
}

/** Plan checks in plan order with the live verdicts added; then the checks only the live audit judges. */
function mergeChecks(plan: readonly HtmlCheck[], live: readonly HtmlCheck[]): HtmlCheck[] {
  const liveById = new Map(live.map((c) => [c.id, c]));
  const merged = plan.map((c) => {
    const l = liveById.get(c.id);
    return l === undefined ? c : { ...c, verdicts: [...c.verdicts, ...l.verdicts] };
  });
  const planIds = new Set(plan.map((c) => c.id));
  return [...merged, ...live.filter((c) => !planIds.has(c.id))];
}

/**
 * A combined run whose plan could not be built (the stack's config is invalid, the program failed): the live audit
 * alone, under the stack's name, saying why the plan's column is missing. The audit is never lost for it.
 */
export function fromLiveWithoutPlan(live: AuditReport, stack: string, reason: string, opts: AdapterOptions): HtmlReport {
  return { ...fromAudit(live, { ...opts, stack }), missing: [{ label: PLAN_SOURCE.label, reason }] };
}
