import type { AuditCheckModule } from "../../types";

/** The dns check modules, in report order. */
export const DNS_CHECKS: readonly AuditCheckModule[] = [];
