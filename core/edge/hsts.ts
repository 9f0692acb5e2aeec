/**
 * The HSTS policy as Cloudflare's `security_header` zone setting takes it, and as the header it makes the edge send.
 *
 * The setting's `value` is untyped in `@pulumi/cloudflare` 6.x and passed to the API as is: the API's keys are
 * snake_case, so a camelCase object shows a diff on every preview (DESIGN: "Provider facts that bite"). Build it
 * here, typed, and nowhere else.
 */

/** RFC 6797 §6.1.1 max-age the checklist asks for: one year. */
export const HSTS_MIN_MAX_AGE = 31536000;

export interface StrictTransportSecurity {
  readonly enabled: boolean;
  /** Seconds, RFC 6797 §6.1.1. */
  readonly max_age: number;
  /** RFC 6797 §6.1.2. */
  readonly include_subdomains: boolean;
  /** Not in the RFC: the hstspreload.org submission marker. */
  readonly preload: boolean;
  /** Cloudflare also sends `X-Content-Type-Options: nosniff` when set. */
  readonly nosniff: boolean;
}

/** The `value` of the `security_header` zone setting, in the API's snake_case shape. */
export interface SecurityHeaderValue {
  readonly strict_transport_security: StrictTransportSecurity;
}

/** The HSTS policy as the stack config states it (`web.hsts`); structural, so `core/` needs nothing from `config/`. */
export interface HstsPolicySpec {
  readonly maxAgeSeconds: number;
  readonly includeSubdomains: boolean;
  readonly preload: boolean;
}

export function securityHeaderValue(hsts: HstsPolicySpec): SecurityHeaderValue {
  return {
    strict_transport_security: {
      enabled: true,
      max_age: hsts.maxAgeSeconds,
      include_subdomains: hsts.includeSubdomains,
      preload: hsts.preload,
      nosniff: true,
    },
  };
}

/** The Strict-Transport-Security header text the edge will send, RFC 6797 §6.1 syntax. */
export function hstsHeaderText(sts: StrictTransportSecurity): string {
  return [`max-age=${sts.max_age}`, ...(sts.include_subdomains ? ["includeSubDomains"] : []), ...(sts.preload ? ["preload"] : [])].join("; ");
}

export type SecurityHeaderRead =
  | { readonly ok: true; readonly sts: StrictTransportSecurity }
  | { readonly ok: false; readonly error: string };

/**
 * Reads a planned `security_header` value back (the policy rules see plain JSON). A camelCase key, a missing field
 * or a wrong type is an error naming the field, since the API would ignore or reject it.
 */
export function readSecurityHeaderValue(value: unknown): SecurityHeaderRead {
  if (!isRecord(value)) return { ok: false, error: "is not an object: expected { strict_transport_security: { … } }" };
  if ("strictTransportSecurity" in value) {
    return { ok: false, error: "uses the camelCase key `strictTransportSecurity`: the API takes `strict_transport_security` (snake_case), so it would drift on every preview" };
  }
  const sts = value["strict_transport_security"];
  if (!isRecord(sts)) return { ok: false, error: "has no `strict_transport_security` object" };
  for (const camel of ["maxAge", "includeSubdomains"]) {
    if (camel in sts) return { ok: false, error: `uses the camelCase key \`${camel}\`: write it in snake_case` };
  }
  const enabled = sts["enabled"];
  const maxAge = sts["max_age"];
  const includeSubdomains = sts["include_subdomains"];
  const preload = sts["preload"];
  const nosniff = sts["nosniff"];
  if (typeof enabled !== "boolean") return { ok: false, error: "`strict_transport_security.enabled` is not a boolean" };
  if (typeof maxAge !== "number" || !Number.isInteger(maxAge) || maxAge < 0) return { ok: false, error: "`strict_transport_security.max_age` is not a whole number of seconds" };
  if (typeof includeSubdomains !== "boolean") return { ok: false, error: "`strict_transport_security.include_subdomains` is not a boolean" };
  if (typeof preload !== "boolean") return { ok: false, error: "`strict_transport_security.preload` is not a boolean" };
  return { ok: true, sts: { enabled, max_age: maxAge, include_subdomains: includeSubdomains, preload, nosniff: nosniff === true } };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
