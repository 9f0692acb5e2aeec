/**
 * IDs that nothing judges yet, before or after apply (none today: every slice has its judge). The scorecard names them under their row as "not covered", never as passing, and the coverage test
 * fails when an ID is neither judged, audited, scanned (`scan/index.ts`) nor listed here, or is listed here while something
 * judges it.
 */
import type { CheckId } from "./index";

export const NOT_PROVISIONED_YET: readonly CheckId[] = [
];
