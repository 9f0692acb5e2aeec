/** Building check results: the checklist's remediation by default, none on a pass. */
import { checkDefinition, type CheckId } from "../../../checklist";
import type { AuditStatus, CheckResult, Evidence, EvidenceValue } from "../../types";

export function result(id: CheckId, status: AuditStatus, summary: string, evidence: Evidence = {}, remediation?: string): CheckResult {
  const fix = status === "pass" || status === "skip" || status === "info" ? "" : remediation ?? checkDefinition(id).remediation;
  return { id, status, summary, evidence, remediation: fix };
}

/** The same status and reason for several IDs (a dependency could not be fetched, or a probe is off). */
export function each(ids: readonly CheckId[], status: AuditStatus, summary: string, evidence: Evidence = {}): CheckResult[] {
  return ids.map((id) => result(id, status, summary, evidence));
}

/**
 * Whether a failed fetch or handshake is a verdict or a non-answer. A refused connection, a certificate the client
 * rejects, a TLS alert or a name without addresses are facts about the site (`fail`); a timeout, a reset or a DNS
 * failure mean we could not decide (`error`), never a pass and never "missing" (docs/CHECKS.md, statuses).
 */
export function failureStatus(reason: string): "fail" | "error" {
  if (/ECONNREFUSED|has no A or AAAA record|CERT_|ERR_TLS_|SELF_SIGNED|UNABLE_TO_|certificate|alert|EPROTO|handshake failure/i.test(reason)) return "fail";
  return "error";
}

const MAX_HEADER_VALUE = 300;

/** A Set-Cookie's name; a pair without "=" is all value and no name (RFC 6265bis §5.6), so nothing of it is shown. */
function cookieNameOf(setCookie: string): string {
  const pair = setCookie.split(";")[0] ?? "";
  const eq = pair.indexOf("=");
  return eq === -1 ? "(nameless)" : pair.slice(0, eq).trim();
}

/**
 * Response headers as evidence: every header as seen, long values cut, and Set-Cookie reduced to the cookie name,
 * since a cookie value may be a session secret.
 */
export function headersSeen(headers: Readonly<Record<string, readonly string[]>>): Record<string, EvidenceValue> {
  const out: Record<string, EvidenceValue> = {};
  for (const [name, values] of Object.entries(headers)) {
    out[name] =
      name === "set-cookie"
        ? values.map((v) => `${cookieNameOf(v)}=(value withheld)`)
        : values.map((v) => (v.length > MAX_HEADER_VALUE ? `${v.slice(0, MAX_HEADER_VALUE)}… (${v.length} chars)` : v));
  }
  return out;
}
