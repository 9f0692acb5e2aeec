/**
 * The offline preview's document as an HTML report: one source, the plan before apply. Titles, rows, why and fix
 * come from the checklist, so every report words a check the same way.
 */
import { CHECKS, SCORECARD_ROWS } from "../../checklist";
import type { PreviewDocument } from "../../cli/preview/report";
import type { PlanCheckResult } from "../../policy/scorecard";
import { bottomLineStatus, plural } from "./bottom-line";
import type { HtmlAcknowledgement, HtmlCheck, HtmlMeta, HtmlReport, HtmlRow, HtmlSource, HtmlSummaryLine } from "./model";

export const PLAN_SOURCE: HtmlSource = { id: "plan", kind: "plan", label: "Before apply (plan)" };

export interface AdapterOptions extends HtmlMeta {
  /** Accepted risks by checklist ID, shown on the check. */
  readonly acknowledgements?: ReadonlyMap<string, HtmlAcknowledgement>;
}

export function fromPreview(doc: PreviewDocument, opts: AdapterOptions): HtmlReport {
  const byId = new Map(doc.checks.map((c) => [c.id, c]));
  const rows = doc.scorecard.map((row): HtmlRow => {
    const outOfScope = SCORECARD_ROWS[row.row].outOfScope;
    const checks = row.checks.flatMap((id) => {
      const c = byId.get(id);
      return c === undefined ? [] : [planCheck(c, opts.acknowledgements)];
    });
    return {
      id: row.row,
      title: row.title,
      verdicts: [{ source: PLAN_SOURCE.id, status: row.status, text: row.note }],
      ...(outOfScope !== undefined ? { outOfScope } : {}),
      checks,
    };
  });
  return {
    stack: doc.stack,
    domains: [],
    generatedAt: opts.generatedAt,
    toolVersion: opts.toolVersion,
    sources: [PLAN_SOURCE],
    summary: [planSummary(doc)],
    rows,
  };
}

function planCheck(c: PlanCheckResult, acks: ReadonlyMap<string, HtmlAcknowledgement> | undefined): HtmlCheck {
  const def = CHECKS[c.id];
  // The scorecard carries the stack's own acknowledgement; a map from the caller may add one for other tools.
  const ack = c.acknowledgement !== undefined ? { reason: c.acknowledgement.reason, until: c.acknowledgement.until } : acks?.get(c.id);
  return {
    id: c.id,
    title: def.title,
    severity: def.severity,
    verdicts: [{ source: PLAN_SOURCE.id, status: c.status, text: c.message }],
    why: def.why,
    fix: def.remediation,
    ...(ack !== undefined ? { acknowledgement: ack } : {}),
  };
}

/** The preview's bottom line, worded as the terminal report words it. */
function planSummary(doc: PreviewDocument): HtmlSummaryLine {
  const failing = doc.checks.filter((c) => c.status === "fail");
  const mandatory = failing.filter((c) => c.severity === "mandatory").length;
  const status = bottomLineStatus(
    doc.checks.map((c) => c.status),
    doc.scorecard.map((r) => r.status),
    "mandatory-fail",
    doc.blocked,
  );
  if (doc.blocked) return { source: PLAN_SOURCE.id, status, text: `Not launch-ready: ${plural(mandatory, "mandatory check")} ${mandatory === 1 ? "fails" : "fail"}.` };
  const open = doc.scorecard.filter((r) => r.status === "not-covered" || r.status === "out-of-scope").length;
  const advisory = failing.length > 0 ? ` (${failing.length} advisory)` : "";
  const unproven = open > 0 ? ` ${plural(open, "row")} ${open === 1 ? "is" : "are"} not proven before apply: run \`launch-ready audit\` after \`pulumi up\`.` : "";
  return { source: PLAN_SOURCE.id, status, text: `No mandatory check fails${advisory}.${unproven}` };
}
