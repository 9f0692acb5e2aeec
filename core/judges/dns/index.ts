/** The judges of the DNS family (caa.*, dnssec.*): one per checklist ID, pure. */
import type { CheckId } from "../../../checklist";

export const DNS_JUDGES: Partial<Record<CheckId, (...args: never[]) => unknown>> = {};
