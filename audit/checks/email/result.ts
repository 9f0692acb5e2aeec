import { checkDefinition, type CheckId } from "../../../checklist";
import type { Verdict } from "../../../core/judge";
import type { AuditStatus, CheckResult, Evidence } from "../../types";
import { fromVerdict } from "../verdict";

/**
 * One check result. Remediation defaults to the checklist's for warn/fail/error; a pass, info or skip carries
 * none unless given (the runner applies the same rule; doing it here keeps the modules whole on their own).
 */
export function result(id: CheckId, status: AuditStatus, summary: string, evidence: Evidence = {}, remediation?: string): CheckResult {
  const needsFix = status === "warn" || status === "fail" || status === "error";
  const text = status === "pass" ? "" : remediation ?? (needsFix ? checkDefinition(id).remediation : "");
  return { id, status, summary, evidence, remediation: text };
}

/** A check that depends on a lookup that could not be decided. */
export function undecided(id: CheckId, what: string, evidence: Evidence): CheckResult {
  return result(id, "error", `could not decide: ${what}`, evidence, "Retry; if it persists, check that the resolver answers for this name (timeouts and SERVFAIL are not read as missing records).");
}

/**
 * The result of a shared judge's verdict (core/judges/email), with a more precise fix for some outcomes than the
 * checklist's general remediation. The status is always the judge's.
 */
export function fromJudge(id: CheckId, verdict: Verdict, evidence: Evidence = {}, fixes: Readonly<Record<string, string>> = {}): CheckResult {
  const r = fromVerdict(id, verdict, evidence);
  const fix = "outcome" in verdict ? fixes[verdict.outcome] : undefined;
  return fix !== undefined && r.status !== "pass" ? { ...r, remediation: fix } : r;
}
