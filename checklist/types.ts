/**
 * The checklist spine: every requirement has one stable ID, defined once in `checklist/catalog/`.
 * Components make it true, policy rules prove it before apply, audit checks prove it on the live domain.
 * Which of the two proves an ID is not declared here: the rule registry (`policy/rules`) and the audit registry
 * (`audit/checks`) are the truth, so coverage can never be claimed without code behind it.
 */

/** The rows of the launch scorecard, in the order a report shows them. */
export const SCORECARD_ROW_IDS = [
  "ssl-tls",
  "dns-redirects",
  "email-auth",
  "rate-limiting",
  "secrets",
  "monitoring",
  "backup",
  "auth-protection",
  "api-authorization",
  "logging-hygiene",
] as const;

export type ScorecardRowId = (typeof SCORECARD_ROW_IDS)[number];

/** `mandatory` failures block a launch (exit 1 / CrossGuard mandatory); `advisory` ones are reported only. */
export type Severity = "mandatory" | "advisory";

export interface CheckDefinition {
  /** Stable ID, `<family>.<requirement>`, e.g. `email.dmarc.enforced` or `hsts.max_age`. */
  readonly id: string;
  /** One line a user reads in a scorecard. */
  readonly title: string;
  readonly row: ScorecardRowId;
  readonly severity: Severity;
  /** Why a user should care: the failure a customer would notice. */
  readonly why: string;
  /** How to fix it, in the terms of the stack config or the provider. */
  readonly remediation: string;
  /** The RFC or rule the requirement comes from, when there is one. */
  readonly source?: string;
  /**
   * What each outcome of this ID's judge means and whether it passes, warns or fails. Declared for every ID whose
   * verdict is written in `core/` (judged before and after apply alike): the judge names the outcome, the status
   * comes from here, so the preview, the policy pack and the auditor cannot disagree about severity.
   */
  readonly outcomes?: Readonly<Record<string, Outcome>>;
}

/** The status an outcome gives. `info` reports a fact that is neither good nor bad (e.g. preload not requested). */
export type OutcomeStatus = "pass" | "warn" | "fail" | "info";

export interface Outcome {
  readonly status: OutcomeStatus;
  /** When this outcome is reached, in one line a user reads in the check catalog. */
  readonly when: string;
}

export interface ScorecardRow {
  readonly id: ScorecardRowId;
  readonly title: string;
  /**
   * Rows the toolkit cannot prove (application concerns) say so plainly; such a row is never shown as passing.
   * `undefined` means the toolkit provisions and proves this row.
   */
  readonly outOfScope?: string;
}
