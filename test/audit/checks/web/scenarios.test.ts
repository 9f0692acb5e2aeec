/**
 * Every web check against the loopback lab, through the real client and TLS probe, with `--connect-to` rules
 * pointing every lab name at the lab's ports and the lab root as the only extra trust anchor.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CheckId } from "../../../../checklist";
import { WEB_CHECKS } from "../../../../audit/checks/web";
import { createHttpClient } from "../../../../audit/http/client";
import { createTlsProbe } from "../../../../audit/http/tls-probe";
import type { AuditContext, AuditStatus, CheckResult, ExpectedDomainState, HttpClient, HttpRequest } from "../../../../audit/types";
import { labPkiAvailable } from "../../lab/pki";
import { startWebLab, type WebLab } from "../../lab/web/server";
import { COOKIE_SECRET_MARK } from "../../lab/web/sites";

let lab: WebLab;
let client: ReturnType<typeof createHttpClient>;
let faultClient: ReturnType<typeof createHttpClient>;
/** Generous for a loaded 2-core machine; fault scenarios use a short one so they prove the bound quickly. */
const TIMEOUT_MS = 4000;
const FAULT_TIMEOUT_MS = 1000;


const ENDPOINTS = { login: "/login", reset: "/reset", invite: "/invite", search: "/search?q=a" };

function expectedFor(domain: string, over: Partial<ExpectedDomainState> = {}): ExpectedDomainState {
  return { sending: true, dkimSelectors: [], mxHosts: [], caaIssuers: [], canonicalHost: domain, aliases: [`www.${domain}`], endpoints: ENDPOINTS, ...over };
}

interface RunOptions {
  readonly rate?: boolean;
  readonly expected?: ExpectedDomainState | null;
  readonly http?: HttpClient;
  readonly fault?: boolean;
}

async function audit(domain: string, o: RunOptions = {}): Promise<{ byId: Map<CheckId, CheckResult>; all: CheckResult[] }> {
  const ctx: AuditContext = {
    dns: lab.dns,
    http: o.http ?? (o.fault ? faultClient : client),
    tls: createTlsProbe({ connectTo: lab.connectTo, caPem: lab.rootPem, timeoutMs: o.fault ? FAULT_TIMEOUT_MS : TIMEOUT_MS, dns: lab.dns }),
    ...(o.expected === null ? {} : { expected: o.expected ?? expectedFor(domain) }),
    probes: new Set(o.rate ? ["rate" as const] : []),
    now: () => new Date(),
    signal: new AbortController().signal,
  };
  const target = { name: domain, display: domain, orgDomain: domain };
  const all: CheckResult[] = [];
  for (const m of WEB_CHECKS) {
    const results = await m.run(target, ctx);
    // Each ID exactly once, in the module's order (thrown, not asserted, so concurrent tests report it as theirs).
    const ids = results.map((r) => r.id).join(",");
    if (ids !== m.ids.join(",")) throw new Error(`module ${m.ids.join(",")} reported ${ids}`);
    all.push(...results);
  }
  return { byId: new Map(all.map((r) => [r.id, r])), all };
}

type Expectations = Partial<Record<CheckId, AuditStatus>>;

const SCENARIOS: readonly [string, Expectations, RunOptions?][] = [
  ["good.test", {
    "web.https": "pass", "web.redirect_first_hop": "pass", "web.redirect_hops": "pass", "web.redirect_downgrade": "pass",
    "web.mixed_content": "pass", "hsts.present": "pass", "hsts.max_age": "pass", "hsts.include_subdomains": "pass",
    "hsts.preload_ready": "pass", "tls.cert_valid": "pass", "tls.cert_expiry": "pass", "tls.protocols": "pass",
    "tls.key_sig": "pass", "hdr.csp": "pass", "hdr.xcto": "pass", "hdr.framing": "pass", "hdr.referrer": "pass",
    "cors.wildcard": "pass", "cors.reflection": "pass", "cookie.secure": "pass", "cookie.httponly": "pass",
    "cookie.samesite": "pass", "cookie.prefix": "pass", "rate.login": "pass", "rate.reset": "pass", "rate.invite": "pass",
    "rate.search": "pass", "secrets.client_bundle": "pass",
  }, { rate: true }],
  ["nowww.test", { "web.https": "warn", "web.redirect_first_hop": "pass" }],
  ["twohop.test", { "web.redirect_first_hop": "pass", "web.redirect_hops": "warn", "web.redirect_downgrade": "pass" }],
  ["plainhop.test", { "web.redirect_first_hop": "fail", "web.redirect_hops": "warn" }],
  ["loop.test", { "web.https": "pass", "web.redirect_hops": "fail" }],
  ["endless.test", { "web.redirect_hops": "fail" }],
  ["downgrade.test", { "web.redirect_downgrade": "fail", "web.redirect_hops": "warn" }],
  ["nohttps.test", { "web.https": "fail", "web.redirect_first_hop": "fail", "web.redirect_hops": "fail", "hsts.present": "fail", "tls.cert_valid": "skip", "tls.protocols": "skip", "hdr.csp": "skip" }],
  ["bare.test", { "hdr.csp": "fail", "hdr.xcto": "fail", "hdr.framing": "fail", "hdr.referrer": "warn", "hsts.present": "fail", "hsts.max_age": "skip", "cookie.secure": "info" }],
  ["weakhdr.test", { "hdr.csp": "warn", "hdr.framing": "pass", "hdr.referrer": "fail", "hsts.present": "pass", "hsts.max_age": "fail", "hsts.include_subdomains": "warn", "hsts.preload_ready": "warn" }],
  ["reportonly.test", { "hdr.csp": "warn", "hdr.referrer": "warn", "hsts.max_age": "warn", "hsts.include_subdomains": "pass", "hsts.preload_ready": "info" }],
  ["hstsdup.test", { "hsts.present": "fail" }],
  ["hstsbad.test", { "hsts.present": "fail" }],
  ["hstshttp.test", { "hsts.present": "fail", "hsts.max_age": "skip" }],
  ["corsreflect.test", { "cors.reflection": "fail", "cors.wildcard": "pass" }],
  ["corsecho.test", { "cors.reflection": "warn" }],
  ["corsapp.test", { "cors.reflection": "fail", "hdr.csp": "pass" }],
  ["corswild.test", { "cors.wildcard": "warn", "cors.reflection": "pass" }],
  ["corswildcred.test", { "cors.wildcard": "fail" }],
  ["cookies.test", { "cookie.secure": "fail", "cookie.httponly": "fail", "cookie.samesite": "fail", "cookie.prefix": "fail" }],
  ["samesitenone.test", { "cookie.secure": "pass", "cookie.httponly": "pass", "cookie.samesite": "warn", "cookie.prefix": "warn" }],
  // Cookies on the http:// hops count as much as the page's (the page's own __Host-session is flawless).
  ["cookiehop.test", { "cookie.secure": "fail", "cookie.httponly": "pass", "cookie.samesite": "pass", "cookie.prefix": "warn" }],
  ["cookiehopsecure.test", { "cookie.secure": "fail", "cookie.httponly": "pass", "cookie.samesite": "pass", "cookie.prefix": "fail" }],
  ["cookiewww.test", { "cookie.secure": "warn", "cookie.httponly": "warn", "cookie.samesite": "warn", "cookie.prefix": "pass" }],
  ["cookiehopnone.test", { "cookie.secure": "warn", "cookie.httponly": "pass", "cookie.samesite": "fail", "cookie.prefix": "pass" }],
  ["mixed.test", { "web.mixed_content": "fail" }],
  ["mixedpassive.test", { "web.mixed_content": "warn" }],
  ["mixedbase.test", { "web.mixed_content": "fail" }],
  ["mixedbaseimg.test", { "web.mixed_content": "warn" }],
  ["mixedprotorel.test", { "web.mixed_content": "fail" }],
  ["mixedsrcset.test", { "web.mixed_content": "warn" }],
  ["mixedcss.test", { "web.mixed_content": "fail" }],
  ["mixedinline.test", { "web.mixed_content": "warn" }],
  ["basesecure.test", { "web.mixed_content": "pass" }],
  ["bundleleak.test", { "secrets.client_bundle": "fail", "web.mixed_content": "pass" }],
  ["norate.test", { "rate.login": "fail", "rate.reset": "fail", "rate.invite": "fail", "rate.search": "fail" }, { rate: true }],
  ["ratehdr.test", { "rate.login": "warn", "rate.search": "warn" }, { rate: true }],
  ["expired.test", { "tls.cert_valid": "fail", "tls.cert_expiry": "fail", "web.https": "fail" }],
  ["expiring.test", { "tls.cert_valid": "pass", "tls.cert_expiry": "fail" }],
  ["expiring20.test", { "tls.cert_expiry": "warn" }],
  ["thirdleft.test", { "tls.cert_expiry": "warn" }],
  ["notyet.test", { "tls.cert_valid": "fail" }],
  ["wronghost.test", { "tls.cert_valid": "fail" }],
  ["selfsigned.test", { "tls.cert_valid": "fail" }],
  ["rsa1024.test", { "tls.key_sig": "fail" }],
  ["sha1.test", { "tls.key_sig": "fail" }],
  ["incomplete.test", { "tls.cert_valid": "fail", "web.https": "fail" }],
  ["oldtls.test", { "tls.protocols": "fail", "tls.cert_valid": "pass" }],
  ["huge.test", { "web.mixed_content": "error", "hdr.csp": "pass", "secrets.client_bundle": "warn" }],
  // Certificate names as browsers match them: the SAN only, a wildcard for one whole label (RFC 9110 §4.3.4).
  ["cnonly.test", { "tls.cert_valid": "fail", "web.https": "fail" }],
  ["sanemail.test", { "tls.cert_valid": "fail", "web.https": "fail" }],
  ["sanmiss.test", { "tls.cert_valid": "fail", "web.https": "fail" }],
  ["partialwild.test", { "tls.cert_valid": "fail" }],
  ["wildcard.test", { "tls.cert_valid": "pass", "web.https": "pass" }],
];

describe.runIf(labPkiAvailable())("web checks on the lab", () => {
  beforeAll(async () => {
    lab = await startWebLab();
    client = createHttpClient({ connectTo: lab.connectTo, caPem: lab.rootPem, timeoutMs: TIMEOUT_MS, dns: lab.dns });
    faultClient = createHttpClient({ connectTo: lab.connectTo, caPem: lab.rootPem, timeoutMs: FAULT_TIMEOUT_MS, dns: lab.dns });
  });
  afterAll(async () => {
    await client?.close();
    await faultClient?.close();
    await lab?.close();
  });
  beforeEach(() => lab.resetCounters());

  // One at a time: side by side they starve a loaded 2-core machine into timeouts, which would test the machine.
  it.for(SCENARIOS)("%s", async ([domain, expected, options]) => {
    const { byId } = await audit(domain, options);
    const got = Object.fromEntries(Object.keys(expected).map((id) => [id, byId.get(id as CheckId)?.status]));
    const why = Object.fromEntries(Object.keys(expected).map((id) => [id, byId.get(id as CheckId)?.summary]));
    expect(got, JSON.stringify(why, null, 1)).toEqual(expected);
  });

  it("has a passing and a failing scenario for every web check", () => {
    // Rows of CHECKS.md without a fail column fail at most as a warning.
    const warnAtWorst = new Set<CheckId>(["hsts.include_subdomains", "hsts.preload_ready"]);
    const missing: string[] = [];
    for (const id of WEB_CHECKS.flatMap((m) => m.ids)) {
      const statuses = SCENARIOS.map(([, e]) => e[id]);
      if (!statuses.includes("pass")) missing.push(`${id}: no pass`);
      if (!statuses.includes(warnAtWorst.has(id) ? "warn" : "fail")) missing.push(`${id}: no fail`);
    }
    expect(missing).toEqual([]);
  });

  it("skips rate probes unless asked, and without a declared endpoint, saying why", async () => {
    const off = await audit("norate.test");
    expect(off.byId.get("rate.login")).toMatchObject({ status: "skip", summary: expect.stringMatching(/--probe rate/) });
    const unknown = await audit("norate.test", { rate: true, expected: expectedFor("norate.test", { endpoints: {} }) });
    expect(unknown.byId.get("rate.login")).toMatchObject({ status: "skip", summary: expect.stringMatching(/No login endpoint is known/) });
    expect(lab.hits.size).toBe(0);
  });

  it("stops a burst at the first 429 and never sends more than the bound", async () => {
    const { byId } = await audit("good.test", { rate: true });
    expect(byId.get("rate.login")?.summary).toMatch(/429 at request 6 \(Retry-After: 30\)/);
    expect(lab.hits.get("good.test /login")).toBe(6);
    lab.resetCounters();
    await audit("norate.test", { rate: true });
    expect(lab.hits.get("norate.test /login")).toBe(30);
  });

  it("says which certificate problem it found", async () => {
    const summary = async (d: string) => (await audit(d)).byId.get("tls.cert_valid")?.summary;
    expect(await summary("incomplete.test")).toMatch(/chain is incomplete/);
    expect(await summary("wronghost.test")).toMatch(/does not name wronghost\.test \(it names wrong-host\.lab\.invalid\)/);
    expect(await summary("expired.test")).toMatch(/expired on/);
    expect(await summary("cnonly.test")).toMatch(/cnonly\.test: the certificate has no subjectAltName naming cnonly\.test \(its subject is CN=cnonly\.test, .*browsers ignore the CN\)/);
    expect(await summary("partialwild.test")).toMatch(/www\.partialwild\.test: the certificate does not name www\.partialwild\.test \(it names partialwild\.test, w\*\.partialwild\.test\)/);
    expect((await audit("sha1.test")).byId.get("tls.key_sig")?.summary).toMatch(/signed with ecdsa-with-SHA1/);
    expect((await audit("rsa1024.test")).byId.get("tls.key_sig")?.summary).toMatch(/RSA 1024-bit key \(< 2048\)/);
  });

  it("names the URL that set each cookie, the plain-http redirect included", async () => {
    const { byId } = await audit("cookiehop.test");
    expect(byId.get("cookie.secure")?.summary).toBe("sid lacks Secure (set by http://cookiehop.test/, http://www.cookiehop.test/)");
    expect(byId.get("cookie.secure")?.evidence["cookies"]).toEqual([
      "sid: HttpOnly; SameSite=lax; Path=/ [session-like] (set by http://cookiehop.test/, http://www.cookiehop.test/)",
      "__Host-session: Secure; HttpOnly; SameSite=lax; Path=/ [session-like] (set by https://cookiehop.test/)",
    ]);
    const secure = await audit("cookiehopsecure.test");
    expect(secure.byId.get("cookie.secure")?.summary).toMatch(/^__Host-sid is set over plain http:\/\/ \(http:\/\/cookiehopsecure\.test\/, http:\/\/www\.cookiehopsecure\.test\/\)/);
    expect(secure.byId.get("cookie.prefix")?.summary).toMatch(/__Host-sid: prefixed cookie set over plain http:\/\//);
    expect((await audit("cookiewww.test")).byId.get("cookie.secure")?.summary).toBe("theme lacks Secure (set by http://www.cookiewww.test/)");
  });

  it("shows the URL a base element turns a relative subresource into", async () => {
    const r = (await audit("mixedbase.test")).byId.get("web.mixed_content");
    expect(r?.summary).toMatch(/<script src="app\.js"> → http:\/\/static\.mixedbase\.test\/assets\/app\.js/);
    expect(r?.evidence["base"]).toBe('<base href="http://static.mixedbase.test/assets/"> makes relative URLs resolve against http://static.mixedbase.test/assets/');
  });

  it("reports the redirect chain with status codes as evidence", async () => {
    const { byId } = await audit("twohop.test");
    expect(byId.get("web.redirect_hops")?.evidence["http://www.twohop.test/"]).toEqual([
      "301 http://www.twohop.test/ → https://www.twohop.test/",
      "301 https://www.twohop.test/ → https://twohop.test/",
      "200 https://twohop.test/",
    ]);
  });

  it("names cookies but never puts a cookie value in a report", async () => {
    for (const domain of ["good.test", "cookies.test", "samesitenone.test", "cookiehop.test", "cookiehopsecure.test", "cookiewww.test"]) {
      const { all } = await audit(domain);
      const json = JSON.stringify(all);
      expect(json).toContain("ession"); // the cookie names are there...
      expect(json).toContain("(value withheld)");
      expect(json).not.toContain(COOKIE_SECRET_MARK); // ...their values never are
    }
  });

  it("fetches each URL once per run however many modules read it", async () => {
    const seen: string[] = [];
    const counting: HttpClient = {
      request(req: HttpRequest) {
        if (req.headers?.origin === undefined && req.method === undefined) seen.push(req.url);
        return client.request(req);
      },
    };
    await audit("good.test", { http: counting });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.length).toBe(new Set(seen).size);
  });

  it.each([
    ["slow.test", "error"],
    ["reset.test", "error"],
    ["stall.test", "error"],
    ["drip.test", "error"],
    ["hugeheaders.test", "error"],
    ["endless.test", "pass"],
  ] as const)(
    "fault %s: nothing hangs, throws or passes by mistake (web.https %s)",
    async (domain, https) => {
      const started = Date.now();
      const { all, byId } = await audit(domain, { rate: true, fault: domain !== "endless.test" });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(byId.get("web.https")?.status).toBe(https);
      const pageDependent = all.filter((r) => /^(hdr|cookie|cors|web\.mixed|hsts)\./.test(r.id) || r.id === "web.https");
      if (domain !== "endless.test") expect(pageDependent.filter((r) => r.status === "pass")).toEqual([]);
      for (const r of all) expect(r.summary.length).toBeGreaterThan(0);
    },
  );
});
