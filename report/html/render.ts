/**
 * Renders an `HtmlReport` as one self-contained page: inline CSS, no script, no image, no font, no link out, and
 * a Content-Security-Policy that forbids the browser to fetch anything should a future change try. Pure: the same
 * report gives the same bytes.
 *
 * Layout for a reader who forwards it: the bottom line first, then the scorecard (one row per checklist row, one
 * column per source: the plan before apply, the live audit of each domain), then every check under its row with the
 * sources' verdicts side by side, why it matters, and the fix when something needs doing.
 */
import { anchor, esc } from "./escape";
import { HTML_STATUSES, type HtmlAcknowledgement, type HtmlCheck, type HtmlReport, type HtmlRow, type HtmlSource, type HtmlStatus, type HtmlVerdict } from "./model";
import { needsAction, STATUS_LOOK } from "./status";
import { STYLE } from "./style";

export function renderHtml(report: HtmlReport): string {
  const title = reportTitle(report);
  const when = formatDate(report.generatedAt);
  const sourceLabel = new Map(report.sources.map((s) => [s.id, s.label]));
  const parts: string[] = [];
  parts.push(
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may be fetched: the page must read the same offline, forwarded, or opened years later.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`,
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="launch-ready ${esc(report.toolVersion)}">`,
    `<title>${esc(title)} · launch-ready</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    '<a class="skip" href="#scorecard">Skip to the scorecard</a>',
    "<header>",
    `<h1>${esc(title)}</h1>`,
    `<p class="meta">${subjectLine(report)}Generated <time datetime="${esc(report.generatedAt.toISOString())}">${esc(when)}</time> by launch-ready ${esc(report.toolVersion)}.</p>`,
    "</header>",
    '<main id="main">',
  );
  parts.push(renderSummary(report, sourceLabel));
  parts.push(renderScorecard(report));
  parts.push('<section aria-labelledby="checks-h">', '<h2 id="checks-h">Checks by row</h2>');
  for (const row of report.rows) parts.push(renderRowDetail(row, report.sources, report.generatedAt));
  parts.push("</section>");
  parts.push(renderLegend());
  parts.push("</main>");
  parts.push(
    "<footer>",
    `<p>launch-ready ${esc(report.toolVersion)} · ${esc(when)}. This page is self-contained: it loads nothing from the network and needs no JavaScript.</p>`,
    "</footer>",
    "</body>",
    "</html>",
  );
  return `${parts.join("\n")}\n`;
}

function reportTitle(report: HtmlReport): string {
  if (report.stack !== undefined) return `Launch readiness of stack ${report.stack}`;
  if (report.domains.length > 0) return `Launch readiness of ${report.domains.join(", ")}`;
  return "Launch readiness";
}

function subjectLine(report: HtmlReport): string {
  if (report.stack === undefined || report.domains.length === 0) return "";
  return `Domains: ${report.domains.map((d) => `<strong>${esc(d)}</strong>`).join(", ")}. `;
}

/** UTC, minutes: a forwarded page must not depend on the reader's time zone. */
function formatDate(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function badge(status: HtmlStatus): string {
  const look = STATUS_LOOK[status];
  return `<span class="badge status-${status}"><span class="sym" aria-hidden="true">${esc(look.symbol)}</span>${esc(look.label)}</span>`;
}

function renderSummary(report: HtmlReport, sourceLabel: ReadonlyMap<string, string>): string {
  const items = report.summary.map((line) => {
    const label = sourceLabel.get(line.source) ?? line.source;
    return `<li>${badge(line.status)} <strong>${esc(label)}:</strong> ${esc(line.text)}</li>`;
  });
  // A column the run could not produce is said here, first thing, so its absence is never read as "nothing to see".
  for (const m of report.missing ?? []) items.push(`<li class="missing">${badge("error")} <strong>${esc(m.label)}:</strong> not on this page. ${esc(m.reason)}</li>`);
  return ['<section aria-labelledby="summary-h">', '<h2 id="summary-h">Bottom line</h2>', `<ul class="summary">${items.join("")}</ul>`, "</section>"].join("\n");
}

function verdictOf(verdicts: readonly HtmlVerdict[], source: string): HtmlVerdict | undefined {
  return verdicts.find((v) => v.source === source);
}

function renderScorecard(report: HtmlReport): string {
  const head = report.sources.map((s) => `<th scope="col">${esc(s.label)}</th>`).join("");
  const body = report.rows.map((row) => {
    const cells = report.sources.map((s) => {
      const v = verdictOf(row.verdicts, s.id);
      if (v === undefined) return '<td><span class="absent">Not judged here</span></td>';
      return `<td>${badge(v.status)}<span class="note">${esc(v.text)}</span></td>`;
    });
    return `<tr><th scope="row"><a href="#${anchor("row", row.id)}">${esc(row.title)}</a></th>${cells.join("")}</tr>`;
  });
  return [
    '<section id="scorecard" aria-labelledby="scorecard-h" tabindex="-1">',
    '<h2 id="scorecard-h">Scorecard</h2>',
    // A focusable region: on a phone the table may scroll sideways, and a keyboard user must be able to scroll it.
    '<div class="table-wrap" role="region" aria-labelledby="scorecard-caption" tabindex="0">',
    "<table>",
    `<caption id="scorecard-caption">One row per launch checklist row; ${report.sources.length === 1 ? "its status" : "the status before apply and on each live domain, side by side"}.${missingNote(report)}</caption>`,
    `<thead><tr><th scope="col">Checklist row</th>${head}</tr></thead>`,
    `<tbody>${body.join("\n")}</tbody>`,
    "</table>",
    "</div>",
    "</section>",
  ].join("\n");
}

function missingNote(report: HtmlReport): string {
  const labels = (report.missing ?? []).map((m) => m.label);
  return labels.length === 0 ? "" : ` Missing: ${esc(labels.join(", "))} (see the bottom line for why).`;
}

function renderRowDetail(row: HtmlRow, sources: readonly HtmlSource[], now: Date): string {
  const id = anchor("row", row.id);
  const out = [`<section id="${id}" aria-labelledby="${id}-h">`, `<h3 id="${id}-h">${esc(row.title)}</h3>`];
  if (row.outOfScope !== undefined) out.push(`<p class="out-of-scope">${badge("out-of-scope")} Not proven by the toolkit: ${esc(row.outOfScope)}</p>`);
  if (row.checks.length === 0) out.push('<p class="absent">No check covers this row in this version.</p>');
  for (const check of row.checks) out.push(renderCheck(check, sources, now));
  out.push("</section>");
  return out.join("\n");
}

function renderCheck(check: HtmlCheck, sources: readonly HtmlSource[], now: Date): string {
  const id = anchor("check", check.id);
  const verdicts = sources.map((s) => {
    const v = verdictOf(check.verdicts, s.id);
    if (v === undefined) {
      return `<div class="verdict"><p class="source">${esc(s.label)}</p><p class="absent">Not judged ${s.kind === "plan" ? "before apply" : "by the live audit"}.</p></div>`;
    }
    const own = v.fix !== undefined && v.fix !== check.fix && needsAction(v.status) ? `<p><strong>Fix here:</strong> ${esc(v.fix)}</p>` : "";
    return `<div class="verdict verdict-${v.status}"><p class="source">${esc(s.label)}</p><p>${badge(v.status)}</p><p class="found">${esc(v.text)}</p>${own}</div>`;
  });
  const act = check.verdicts.some((v) => needsAction(v.status));
  const details = [`<dt>Why it matters</dt><dd>${esc(check.why)}</dd>`];
  if (act || check.acknowledgement !== undefined) details.push(`<dt>How to fix</dt><dd class="fix">${esc(check.fix)}</dd>`);
  return [
    `<article class="check" id="${id}" aria-labelledby="${id}-h">`,
    `<h4 id="${id}-h"><code>${esc(check.id)}</code> ${esc(check.title)}</h4>`,
    `<p class="severity">${check.severity === "mandatory" ? "Mandatory: a failure blocks the launch" : "Advisory: reported, never blocks"}</p>`,
    `<div class="verdicts">${verdicts.join("")}</div>`,
    check.acknowledgement === undefined ? "" : renderAcknowledgement(check.acknowledgement, now),
    `<dl>${details.join("")}</dl>`,
    "</article>",
  ].join("\n");
}

function renderAcknowledgement(ack: HtmlAcknowledgement, now: Date): string {
  const expired = isExpired(ack.until, now);
  const head = expired ? `Acknowledgement expired on ${esc(ack.until)}` : `Acknowledged until ${esc(ack.until)}`;
  return `<p class="ack${expired ? " expired" : ""}"><strong>${head}:</strong> ${esc(ack.reason)}</p>`;
}

/** A date without a time is good through the end of that day (UTC); an unreadable date is treated as expired. */
export function isExpired(until: string, now: Date): boolean {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(until);
  const end = Date.parse(dateOnly ? `${until}T23:59:59.999Z` : until);
  return Number.isNaN(end) || end < now.getTime();
}

function renderLegend(): string {
  const items = HTML_STATUSES.map((s) => `<dt>${badge(s)}</dt><dd>${esc(STATUS_LOOK[s].meaning)}</dd>`);
  return ['<section aria-labelledby="legend-h">', '<h2 id="legend-h">What the statuses mean</h2>', `<dl class="legend">${items.join("")}</dl>`, "</section>"].join("\n");
}
