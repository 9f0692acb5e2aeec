/**
 * The audit registry: every check module the auditor runs, in report order. An ID is audited if and only if a
 * module here declares it; nothing else claims coverage.
 */
import type { CheckId } from "../../checklist";
import type { AuditCheckModule } from "../types";
import { DNS_CHECKS } from "./dns";
import { EMAIL_CHECKS } from "./email";
import { WEB_CHECKS } from "./web";

export const ALL_CHECKS: readonly AuditCheckModule[] = [...DNS_CHECKS, ...EMAIL_CHECKS, ...WEB_CHECKS];

/** Every ID some module reports, in report order. */
export function auditedIds(modules: readonly AuditCheckModule[] = ALL_CHECKS): CheckId[] {
  return modules.flatMap((m) => [...m.ids]);
}
