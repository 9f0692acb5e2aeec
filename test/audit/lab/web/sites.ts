/**
 * The lab's web behaviours, one `.test` domain per scenario (apex, `www.` and `app.` hosts each). A site is a pair of
 * handlers (port 80 and port 443) plus the certificate served for its names. Most sites are the good site with one
 * thing changed, so each scenario isolates the check it is about.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { CREDENTIALS } from "../../../core/secrets/fixtures";

export type CertKind =
  | "valid" | "expired" | "expiring" | "expiring20" | "thirdLeft" | "sha1" | "notYetValid" | "wrongHost" | "selfSigned" | "rsa1024" | "none"
  // Name matching as browsers do it: CN-only, SAN with e-mail only, SAN without the host (CN = host), a partial-label
  // wildcard, and a proper one-label wildcard.
  | "cnOnly" | "sanEmailOnly" | "sanMissCn" | "partialWildcard" | "wildcard";

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly scheme: "http" | "https";
  /** The Host header's name, lower case, no port. */
  readonly host: string;
  readonly apex: string;
  readonly path: string;
  /** Counts requests per `host path` for rate behaviours; the lab resets it between tests. */
  hit(key: string): number;
}

export interface Site {
  readonly cert: CertKind;
  /**
   * Which HTTPS listener serves the site: the shared SNI server (default); its own server at OpenSSL security level 0
   * (`own`: Node's SNI switch adds the certificate to the connection's per-key-type slots instead of replacing them,
   * and silently keeps the default one when the connection's security level rejects the new one, as it does for
   * RSA-1024 keys and SHA-1 signatures); its own server still offering TLS 1.0/1.1 (`old-tls`); a child process that serves the leaf without its intermediate (`leaf-only`); a closed port; or a TCP listener that accepts and never says a word (`silent`).
   */
  readonly listener?: "shared" | "own" | "old-tls" | "closed" | "silent" | "leaf-only";
  /** Left out of the lab's DNS (the test's DnsClient), e.g. to model a missing www. */
  readonly unpublished?: readonly string[];
  http(c: RequestContext): void;
  https(c: RequestContext): void;
}

export const GOOD_HEADERS: Readonly<Record<string, string>> = {
  "strict-transport-security": "max-age=63072000; includeSubDomains; preload",
  "content-security-policy": "default-src 'self'; script-src 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
};

const GOOD_HTML = `<!doctype html><html><head><title>Acme</title>
<link rel="stylesheet" href="https://static.example/app.css"><script src="/app.js"></script></head>
<body><img src="https://static.example/logo.png"><a href="http://elsewhere.example/">partner</a></body></html>`;

/** Random per response, so a test can prove no cookie value reaches the report. */
export const COOKIE_SECRET_MARK = "labsecret";
const secretValue = () => `${COOKIE_SECRET_MARK}${Math.random().toString(36).slice(2)}`;

type Rate = "limited" | "never" | "headers-only";
type Cors = "none" | "reflect-credentials" | "reflect" | "wildcard" | "wildcard-credentials";

interface GoodOptions {
  /** Replace (string), add several (array) or drop (null) page headers. */
  readonly headers?: Readonly<Record<string, string | readonly string[] | null>>;
  readonly cookies?: readonly string[];
  readonly html?: string;
  readonly cors?: Cors;
  readonly rate?: Rate;
  /** Requests accepted per endpoint before the 429s start (default RATE_LIMIT_AFTER). */
  readonly rateAfter?: number;
  /** Headers sent on the port-80 redirect too. */
  readonly httpHeaders?: Readonly<Record<string, string>>;
  /** Set-Cookie headers on the port-80 redirect (SECRET becomes a random value), on every host or on www only. */
  readonly httpCookies?: readonly string[];
  readonly httpCookiesOn?: "all" | "www";
  readonly cert?: CertKind;
}

export const RATE_LIMIT_AFTER = 5;
const ENDPOINTS = ["/login", "/reset", "/invite", "/search"];

function redirect(res: ServerResponse, status: number, location: string, extra: Readonly<Record<string, string>> = {}): void {
  res.writeHead(status, { location, "content-length": "0", ...extra });
  res.end();
}

function applyCors(c: RequestContext, cors: Cors): void {
  const origin = c.req.headers.origin;
  if (cors === "wildcard") c.res.setHeader("access-control-allow-origin", "*");
  if (cors === "wildcard-credentials") {
    c.res.setHeader("access-control-allow-origin", "*");
    c.res.setHeader("access-control-allow-credentials", "true");
  }
  if ((cors === "reflect" || cors === "reflect-credentials") && origin !== undefined) {
    c.res.setHeader("access-control-allow-origin", origin);
    c.res.setHeader("vary", "Origin");
    if (cors === "reflect-credentials") c.res.setHeader("access-control-allow-credentials", "true");
  }
}

/** The good site: one-hop redirects to https://apex, full headers, a __Host- session cookie, rate limits. */
export function goodSite(o: GoodOptions = {}): Site {
  return {
    cert: o.cert ?? "valid",
    http(c) {
      if (o.httpCookies !== undefined && (o.httpCookiesOn !== "www" || c.host === `www.${c.apex}`)) {
        c.res.setHeader("set-cookie", o.httpCookies.map((s) => s.replace("SECRET", secretValue())));
      }
      redirect(c.res, 301, `https://${c.apex}${c.path}`, o.httpHeaders);
    },
    https(c) {
      if (c.path === "/__whoami") {
        // What the server saw: the TLS SNI and the Host header, for tests of --connect-to.
        const socket = c.req.socket;
        const sni = "servername" in socket && typeof socket.servername === "string" ? socket.servername : "(none)";
        c.res.writeHead(200, { "content-type": "text/plain" });
        return void c.res.end(`sni=${sni} host=${c.req.headers.host ?? ""}`);
      }
      if (c.host !== c.apex) return redirect(c.res, 301, `https://${c.apex}${c.path}`);
      applyCors(c, o.cors ?? "none");
      const endpoint = ENDPOINTS.find((e) => c.path.startsWith(e));
      if (endpoint !== undefined) {
        const n = c.hit(`${c.host} ${endpoint}`);
        const rate = o.rate ?? "limited";
        if (rate === "limited" && n > (o.rateAfter ?? RATE_LIMIT_AFTER)) {
          c.res.writeHead(429, { "retry-after": "30", "content-type": "text/plain" });
          return void c.res.end("slow down");
        }
        if (rate === "headers-only") {
          c.res.setHeader("ratelimit-policy", `${RATE_LIMIT_AFTER};w=60`);
          c.res.setHeader("ratelimit", `limit=${RATE_LIMIT_AFTER}, remaining=0, reset=60`);
        }
        c.res.writeHead(200, { "content-type": "text/plain" });
        return void c.res.end("ok");
      }
      const headers: Record<string, string | readonly string[]> = { "content-type": "text/html; charset=utf-8", ...GOOD_HEADERS };
      for (const [k, v] of Object.entries(o.headers ?? {})) {
        if (v === null) delete headers[k];
        else headers[k] = v;
      }
      for (const [k, v] of Object.entries(headers)) c.res.setHeader(k, v);
      c.res.setHeader("set-cookie", (o.cookies ?? ["__Host-session=SECRET; Path=/; Secure; HttpOnly; SameSite=Lax"]).map((s) => s.replace("SECRET", secretValue())));
      c.res.writeHead(200);
      c.res.end(o.html ?? GOOD_HTML);
    },
  };
}

const NO_HEADERS = Object.fromEntries(Object.keys(GOOD_HEADERS).map((k) => [k, null]));

/** Every lab domain and its behaviour. */
export function labSites(): Readonly<Record<string, Site>> {
  const good = goodSite();
  return {
    "good.test": good,
    "nowww.test": { ...good, unpublished: ["www.nowww.test"] },
    "twohop.test": {
      ...good,
      // http://www → https://www → https://apex: two hops, first one https on the same host.
      http: (c) => redirect(c.res, 301, `https://${c.host}${c.path}`),
    },
    "plainhop.test": {
      ...good,
      // http://www → http://apex → https://apex: the first hop stays on plain http.
      http: (c) => redirect(c.res, 301, c.host === c.apex ? `https://${c.apex}${c.path}` : `http://${c.apex}${c.path}`),
    },
    "loop.test": {
      ...good,
      https: (c) => redirect(c.res, 302, c.path === "/a" ? "/b" : "/a"),
    },
    "endless.test": {
      ...good,
      https: (c) => {
        const n = Number(/^\/r\/(\d+)/.exec(c.path)?.[1] ?? "0");
        redirect(c.res, 302, `/r/${n + 1}`);
      },
    },
    "downgrade.test": {
      ...good,
      http: (c) => {
        if (c.path.startsWith("/landing")) {
          c.res.writeHead(200, { "content-type": "text/html" });
          return void c.res.end("<p>plain</p>");
        }
        redirect(c.res, 301, `https://${c.apex}${c.path}`);
      },
      https: (c) => redirect(c.res, 302, `http://${c.apex}/landing`),
    },
    "nohttps.test": {
      ...good,
      cert: "none",
      listener: "closed",
      http: (c) => {
        c.res.writeHead(200, { "content-type": "text/html" });
        c.res.end("<p>plain http only</p>");
      },
    },
    "bare.test": goodSite({ headers: NO_HEADERS, cookies: [] }),
    "weakhdr.test": goodSite({
      headers: {
        "content-security-policy": "default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors 'self'",
        "x-frame-options": null,
        "referrer-policy": "unsafe-url",
        "strict-transport-security": "max-age=86400; preload",
      },
    }),
    "reportonly.test": goodSite({
      headers: {
        "content-security-policy": null,
        "content-security-policy-report-only": "default-src 'self'",
        "referrer-policy": null,
        "strict-transport-security": "max-age=20000000; includeSubDomains",
      },
    }),
    "hstsdup.test": goodSite({ headers: { "strict-transport-security": ["max-age=63072000", "max-age=0"] } }),
    "hstsbad.test": goodSite({ headers: { "strict-transport-security": "max-age=forever; includeSubDomains" } }),
    "hstshttp.test": goodSite({
      headers: { "strict-transport-security": null },
      httpHeaders: { "strict-transport-security": "max-age=63072000; includeSubDomains" },
    }),
    "corsreflect.test": goodSite({ cors: "reflect-credentials" }),
    "corsecho.test": goodSite({ cors: "reflect" }),
    // The landing page is clean; the API on the app host reflects any Origin with credentials.
    "corsapp.test": {
      ...good,
      https: (c) => {
        if (c.host !== `app.${c.apex}`) return good.https(c);
        applyCors(c, "reflect-credentials");
        c.res.writeHead(200, { "content-type": "application/json" });
        c.res.end('{"ok":true}');
      },
    },
    "corswild.test": goodSite({ cors: "wildcard" }),
    "corswildcred.test": goodSite({ cors: "wildcard-credentials" }),
    "cookies.test": goodSite({
      cookies: ["session=SECRET", "theme=dark; Path=/", "__Host-pref=SECRET; Secure; Path=/app"],
    }),
    "samesitenone.test": goodSite({ cookies: ["sid=SECRET; Path=/; Secure; HttpOnly; SameSite=None"] }),
    // Cookies set on the plain-http redirect to https, while the HTTPS page's own cookie is flawless.
    "cookiehop.test": goodSite({ httpCookies: ["sid=SECRET; Path=/; HttpOnly; SameSite=Lax"] }),
    "cookiehopsecure.test": goodSite({ httpCookies: ["__Host-sid=SECRET; Path=/; Secure; HttpOnly; SameSite=Lax"] }),
    "cookiewww.test": goodSite({ httpCookies: ["theme=SECRET; Path=/"], httpCookiesOn: "www" }),
    "cookiehopnone.test": goodSite({ httpCookies: ["pref=SECRET; Path=/; HttpOnly; SameSite=None"] }),
    "mixed.test": goodSite({
      html: `<html><head><script src="http://cdn.mixed.test/app.js"></script></head><body><img src="http://img.mixed.test/a.png"></body></html>`,
    }),
    "mixedpassive.test": goodSite({ html: `<html><body><img src="http://img.mixedpassive.test/a.png"></body></html>` }),
    // Mixed content no "http:" in a src shows: URLs resolve against <base href>, srcset, and CSS (W3C Mixed Content).
    "mixedbase.test": goodSite({ html: `<html><head><base href="http://static.mixedbase.test/assets/"><script src="app.js"></script></head><body><a href="/about">about</a></body></html>` }),
    "mixedbaseimg.test": goodSite({ html: `<html><head><base href="http://static.mixedbaseimg.test/"></head><body><img src="logo.png" alt=""></body></html>` }),
    "mixedprotorel.test": goodSite({ html: `<html><head><base href="http://mixedprotorel.test/"><link rel="stylesheet" href="//cdn.mixedprotorel.test/site.css"></head><body></body></html>` }),
    "mixedsrcset.test": goodSite({ html: `<html><head><base href="http://img.mixedsrcset.test/"></head><body><img src="https://img.mixedsrcset.test/a.png" srcset="https://img.mixedsrcset.test/a.png 1x, a-2x.png 2x"></body></html>` }),
    "mixedcss.test": goodSite({ html: `<html><head><style>@import "http://cdn.mixedcss.test/theme.css"; body { color: #333 }</style></head><body></body></html>` }),
    "mixedinline.test": goodSite({ html: `<html><body><div style="background-image: url('http://img.mixedinline.test/hero.jpg')"></div></body></html>` }),
    // The control: the same markup under an https: base is clean.
    "basesecure.test": goodSite({ html: `<html><head><base href="https://static.basesecure.test/assets/"><script src="app.js"></script><style>@import "theme.css";</style></head><body><img src="logo.png" alt=""></body></html>` }),
    // A bundle with a (fake, generated) token and a source map whose original source holds another.
    "bundleleak.test": {
      ...good,
      https: (c) => {
        if (c.host === c.apex && c.path === "/app.js") {
          c.res.writeHead(200, { "content-type": "text/javascript" });
          // The map comment is assembled: vite would read a whole one in this file as the file's own source map.
          return void c.res.end(`const t="${CREDENTIALS.githubToken()}";\n//${"#"} sourceMappingURL=app.js.map\n`);
        }
        if (c.host === c.apex && c.path === "/app.js.map") {
          c.res.writeHead(200, { "content-type": "application/json" });
          return void c.res.end(JSON.stringify({ version: 3, sources: ["src/aws.ts"], sourcesContent: [`export const id = "${CREDENTIALS.awsAccessKeyId()}";\n`], mappings: "" }));
        }
        good.https(c);
      },
    },
    "norate.test": goodSite({ rate: "never" }),
    "ratehdr.test": goodSite({ rate: "headers-only" }),
    // Limited, but only after 15 requests: looser than a planned 5 per 10 s.
    "looserate.test": goodSite({ rateAfter: 15 }),
    // Fault injection.
    "slow.test": { ...good, listener: "silent", https: () => undefined, http: () => undefined },
    // TLS completes but the HTTP answer never comes; and one whose body starts, then stalls forever.
    "stall.test": { ...good, https: () => undefined, http: () => undefined },
    "drip.test": {
      ...good,
      https: (c) => {
        c.res.writeHead(200, { "content-type": "text/html" });
        c.res.write("<html><body>");
      },
    },
    "reset.test": { ...good, https: (c) => c.req.socket.destroy(), http: (c) => c.req.socket.destroy() },
    "huge.test": goodSite({
      // 3 MiB of markup with an http: script at the very end, past the client's body limit.
      html: `<html><body>${"<p>filler</p>".repeat(250_000)}<script src="http://cdn.huge.test/late.js"></script></body></html>`,
    }),
    "hugeheaders.test": goodSite({ headers: { "x-filler": "a".repeat(200_000) } }),
    // Certificates and protocols.
    "expired.test": { ...good, cert: "expired" },
    "expiring.test": { ...good, cert: "expiring" },
    "expiring20.test": { ...good, cert: "expiring20" },
    "thirdleft.test": { ...good, cert: "thirdLeft" },
    "notyet.test": { ...good, cert: "notYetValid" },
    "wronghost.test": { ...good, cert: "wrongHost" },
    "selfsigned.test": { ...good, cert: "selfSigned" },
    "sha1.test": { ...good, cert: "sha1", listener: "own" },
    "rsa1024.test": { ...good, cert: "rsa1024", listener: "own" },
    "oldtls.test": { ...good, listener: "old-tls" },
    "incomplete.test": { ...good, listener: "leaf-only" },
    // Certificate names: only the SAN counts (www left out where the certificate names the apex alone).
    "cnonly.test": { ...good, cert: "cnOnly", unpublished: ["www.cnonly.test"] },
    "sanemail.test": { ...good, cert: "sanEmailOnly", unpublished: ["www.sanemail.test"] },
    "sanmiss.test": { ...good, cert: "sanMissCn", unpublished: ["www.sanmiss.test"] },
    "partialwild.test": { ...good, cert: "partialWildcard" },
    "wildcard.test": { ...good, cert: "wildcard" },
  };
}
