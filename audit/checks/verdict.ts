/**
 * Audit results from a `core/` judge's verdict: the status is the judge's (from the checklist), so the auditor and
 * the preview agree. Cannot-tell is an `error` (never a pass, never "missing"); not-applicable is a `skip`.
 */
import type { CheckId } from "../../checklist";
import type { Verdict } from "../../core/judge";
import type { AuditStatus, CheckResult, Evidence } from "../types";
import { withRemediation } from "../run/results";

export function fromVerdict(id: CheckId, verdict: Verdict, evidence: Evidence = {}): CheckResult {
  const status: AuditStatus = verdict.status === "cannot-tell" ? "error" : verdict.status === "not-applicable" ? "skip" : verdict.status;
  const summary = "facts" in verdict ? verdict.facts.join("; ") : verdict.reason;
  const ev: Evidence = "outcome" in verdict ? { ...evidence, outcome: verdict.outcome } : evidence;
  // Redacted with the rest of the target's results by the audit runner (audit/run/results.ts).
  return withRemediation({ id, status, summary, evidence: ev, remediation: "" });
}
