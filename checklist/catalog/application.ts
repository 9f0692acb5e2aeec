import { defineRow } from "./define";

/** Application rows: only partly provable from outside; the rest is named in reports as out of scope. */
export const AUTH_PROTECTION = defineRow("auth-protection", {
  "hdr.csp": {
    title: "A Content-Security-Policy forbids inline and eval'd scripts",
    why: "CSP is the last line of defence against XSS stealing sessions.",
    remediation: "Send `Content-Security-Policy` with a `script-src` free of 'unsafe-inline' and 'unsafe-eval'.",
    severity: "advisory",
  },
  "hdr.xcto": {
    title: "X-Content-Type-Options: nosniff",
    why: "Browsers otherwise guess content types and can run uploaded files as scripts.",
    remediation: "Send `X-Content-Type-Options: nosniff` (Cloudflare's HSTS setting can add it with `nosniff: true`).",
  },
  "hdr.framing": {
    title: "Pages cannot be framed by other sites",
    why: "Clickjacking tricks signed-in users into clicking buttons inside an invisible frame.",
    remediation: "Send `Content-Security-Policy: frame-ancestors 'self'` or `X-Frame-Options: DENY`.",
  },
  "hdr.referrer": {
    title: "Referrer-Policy does not leak full URLs",
    why: "Reset and invite links carry tokens in the URL; a lax referrer policy sends them to third parties.",
    remediation: "Send `Referrer-Policy: strict-origin-when-cross-origin` (or stricter).",
    severity: "advisory",
  },
  "cookie.secure": {
    title: "Session cookies are Secure",
    why: "A cookie without Secure is sent over plain HTTP, where it can be stolen.",
    remediation: "Set the Secure flag on every cookie served over HTTPS.",
    source: "RFC 6265bis",
  },
  "cookie.httponly": {
    title: "Session cookies are HttpOnly",
    why: "Scripts (and XSS) can read a session cookie without HttpOnly.",
    remediation: "Set HttpOnly on session cookies.",
    source: "RFC 6265bis",
  },
  "cookie.samesite": {
    title: "Session cookies set SameSite",
    why: "Without SameSite, cross-site requests carry the session (CSRF).",
    remediation: "Set `SameSite=Lax` (or Strict) on session cookies.",
    source: "RFC 6265bis",
  },
  "cookie.prefix": {
    title: "Session cookies use the __Host- prefix",
    why: "`__Host-` pins a cookie to one host over HTTPS, so a subdomain cannot overwrite it.",
    remediation: "Name session cookies `__Host-…` with Secure, Path=/ and no Domain.",
    source: "RFC 6265bis",
    severity: "advisory",
  },
});

export const API_AUTHORIZATION = defineRow("api-authorization", {
  "cors.wildcard": {
    title: "App and API paths do not allow any origin",
    why: "`Access-Control-Allow-Origin: *` lets any site read your API's responses.",
    remediation: "Allow only your own origins.",
  },
  "cors.reflection": {
    title: "CORS does not echo arbitrary origins",
    why: "Reflecting the Origin with credentials lets any site act as the signed-in user.",
    remediation: "Compare Origin against an allow-list; never echo it back unchecked.",
  },
});
