import type { AuditReport } from "../types";

export type FailOn = "warn" | "fail";

/** CHECKS.md exit statuses. */
export const AUDIT_EXIT = { ok: 0, warnings: 1, failures: 2, incomplete: 3 } as const;

/**
 * 0 nothing at warn or above; 1 warnings only (2 with `--fail-on warn`); 2 any fail; 3 could not complete.
 * A definite failure outranks an incomplete audit: what was proven broken is the most useful thing to act on.
 */
export function auditExitStatus(report: AuditReport, failOn: FailOn = "fail"): number {
  if (report.counts.fail > 0) return AUDIT_EXIT.failures;
  if (report.counts.error > 0) return AUDIT_EXIT.incomplete;
  if (report.counts.warn > 0) return failOn === "warn" ? AUDIT_EXIT.failures : AUDIT_EXIT.warnings;
  return AUDIT_EXIT.ok;
}
