/**
 * The input of the HTML report: a small, tool-neutral model the preview, the auditor and a combined run all map
 * onto (see `from-preview.ts`, `from-audit.ts`, `combine.ts`). Only what a reader should see is here: never the
 * planned resources' inputs, never evidence, so nothing secret can reach the page by construction.
 */

/** Every status a verdict or a scorecard row can have, before or after apply. */
export const HTML_STATUSES = [
  "pass",
  "info",
  "warn",
  "fail",
  "acknowledged",
  "cannot-tell",
  "error",
  "skip",
  "not-applicable",
  "not-covered",
  "out-of-scope",
] as const;
export type HtmlStatus = (typeof HTML_STATUSES)[number];

/** One column of the report: the plan (before apply) or the live audit of one domain (after apply). */
export interface HtmlSource {
  /** Unique within a report, e.g. `plan` or `live:acme.example`. */
  readonly id: string;
  readonly kind: "plan" | "live";
  /** The column heading, e.g. "Before apply (plan)" or "Live: acme.example". */
  readonly label: string;
}

/** One source's verdict on a check or a row. */
export interface HtmlVerdict {
  readonly source: string;
  readonly status: HtmlStatus;
  /** What was found (checks) or the row's note (rows), as the tool prints it. */
  readonly text: string;
  /** A fix specific to this verdict, when the tool gives one that differs from the check's fix. */
  readonly fix?: string;
}

/** A risk the team accepted knowingly, with the reason and until when. */
export interface HtmlAcknowledgement {
  readonly reason: string;
  /** ISO date (`YYYY-MM-DD`) or date-time; past dates are shown as expired. */
  readonly until: string;
}

export interface HtmlCheck {
  /** The checklist ID, e.g. `hsts.max_age`. */
  readonly id: string;
  readonly title: string;
  readonly severity: "mandatory" | "advisory";
  /** At most one verdict per source; a source without one did not judge this ID. */
  readonly verdicts: readonly HtmlVerdict[];
  /** Why it matters: the failure a customer would notice. */
  readonly why: string;
  /** How to fix it. */
  readonly fix: string;
  readonly acknowledgement?: HtmlAcknowledgement;
}

export interface HtmlRow {
  /** The scorecard row ID, e.g. `ssl-tls`. */
  readonly id: string;
  readonly title: string;
  /** At most one verdict per source. */
  readonly verdicts: readonly HtmlVerdict[];
  /** Set on rows the toolkit cannot prove: why, in one sentence. */
  readonly outOfScope?: string;
  readonly checks: readonly HtmlCheck[];
}

/** One line of the summary at the top: the bottom line of one source. */
export interface HtmlSummaryLine {
  readonly source: string;
  readonly status: HtmlStatus;
  readonly text: string;
}

export interface HtmlReport {
  /** The stack, when the report comes from one. */
  readonly stack?: string;
  /** The audited domains as shown (U-labels), when any. */
  readonly domains: readonly string[];
  readonly generatedAt: Date;
  readonly toolVersion: string;
  readonly sources: readonly HtmlSource[];
  readonly summary: readonly HtmlSummaryLine[];
  readonly rows: readonly HtmlRow[];
  /** Sources the run was asked for and could not produce (the plan of a combined run): shown, never left out silently. */
  readonly missing?: readonly HtmlMissingSource[];
}

/** A column the page should have had: which, and why it is not there. */
export interface HtmlMissingSource {
  /** The column it would have been, e.g. "Before apply (plan)". */
  readonly label: string;
  /** Why it is missing, in one or two sentences a reader can act on. */
  readonly reason: string;
}

/** What every adapter needs from its caller besides the tool's own output. */
export interface HtmlMeta {
  readonly generatedAt: Date;
  /** `version` from package.json, read by the caller. */
  readonly toolVersion: string;
}
