/**
 * cookie.secure, cookie.httponly, cookie.samesite, cookie.prefix over every Set-Cookie the audit receives: every hop
 * of every redirect chain the snapshot follows, http:// and https:// alike (a cookie set on the plain-http redirect
 * to https crosses the network unencrypted and, without Secure, is sent back over http). Each finding names the URL
 * that set the cookie. Session-like cookies are held strictly (a problem fails); others only warn. Evidence carries
 * cookie NAMES and flags, never values: they may be session secrets.
 */
import { cookiePrefixViolations, isSessionLikeCookie, parseSetCookie, type CookieAttributes } from "../../../core/http/set-cookie";
import type { CheckId } from "../../../checklist";
import type { AuditCheckModule, AuditStatus, CheckResult } from "../../types";
import type { Followed, HttpResponse } from "./follow";
import { pageOf } from "./page";
import { each, result } from "./result";
import { webSnapshot, type WebSnapshot } from "./snapshot";

const IDS = ["cookie.secure", "cookie.httponly", "cookie.samesite", "cookie.prefix"] as const;

/** One cookie (name and attributes) and every URL whose response set it. */
interface SeenCookie {
  readonly cookie: CookieAttributes;
  readonly urls: readonly string[];
}

const nameOf = (c: CookieAttributes): string => c.name || "(nameless)";
const isPlainHttp = (url: string): boolean => url.startsWith("http:");
const setBy = (s: SeenCookie): string => `set by ${s.urls.join(", ")}`;

function flags(c: CookieAttributes): string {
  const f = [c.secure ? "Secure" : "", c.httpOnly ? "HttpOnly" : "", c.sameSite ? `SameSite=${c.sameSite}` : c.sameSiteInvalid ? `SameSite=${c.sameSiteInvalid}(invalid)` : "", c.path ? `Path=${c.path}` : "", c.domain ? `Domain=${c.domain}` : ""];
  return `${nameOf(c)}: ${f.filter(Boolean).join("; ") || "no attributes"}${isSessionLikeCookie(c.name) ? " [session-like]" : ""}`;
}

/** Every response of every chain the snapshot followed, each URL once (a URL is fetched once per run). */
function responsesOf(s: WebSnapshot): HttpResponse[] {
  const chains: (Followed | undefined)[] = [s.httpApex, s.httpWww, s.httpsApex, s.httpsWww, s.pageChain];
  const byUrl = new Map<string, HttpResponse>();
  for (const f of chains) for (const r of f?.responses ?? []) if (!byUrl.has(r.url)) byUrl.set(r.url, r);
  return [...byUrl.values()];
}

/** Cookies grouped by name and attributes, so the same cookie set on several hops is one line naming every URL. */
function cookiesOf(responses: readonly HttpResponse[]): SeenCookie[] {
  const groups = new Map<string, { cookie: CookieAttributes; urls: string[] }>();
  for (const r of responses) {
    for (const h of r.headers["set-cookie"] ?? []) {
      const c = parseSetCookie(h);
      if (!c) continue;
      const key = flags(c);
      const g = groups.get(key) ?? { cookie: c, urls: [] };
      if (!g.urls.includes(r.url)) g.urls.push(r.url);
      groups.set(key, g);
    }
  }
  return [...groups.values()];
}

function verdict(id: CheckId, cookies: readonly SeenCookie[], bad: (s: SeenCookie) => string | undefined, passText: string, evidence: Record<string, readonly string[]>): CheckResult {
  const session: string[] = [];
  const other: string[] = [];
  for (const s of cookies) {
    const why = bad(s);
    if (why !== undefined) (isSessionLikeCookie(s.cookie.name) ? session : other).push(`${nameOf(s.cookie)} ${why}`);
  }
  const status: AuditStatus = session.length > 0 ? "fail" : other.length > 0 ? "warn" : "pass";
  const summary = status === "pass" ? passText : [...session, ...other].join("; ");
  return result(id, status, summary, evidence);
}

function secure(s: SeenCookie): string | undefined {
  if (!s.cookie.secure) return `lacks Secure (${setBy(s)})`;
  const plain = s.urls.filter(isPlainHttp);
  // RFC 6265bis §5.7: a Secure cookie from a non-secure origin is ignored, yet its value has crossed the network in clear.
  if (plain.length > 0) return `is set over plain http:// (${plain.join(", ")}): its value crosses the network unencrypted, and browsers discard a Secure cookie set there`;
  return undefined;
}

export const cookiesModule: AuditCheckModule = {
  ids: IDS,
  async run(target, ctx) {
    const s = await webSnapshot(target, ctx);
    const p = pageOf(s);
    const responses = responsesOf(s);
    const cookies = cookiesOf(responses);
    const evidence = { urls: responses.map((r) => r.url), cookies: cookies.map((c) => `${flags(c.cookie)} (${setBy(c)})`) };
    if (cookies.length === 0) {
      if (p.kind === "none") return each(IDS, p.status, p.why, evidence);
      return each(IDS, "info", `No cookies are set on ${evidence.urls.join(", ")}; sign-in cookies set elsewhere are not covered`, evidence);
    }
    const results = [
      verdict("cookie.secure", cookies, secure, "Every cookie is Secure and set over HTTPS", evidence),
      verdict("cookie.httponly", cookies, (c) => (c.cookie.httpOnly ? undefined : `lacks HttpOnly (${setBy(c)})`), "Every cookie is HttpOnly", evidence),
      samesite(cookies, evidence),
      prefix(cookies, evidence),
    ];
    // Without the HTTPS page, the cookies it sets are unseen: what the other hops set can fail, never pass.
    if (p.kind === "none") return results.map((r) => (r.status === "pass" || r.status === "info" ? result(r.id, p.status, `${p.why}; the cookies set on the way (${evidence.cookies.length}) have no problem`, evidence) : r));
    return results;
  },
};

function samesite(cookies: readonly SeenCookie[], evidence: Record<string, readonly string[]>): CheckResult {
  const fails: string[] = [];
  const warns: string[] = [];
  for (const s of cookies) {
    const c = s.cookie;
    const session = isSessionLikeCookie(c.name);
    if (c.sameSite === "none" && !c.secure) fails.push(`${nameOf(c)} has SameSite=None without Secure, which browsers reject (${setBy(s)})`);
    else if (c.sameSite === "none") warns.push(`${nameOf(c)} has SameSite=None: sent on cross-site requests (${setBy(s)})`);
    else if (c.sameSite === undefined) (session ? fails : warns).push(`${nameOf(c)} has no valid SameSite${c.sameSiteInvalid ? ` ("${c.sameSiteInvalid}")` : ""} (${setBy(s)})`);
  }
  if (fails.length > 0) return result("cookie.samesite", "fail", [...fails, ...warns].join("; "), evidence);
  if (warns.length > 0) return result("cookie.samesite", "warn", warns.join("; "), evidence);
  return result("cookie.samesite", "pass", "Every cookie sets SameSite=Lax or Strict", evidence);
}

function prefix(cookies: readonly SeenCookie[], evidence: Record<string, readonly string[]>): CheckResult {
  const violations = cookies.flatMap((s) => {
    const plain = s.urls.filter(isPlainHttp);
    const secureOnly = cookiePrefixViolations(s.cookie).map((v) => `${nameOf(s.cookie)}: ${v} (${setBy(s)})`);
    const overHttp = plain.length > 0 ? cookiePrefixViolations(s.cookie, false).filter((v) => !cookiePrefixViolations(s.cookie).includes(v)).map((v) => `${nameOf(s.cookie)}: ${v} (${plain.join(", ")})`) : [];
    return [...secureOnly, ...overHttp];
  });
  if (violations.length > 0) return result("cookie.prefix", "fail", `Browsers reject these cookies (RFC 6265bis §4.1.3): ${violations.join("; ")}`, evidence);
  const unprefixed = cookies.filter((s) => isSessionLikeCookie(s.cookie.name) && !/^__host-/i.test(s.cookie.name)).map((s) => `${nameOf(s.cookie)} (${setBy(s)})`);
  if (unprefixed.length > 0) return result("cookie.prefix", "warn", `Session-like cookies without the __Host- prefix: ${unprefixed.join(", ")}`, evidence);
  return result("cookie.prefix", "pass", "Session-like cookies use the __Host- prefix (or there are none) and every prefix rule holds", evidence);
}
