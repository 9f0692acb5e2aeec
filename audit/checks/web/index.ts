import type { AuditCheckModule } from "../../types";

/** The web check modules, in report order. */
export const WEB_CHECKS: readonly AuditCheckModule[] = [];
