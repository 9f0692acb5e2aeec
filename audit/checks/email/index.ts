import type { AuditCheckModule } from "../../types";
import { DKIM_CHECKS } from "./dkim";
import { DMARC_CHECKS } from "./dmarc";
import { createMtaStsChecks, type MtaStsChecksOptions } from "./mtasts";
import { MX_CHECKS } from "./mx";
import { SPF_CHECKS } from "./spf";
import { TLSRPT_CHECKS } from "./tlsrpt";

export type EmailChecksOptions = MtaStsChecksOptions;

/**
 * The email modules with an explicit STARTTLS probe: the CLI passes one built from `--connect-to`, `--ca` and
 * `--timeout` (`createStartTlsProbe` in `audit/smtp`), so `--probe smtp` connects where the user said.
 */
export function createEmailChecks(options: EmailChecksOptions = {}): readonly AuditCheckModule[] {
  return [SPF_CHECKS, DMARC_CHECKS, DKIM_CHECKS, createMtaStsChecks(options), TLSRPT_CHECKS, MX_CHECKS];
}

/** The email check modules, in report order (the STARTTLS probe, when enabled, dials MX hosts via the injected DNS). */
export const EMAIL_CHECKS: readonly AuditCheckModule[] = createEmailChecks();
