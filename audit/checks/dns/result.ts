import type { CheckId } from "../../../checklist";
import type { AuditStatus, CheckResult, Evidence } from "../../types";

/** A result; remediation is left empty so the runner fills in the checklist's. */
export function result(id: CheckId, status: AuditStatus, summary: string, evidence: Evidence = {}): CheckResult {
  return { id, status, summary, evidence, remediation: "" };
}
