import type { AuditCheckModule } from "../../types";

/** The email check modules, in report order. */
export const EMAIL_CHECKS: readonly AuditCheckModule[] = [];
