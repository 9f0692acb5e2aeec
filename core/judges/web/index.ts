/** The judges of the web family (tls.*, web.*, hsts.*): one per checklist ID, pure. */
import type { CheckId } from "../../../checklist";

export const WEB_JUDGES: Partial<Record<CheckId, (...args: never[]) => unknown>> = {};
