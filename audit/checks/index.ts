/**
 * The audit registry: every check module the auditor runs, in report order. An ID is audited if and only if a
 * module here declares it; nothing else claims coverage.
 */
import type { CheckId } from "../../checklist";
import type { AuditCheckModule } from "../types";
import { DNS_CHECKS } from "./dns";
import { createEmailChecks, EMAIL_CHECKS, type EmailChecksOptions } from "./email";
import { WEB_CHECKS } from "./web";

export const ALL_CHECKS: readonly AuditCheckModule[] = [...DNS_CHECKS, ...EMAIL_CHECKS, ...WEB_CHECKS];

/** The same registry with the run's own probes (the CLI passes a STARTTLS probe built from its options). */
export function createAllChecks(options: EmailChecksOptions = {}): readonly AuditCheckModule[] {
  return [...DNS_CHECKS, ...createEmailChecks(options), ...WEB_CHECKS];
}

/** Every ID some module reports, in report order. */
export function auditedIds(modules: readonly AuditCheckModule[] = ALL_CHECKS): CheckId[] {
  return modules.flatMap((m) => [...m.ids]);
}
