/**
 * The HSTS policy a host's HTTPS answer carries, as the four hsts.* judges read it. Live: the Strict-Transport-Security
 * values of the apex's first HTTPS response (and of its plain-http response). Before apply: the header Cloudflare's
 * `security_header` zone setting makes the edge send on HTTPS responses of proxied hosts.
 *
 * RFC 6797 §8.1: a UA processes the header only over secure transport, and only the first of several; §7.2: an HTTP
 * (non-secure) response must not carry it. The checklist asks HTTPS responses to carry it, so HSTS sent over plain
 * HTTP only is no HSTS at all.
 */
import { parseHsts } from "../../http/hsts";

export type HstsSource =
  | {
      readonly kind: "response";
      /** The HTTPS URL whose answer was read. */
      readonly url: string;
      /** Strict-Transport-Security values on that HTTPS answer, as sent. */
      readonly https: readonly string[];
      /** Values on the same host's plain-http answer. */
      readonly http: readonly string[];
      /** Where the values come from when it is not a live response (e.g. the planned setting), for the facts. */
      readonly basis?: string;
    }
  /** The host serves no HTTPS: no answer, or only a redirect to plain http. */
  | { readonly kind: "no-https"; readonly host: string; readonly reason: string }
  | { readonly kind: "unknown"; readonly host: string; readonly reason: string }
  /** Before apply: a planned `security_header` value the API would reject or misread, so no valid header is known. */
  | { readonly kind: "unreadable-setting"; readonly host: string; readonly error: string };

export interface HstsPolicy {
  readonly url: string;
  readonly header: string;
  readonly maxAge: number;
  readonly includeSubDomains: boolean;
  readonly preload: boolean;
  readonly basis?: string;
}

export type HstsReading =
  | { readonly kind: "policy"; readonly policy: HstsPolicy }
  | { readonly kind: "none"; readonly outcome: "missing" | "http-only" | "several" | "invalid" | "no-https"; readonly facts: readonly string[] }
  | { readonly kind: "unknown"; readonly reason: string };

export function readHsts(source: HstsSource): HstsReading {
  switch (source.kind) {
    case "no-https":
      return { kind: "none", outcome: "no-https", facts: [`${source.host} serves no HTTPS response to carry the header: ${source.reason}`] };
    case "unknown":
      return { kind: "unknown", reason: `Could not read HSTS on ${source.host}: ${source.reason}` };
    case "unreadable-setting":
      return { kind: "none", outcome: "invalid", facts: [`${source.host}: the planned \`security_header\` value ${source.error}`] };
    case "response":
      break;
  }
  const basis = source.basis !== undefined ? [source.basis] : [];
  const values = source.https;
  if (values.length === 0) {
    if (source.http.length > 0) return { kind: "none", outcome: "http-only", facts: [`${source.url} sends no Strict-Transport-Security header; only the plain-http answer does (${source.http.join(" | ")}), where browsers ignore it`, ...basis] };
    return { kind: "none", outcome: "missing", facts: [`${source.url} sends no Strict-Transport-Security header`, ...basis] };
  }
  if (values.length > 1) return { kind: "none", outcome: "several", facts: [`${source.url} sends ${values.length} Strict-Transport-Security headers (${values.join(" | ")}); browsers use only the first`, ...basis] };
  const header = values[0] ?? "";
  const parsed = parseHsts(header);
  if (!parsed.ok) return { kind: "none", outcome: "invalid", facts: [`${source.url} sends an invalid Strict-Transport-Security "${header}": it ${parsed.error}`, ...basis] };
  return {
    kind: "policy",
    policy: { url: source.url, header, maxAge: parsed.maxAge, includeSubDomains: parsed.includeSubDomains, preload: parsed.preload, ...(source.basis !== undefined ? { basis: source.basis } : {}) },
  };
}

/** The facts' suffix naming where a policy was read. */
export function policyBasis(p: HstsPolicy): string[] {
  return p.basis !== undefined ? [p.basis] : [];
}
