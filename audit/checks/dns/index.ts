import type { AuditCheckModule } from "../../types";
import { caaModule } from "./caa";
import { dnssecModule } from "./dnssec";
import { resolveModule } from "./resolve";

/** The dns check modules, in report order. */
export const DNS_CHECKS: readonly AuditCheckModule[] = [resolveModule, caaModule, dnssecModule];
