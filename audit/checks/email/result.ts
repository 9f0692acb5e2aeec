import { checkDefinition, type CheckId } from "../../../checklist";
import type { AuditStatus, CheckResult, Evidence } from "../../types";

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
