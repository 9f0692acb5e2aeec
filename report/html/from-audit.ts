/**
 * The live audit's report as an HTML report: one source per audited domain. Rows are the scorecard's, in its
 * order; a row no live check covers says so and is never shown as passing.
 */
import { CHECKS, SCORECARD_ROW_IDS, SCORECARD_ROWS, type CheckId, type ScorecardRowId } from "../../checklist";
import type { AuditReport, CheckResult, DomainReport } from "../../audit/types";
import { bottomLineStatus, plural } from "./bottom-line";
import type { AdapterOptions } from "./from-preview";
import type { HtmlAcknowledgement, HtmlCheck, HtmlReport, HtmlRow, HtmlSource, HtmlStatus, HtmlSummaryLine, HtmlVerdict } from "./model";

export function liveSource(domain: string): HtmlSource {
  return { id: `live:${domain}`, kind: "live", label: `Live: ${domain}` };
}

export function fromAudit(report: AuditReport, opts: AdapterOptions & { readonly stack?: string }): HtmlReport {
  const sources = report.domains.map((d) => liveSource(d.domain));
  const rows = SCORECARD_ROW_IDS.map((rowId): HtmlRow => {
    const meta = SCORECARD_ROWS[rowId];
    const ids: CheckId[] = [];
    for (const d of report.domains) for (const c of d.checks) if (CHECKS[c.id].row === rowId && !ids.includes(c.id)) ids.push(c.id);
    return {
      id: rowId,
      title: meta.title,
      verdicts: report.domains.map((d) => liveRowVerdict(d, rowId)),
      ...(meta.outOfScope !== undefined ? { outOfScope: meta.outOfScope } : {}),
      checks: ids.map((id) => liveCheck(id, report.domains, opts.acknowledgements)),
    };
  });
  return {
    ...(opts.stack !== undefined ? { stack: opts.stack } : {}),
    domains: report.domains.map((d) => d.domain),
    generatedAt: opts.generatedAt,
    toolVersion: opts.toolVersion,
    sources,
    summary: report.domains.map((d) => liveSummary(d, rows)),
    rows,
  };
}

function liveCheck(id: CheckId, domains: readonly DomainReport[], acks: ReadonlyMap<string, HtmlAcknowledgement> | undefined): HtmlCheck {
  const def = CHECKS[id];
  const verdicts = domains.flatMap((d): HtmlVerdict[] => {
    const r = d.checks.find((c) => c.id === id);
    if (r === undefined) return [];
    const fix = r.remediation.trim();
    return [{ source: liveSource(d.domain).id, status: r.status, text: r.summary, ...(fix !== "" && fix !== def.remediation ? { fix } : {}) }];
  });
  // The stack's acknowledgement travels on the results (`--stack`); a map from the caller may add one.
  const carried = domains.flatMap((d) => d.checks.filter((c) => c.id === id && c.acknowledgement !== undefined).map((c) => c.acknowledgement))[0];
  const ack = carried !== undefined ? { reason: carried.reason, until: carried.until } : acks?.get(id);
  return { id, title: def.title, severity: def.severity, verdicts, why: def.why, fix: def.remediation, ...(ack !== undefined ? { acknowledgement: ack } : {}) };
}

function inRow(d: DomainReport, rowId: ScorecardRowId): readonly CheckResult[] {
  return d.checks.filter((c) => CHECKS[c.id].row === rowId);
}

/** A row's live status on one domain: the worst of its checks; skipped checks prove nothing. */
function liveRowVerdict(d: DomainReport, rowId: ScorecardRowId): HtmlVerdict {
  const source = liveSource(d.domain).id;
  const mine = inRow(d, rowId);
  const count = (s: HtmlStatus): number => mine.filter((c) => c.status === s).length;
  const of = `of ${mine.length} check(s)`;
  if (SCORECARD_ROWS[rowId].outOfScope !== undefined) {
    const text = mine.length === 0 ? "Not proven by the toolkit." : `Not proven by the toolkit; ${count("fail")} ${of} fail, ${count("warn")} warn.`;
    return { source, status: "out-of-scope", text };
  }
  if (mine.length === 0) return { source, status: "not-covered", text: "No live check covers this row in this version: it is unchecked, not passing." };
  if (count("fail") > 0) return { source, status: "fail", text: `${count("fail")} ${of} fail.` };
  if (count("error") > 0) return { source, status: "error", text: `${count("error")} ${of} could not complete.` };
  if (count("warn") > 0) return { source, status: "warn", text: `${count("warn")} ${of} warn.` };
  const passed = count("pass") + count("info");
  if (passed === 0) return { source, status: "skip", text: `All ${mine.length} check(s) were skipped.` };
  const skipped = count("skip");
  return { source, status: "pass", text: `${passed} ${of} pass${skipped > 0 ? `; ${skipped} skipped` : ""}.` };
}

function liveSummary(d: DomainReport, rows: readonly HtmlRow[]): HtmlSummaryLine {
  const source = liveSource(d.domain).id;
  const rowStatuses = rows.flatMap((r) => r.verdicts.filter((v) => v.source === source).map((v) => v.status));
  const status = bottomLineStatus(d.checks.map((c) => c.status), rowStatuses, "any-fail", false);
  const n = (s: string): number => d.checks.filter((c) => c.status === s).length;
  const counts = (["pass", "warn", "fail", "info", "error", "skip"] as const).map((s) => `${n(s)} ${s}`).join(", ");
  const uncovered = rowStatuses.filter((s) => s === "not-covered").length;
  return { source, status, text: `${plural(d.checks.length, "check")}: ${counts}.${uncovered > 0 ? ` ${plural(uncovered, "row")} not covered by any live check.` : ""}` };
}
