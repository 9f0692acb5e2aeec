/**
 * Set-Cookie parsing for auditing, RFC 6265bis §5.6 (parsing) and §4.1.3 (name prefixes). Only the name and the
 * attributes are kept: cookie VALUES may be session secrets and must never reach a report.
 */

export type SameSite = "strict" | "lax" | "none";

export interface CookieAttributes {
  readonly name: string;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  /** `undefined` when absent or unrecognised (browsers then default to Lax-like behaviour). */
  readonly sameSite: SameSite | undefined;
  /** The raw SameSite value when it was present but not one of Strict/Lax/None. */
  readonly sameSiteInvalid: string | undefined;
  readonly path: string | undefined;
  readonly domain: string | undefined;
}

export function parseSetCookie(header: string): CookieAttributes | undefined {
  const parts = header.split(";");
  const pair = parts[0] ?? "";
  const eq = pair.indexOf("=");
  // §5.6 step 4: no "=" means an empty name and the whole string as the value.
  const name = (eq === -1 ? "" : pair.slice(0, eq)).trim();
  if (name === "" && eq !== -1 && pair.slice(eq + 1).trim() === "") return undefined; // §5.6: both empty → ignore
  let secure = false;
  let httpOnly = false;
  let sameSite: SameSite | undefined;
  let sameSiteInvalid: string | undefined;
  let path: string | undefined;
  let domain: string | undefined;
  for (const raw of parts.slice(1)) {
    const i = raw.indexOf("=");
    const key = (i === -1 ? raw : raw.slice(0, i)).trim().toLowerCase();
    const val = i === -1 ? "" : raw.slice(i + 1).trim();
    // Later attributes of the same name win (§5.7 uses the last one).
    if (key === "secure") secure = true;
    else if (key === "httponly") httpOnly = true;
    else if (key === "samesite") {
      const v = val.toLowerCase();
      if (v === "strict" || v === "lax" || v === "none") {
        sameSite = v;
        sameSiteInvalid = undefined;
      } else {
        sameSite = undefined;
        sameSiteInvalid = val;
      }
    } else if (key === "path") path = val.startsWith("/") ? val : undefined; // §5.6.4: non-/ path means default
    else if (key === "domain") domain = val === "" ? undefined : val.replace(/^\./, "").toLowerCase();
  }
  return { name, secure, httpOnly, sameSite, sameSiteInvalid, path, domain };
}

/**
 * The prefix rules of RFC 6265bis §4.1.3, matched case-insensitively as §5.7 requires. Empty = satisfied.
 * `secureOrigin`: whether the response came over https; a prefixed cookie from an insecure origin is rejected
 * (§4.1.3.1, §4.1.3.2: "set from a secure origin").
 */
export function cookiePrefixViolations(c: CookieAttributes, secureOrigin = true): string[] {
  const lower = c.name.toLowerCase();
  const out: string[] = [];
  if (!secureOrigin && (lower.startsWith("__secure-") || lower.startsWith("__host-"))) out.push("prefixed cookie set over plain http://");
  if (lower.startsWith("__secure-") && !c.secure) out.push("__Secure- cookie without Secure");
  if (lower.startsWith("__host-")) {
    if (!c.secure) out.push("__Host- cookie without Secure");
    if (c.domain !== undefined) out.push("__Host- cookie with a Domain attribute");
    if (c.path !== "/") out.push("__Host- cookie without Path=/");
  }
  return out;
}

/** Names that carry a session or credential: these must have every flag (docs/CHECKS.md, cookie.*: session-like names strictly). */
export function isSessionLikeCookie(name: string): boolean {
  return /sess|sid|auth|token|jwt|login|remember|csrf|xsrf|connect\.sid|^id$/i.test(name);
}
