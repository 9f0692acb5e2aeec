/**
 * Marks the results a stack acknowledges (`launch-ready:acknowledge`): the same dated exceptions the preview and the
 * policy pack honour, so a knowingly shipped `ssl: full` reads the same before and after apply.
 */
import { acknowledgementFor, type Acknowledgement } from "../../core/acknowledge";
import type { AuditReport, CheckResult } from "../types";

export function acknowledgeResults(report: AuditReport, acks: readonly Acknowledgement[], now: Date): AuditReport {
  if (acks.length === 0) return report;
  const mark = (c: CheckResult): CheckResult => {
    if (c.status !== "fail" && c.status !== "warn") return c;
    const s = acknowledgementFor(acks, c.id, now);
    return s === undefined ? c : { ...c, acknowledgement: { reason: s.ack.reason, until: s.ack.until, active: s.kind === "active" } };
  };
  return { ...report, domains: report.domains.map((d) => ({ ...d, checks: d.checks.map(mark) })) };
}

/** Active acknowledgements step aside from the exit status; everything else counts. */
export function isOpen(c: CheckResult): boolean {
  return c.acknowledgement?.active !== true;
}
