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
  "authz.unauthenticated": {
    title: "Private routes refuse requests without credentials",
    why: "A route that answers without a session hands your customers' data to anyone who guesses its URL.",
    remediation:
      "Put every non-public route behind the authentication middleware (deny by default, open routes explicitly); answer 401 (or 404 to hide the resource). `launch-ready:routes` lists which routes the probe expects to be private.",
    source: "RFC 9110 §15.5.2, OWASP API Security Top 10 API2:2023",
    outcomes: {
      refused: { status: "pass", when: "every private route refused the request without credentials (401, 403, or 404 for a hidden resource)" },
      served: { status: "fail", when: "a private route answered a request without credentials with data (2xx) or with another tenant's marker data" },
    },
  },
  "authz.token_validation": {
    title: "Private routes reject malformed, tampered and expired credentials",
    why: "A server that only checks that a token is present, not that it is valid and current, lets anyone in with a made-up or old token.",
    remediation:
      "Verify the token's signature, issuer, audience and expiry on every request (RFC 8725 §3), or look the session up server-side; answer 401 with `WWW-Authenticate: Bearer error=\"invalid_token\"` (RFC 6750 §3.1).",
    source: "RFC 6750 §3.1, RFC 8725",
    outcomes: {
      rejected: { status: "pass", when: "every private route refused a malformed token, the account's token with its signature altered, and (when given) an expired token" },
      accepted: { status: "fail", when: "a private route served a request made with a malformed, altered or expired credential" },
    },
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
  "routes.inventory": {
    title: "The route inventory lists the routes the stack's rate limits and uptime checks need",
    why: "Without an inventory the rate-limit rules and uptime checks guess paths, and nobody has written down which routes must be private: the first step of every authorization review.",
    remediation:
      "List every route under `launch-ready:routes` with its `access` (public, authenticated, tenant, role:<name>) and `kind`: a `login` route for the `login` rate-limit preset, `reset` for `password-reset`, `invite`, `search`, and a `health` route when `monitoring` is configured.",
    severity: "advisory",
    outcomes: {
      complete: { status: "pass", when: "the inventory has a route of every kind the stack's rate-limit presets and monitoring need" },
      incomplete: { status: "warn", when: "a rate-limit preset or the monitoring is configured, but the inventory has no route of its kind" },
      missing: { status: "warn", when: "rate-limit presets or monitoring are configured, but the stack declares no `launch-ready:routes` at all" },
    },
  },
  "authz.role": {
    title: "Role-restricted routes refuse members with a lower role",
    why: "A member who can reach admin endpoints can change billing, invite users or delete the workspace.",
    remediation: "Check the caller's role on the server for every `role:<name>` route (not only by hiding the button); answer 403.",
    source: "OWASP API Security Top 10 API5:2023",
    outcomes: {
      refused: { status: "pass", when: "every `role:` route refused each account of the same tenant whose role is lower" },
      served: { status: "fail", when: "a `role:` route served an account whose role is lower than the route requires" },
    },
  },
  "authz.tenant_isolation": {
    title: "A tenant's routes refuse other tenants and tampered IDs",
    why: "One customer reading another's spaces, posts or files is the breach that ends a B2B product's trust (IDOR).",
    remediation:
      "Scope every query by the caller's tenant from the session, never by the IDs in the URL alone: check that each ID in the path (org, then post) belongs to the caller's tenant; answer 403 or 404.",
    source: "OWASP API Security Top 10 API1:2023",
    outcomes: {
      isolated: { status: "pass", when: "every tenant route refused the other tenant's account, swapped IDs and incremented IDs, and no body carried the other tenant's marker data" },
      served: { status: "fail", when: "a tenant route served (2xx) a request with the other tenant's account or with one of the other tenant's IDs" },
      leaked: { status: "fail", when: "a response to a cross-tenant or tampered request carried the other tenant's marker data" },
    },
  },
});
