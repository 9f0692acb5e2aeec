import { EXIT, type ExitCode } from "../../cli/exit-codes";
import type { AuditReport } from "../types";

export type FailOn = "warn" | "fail";

/**
 * The audit's exit status, from the table every command shares (`cli/exit-codes.ts`): 1 when any check is at or
 * above `failOn`, else 3 when any check could not decide, else 0. A definite finding outranks an incomplete audit:
 * what was proven broken is the most useful thing to act on.
 */
export function auditExitStatus(report: AuditReport, failOn: FailOn = "fail"): ExitCode {
  // An acknowledged (and still in date) finding is reported but does not set the exit status.
  const accepted = report.domains.flatMap((d) => d.checks).filter((c) => c.acknowledgement?.active === true);
  const acceptedOf = (status: "fail" | "warn"): number => accepted.filter((c) => c.status === status).length;
  const failing = report.counts.fail - acceptedOf("fail") + (failOn === "warn" ? report.counts.warn - acceptedOf("warn") : 0);
  if (failing > 0) return EXIT.checkFailed;
  if (report.counts.error > 0) return EXIT.incomplete;
  return EXIT.ok;
}
