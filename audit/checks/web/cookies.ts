/**
 * cookie.secure, cookie.httponly, cookie.samesite, cookie.prefix over every Set-Cookie seen on HTTPS responses.
 * Session-like cookies are held strictly (a missing flag fails); others only warn. Evidence carries cookie NAMES
 * and flags, never values: they may be session secrets.
 */
import { cookiePrefixViolations, isSessionLikeCookie, parseSetCookie, type CookieAttributes } from "../../../core/http/set-cookie";
import type { CheckId } from "../../../checklist";
import type { AuditCheckModule, AuditStatus, CheckResult } from "../../types";
import { pageOf } from "./page";
import { each, result } from "./result";
import { webSnapshot } from "./snapshot";

const IDS = ["cookie.secure", "cookie.httponly", "cookie.samesite", "cookie.prefix"] as const;

function flags(c: CookieAttributes): string {
  const f = [c.secure ? "Secure" : "", c.httpOnly ? "HttpOnly" : "", c.sameSite ? `SameSite=${c.sameSite}` : c.sameSiteInvalid ? `SameSite=${c.sameSiteInvalid}(invalid)` : "", c.path ? `Path=${c.path}` : "", c.domain ? `Domain=${c.domain}` : ""];
  return `${c.name || "(nameless)"}: ${f.filter(Boolean).join("; ") || "no attributes"}${isSessionLikeCookie(c.name) ? " [session-like]" : ""}`;
}

function verdict(id: CheckId, cookies: readonly CookieAttributes[], bad: (c: CookieAttributes) => string | undefined, passText: string, evidence: Record<string, readonly string[]>): CheckResult {
  const session: string[] = [];
  const other: string[] = [];
  for (const c of cookies) {
    const why = bad(c);
    if (why !== undefined) (isSessionLikeCookie(c.name) ? session : other).push(`${c.name || "(nameless)"} ${why}`);
  }
  const status: AuditStatus = session.length > 0 ? "fail" : other.length > 0 ? "warn" : "pass";
  const summary = status === "pass" ? passText : [...session, ...other].join("; ");
  return result(id, status, summary, evidence);
}

export const cookiesModule: AuditCheckModule = {
  ids: IDS,
  async run(target, ctx) {
    const s = await webSnapshot(target, ctx);
    const p = pageOf(s);
    if (p.kind === "none") return each(IDS, p.status, p.why);
    const https = [...s.httpsApex.responses, ...(s.httpsWww?.responses ?? []), ...s.pageChain.responses].filter((r) => r.url.startsWith("https:"));
    const byName = new Map<string, CookieAttributes>();
    for (const r of https) for (const h of r.headers["set-cookie"] ?? []) {
      const c = parseSetCookie(h);
      if (c) byName.set(c.name, c);
    }
    const cookies = [...byName.values()];
    const evidence = { urls: [...new Set(https.map((r) => r.url))], cookies: cookies.map(flags) };
    if (cookies.length === 0) return each(IDS, "info", `No cookies are set on ${evidence.urls.join(", ")}; sign-in cookies set elsewhere are not covered`, evidence);
    return [
      verdict("cookie.secure", cookies, (c) => (c.secure ? undefined : "lacks Secure"), "Every cookie is Secure", evidence),
      verdict("cookie.httponly", cookies, (c) => (c.httpOnly ? undefined : "lacks HttpOnly"), "Every cookie is HttpOnly", evidence),
      samesite(cookies, evidence),
      prefix(cookies, evidence),
    ];
  },
};

function samesite(cookies: readonly CookieAttributes[], evidence: Record<string, readonly string[]>): CheckResult {
  const fails: string[] = [];
  const warns: string[] = [];
  for (const c of cookies) {
    const session = isSessionLikeCookie(c.name);
    if (c.sameSite === "none" && !c.secure) fails.push(`${c.name} has SameSite=None without Secure (browsers reject it)`);
    else if (c.sameSite === "none") warns.push(`${c.name} has SameSite=None: sent on cross-site requests`);
    else if (c.sameSite === undefined) (session ? fails : warns).push(`${c.name} has no valid SameSite${c.sameSiteInvalid ? ` ("${c.sameSiteInvalid}")` : ""}`);
  }
  if (fails.length > 0) return result("cookie.samesite", "fail", [...fails, ...warns].join("; "), evidence);
  if (warns.length > 0) return result("cookie.samesite", "warn", warns.join("; "), evidence);
  return result("cookie.samesite", "pass", "Every cookie sets SameSite=Lax or Strict", evidence);
}

function prefix(cookies: readonly CookieAttributes[], evidence: Record<string, readonly string[]>): CheckResult {
  const violations = cookies.flatMap((c) => cookiePrefixViolations(c).map((v) => `${c.name}: ${v}`));
  if (violations.length > 0) return result("cookie.prefix", "fail", `Browsers reject these cookies (RFC 6265bis §4.1.3): ${violations.join("; ")}`, evidence);
  const unprefixed = cookies.filter((c) => isSessionLikeCookie(c.name) && !/^__host-/i.test(c.name)).map((c) => c.name);
  if (unprefixed.length > 0) return result("cookie.prefix", "warn", `Session-like cookies without the __Host- prefix: ${unprefixed.join(", ")}`, evidence);
  return result("cookie.prefix", "pass", "Session-like cookies use the __Host- prefix (or there are none) and every prefix rule holds", evidence);
}
