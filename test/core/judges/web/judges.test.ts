/**
 * The web judges on their own: values in, the checklist's outcome out. Each outcome the catalog declares is reached,
 * and the status comes from the checklist (CHECKS.md's table), not from the caller.
 */
import { describe, expect, it } from "vitest";
import { CHECKS, type CheckId } from "../../../../checklist";
import {
  type Chain,
  type HstsSource,
  judgeHstsIncludeSubdomains,
  judgeHstsMaxAge,
  judgeHstsPreloadReady,
  judgeHstsPresent,
  judgeMixedContent,
  judgeRedirectDowngrade,
  judgeRedirectFirstHop,
  judgeRedirectHops,
  judgeTlsProtocols,
  judgeWebHttps,
  WEB_JUDGES,
} from "../../../../core/judges/web";

const D = "acme.example";
const served = (hsts: readonly string[], http: readonly string[] = []): HstsSource => ({ kind: "response", url: `https://${D}/`, https: hsts, http });
const hop = (from: string, to: string) => ({ from, to, status: 301 });
const chain = (start: string, tos: readonly string[], end?: Chain["end"]): Chain => {
  const urls = [start, ...tos];
  return { start, hops: tos.map((t, i) => hop(urls[i]!, t)), end: end ?? { kind: "final", url: urls.at(-1)!, status: 200 } };
};

describe("every web judge is registered and every outcome it names is declared in the checklist", () => {
  it("registers the ten web-family IDs judged before and after apply", () => {
    expect(Object.keys(WEB_JUDGES).sort()).toEqual(
      ["hsts.include_subdomains", "hsts.max_age", "hsts.preload_ready", "hsts.present", "tls.protocols", "web.https", "web.mixed_content", "web.redirect_downgrade", "web.redirect_first_hop", "web.redirect_hops"].sort(),
    );
    for (const id of Object.keys(WEB_JUDGES) as CheckId[]) expect(Object.keys(CHECKS[id].outcomes ?? {}).length, id).toBeGreaterThan(1);
  });
});

describe("hsts.* judges", () => {
  it.each([
    [["max-age=31536000; includeSubDomains"], [], "pass", "one-valid"],
    [[], [], "fail", "missing"],
    [["max-age=1", "max-age=2"], [], "fail", "several"],
    [["max-age=abc"], [], "fail", "invalid"],
    // RFC 6797 §7.2/§8.1: over plain http the header is ignored and must not be sent; the checklist asks HTTPS answers.
    [[], ["max-age=63072000; includeSubDomains"], "fail", "http-only"],
  ] as const)("hsts.present: https %j, http %j → %s (%s)", (https, http, status, outcome) => {
    expect(judgeHstsPresent(served(https, http))).toMatchObject({ status, outcome });
  });

  it("hsts.present fails when the apex serves no HTTPS, and cannot tell when unknown", () => {
    expect(judgeHstsPresent({ kind: "no-https", host: D, reason: "refused" })).toMatchObject({ status: "fail", outcome: "no-https" });
    expect(judgeHstsPresent({ kind: "unknown", host: D, reason: "timed out" }).status).toBe("cannot-tell");
  });

  it.each([
    [31536000, "pass", "one-year"],
    [31535999, "warn", "half-year"],
    [15552000, "warn", "half-year"],
    [15551999, "fail", "short"],
    [0, "fail", "short"],
  ] as const)("hsts.max_age %i → %s", (maxAge, status, outcome) => {
    expect(judgeHstsMaxAge(served([`max-age=${maxAge}`]))).toMatchObject({ status, outcome });
  });

  it("the dependants are not applicable without a valid header: never a pass", () => {
    for (const judge of [judgeHstsMaxAge, judgeHstsIncludeSubdomains]) {
      expect(judge(served([])).status).toBe("not-applicable");
      expect(judge({ kind: "no-https", host: D, reason: "SSL off" }).status).toBe("not-applicable");
    }
  });

  it("hsts.include_subdomains absent warns", () => {
    expect(judgeHstsIncludeSubdomains(served(["max-age=31536000"]))).toMatchObject({ status: "warn", outcome: "absent" });
    expect(judgeHstsIncludeSubdomains(served(["max-age=31536000; includeSubDomains"]))).toMatchObject({ status: "pass", outcome: "present" });
  });

  it("hsts.preload_ready: eligible, ineligible (warn), not requested (info), undecided (cannot tell)", () => {
    const good = { apex: D, apexHttp: chain(`http://${D}/`, [`https://${D}/`]), www: { kind: "redirected", host: `www.${D}`, to: `https://${D}/` } } as const;
    const policy = served(["max-age=63072000; includeSubDomains; preload"]);
    expect(judgeHstsPreloadReady({ ...good, hsts: policy })).toMatchObject({ status: "pass", outcome: "eligible" });
    expect(judgeHstsPreloadReady({ ...good, hsts: served(["max-age=63072000; includeSubDomains"]) })).toMatchObject({ status: "info", outcome: "not-requested" });
    expect(judgeHstsPreloadReady({ ...good, hsts: policy, apexHttp: chain(`http://${D}/`, [`https://www.${D}/`]) })).toMatchObject({ status: "warn", outcome: "ineligible" });
    expect(judgeHstsPreloadReady({ ...good, hsts: policy, subdomainsWithoutHttps: ["legacy.acme.example"] })).toMatchObject({ status: "warn", facts: [expect.stringMatching(/legacy\.acme\.example is not known to serve HTTPS/)] });
    expect(judgeHstsPreloadReady({ ...good, hsts: policy, apexHttp: { start: `http://${D}/`, hops: [], end: { kind: "unknown", url: `http://${D}/`, reason: "timed out" } } }).status).toBe("cannot-tell");
  });
});

describe("web.https", () => {
  const apex = { kind: "served", host: D, url: `https://${D}/` } as const;
  it.each([
    [{ kind: "redirected", host: `www.${D}`, to: `https://${D}/` }, "pass", "both"],
    [{ kind: "no-address", host: `www.${D}` }, "warn", "www-missing"],
    [{ kind: "no-answer", host: `www.${D}`, reason: "refused" }, "warn", "www-no-https"],
    [{ kind: "downgraded", host: `www.${D}`, to: `http://www.${D}/` }, "warn", "www-no-https"],
  ] as const)("www %j → %s", (www, status, outcome) => {
    expect(judgeWebHttps({ apex, www })).toMatchObject({ status, outcome });
  });
  it("fails an apex with no address, no answer, or only a redirect to http; cannot tell an unknown one", () => {
    const www = { kind: "served", host: `www.${D}`, url: `https://www.${D}/` } as const;
    for (const a of [{ kind: "no-address", host: D }, { kind: "no-answer", host: D, reason: "refused" }, { kind: "downgraded", host: D, to: `http://${D}/` }] as const) {
      expect(judgeWebHttps({ apex: a, www })).toMatchObject({ status: "fail", outcome: "apex-no-https" });
    }
    expect(judgeWebHttps({ apex: { kind: "unknown", host: D, reason: "timed out" }, www }).status).toBe("cannot-tell");
  });
});

describe("redirect judges", () => {
  const canon = [D];
  it("web.redirect_first_hop: https to the same host or canonical passes; elsewhere warns; plain http or none fails", () => {
    expect(judgeRedirectFirstHop({ chains: [chain(`http://www.${D}/`, [`https://${D}/`])], canonicalHosts: canon })).toMatchObject({ status: "pass", outcome: "https" });
    expect(judgeRedirectFirstHop({ chains: [chain(`http://www.${D}/`, [`https://go.${D}/`, `https://${D}/`])], canonicalHosts: canon })).toMatchObject({ status: "warn", outcome: "https-elsewhere" });
    expect(judgeRedirectFirstHop({ chains: [chain(`http://www.${D}/`, [`http://${D}/`, `https://${D}/`])], canonicalHosts: canon })).toMatchObject({ status: "fail", outcome: "plain-http" });
    expect(judgeRedirectFirstHop({ chains: [chain(`http://${D}/`, [])], canonicalHosts: canon })).toMatchObject({ status: "fail", outcome: "no-redirect" });
  });

  it("web.redirect_hops: 1 hop passes, 2–3 warn, more or a loop fail (CHECKS.md)", () => {
    const hops = (n: number) => chain(`http://www.${D}/`, Array.from({ length: n }, (_, i) => (i === n - 1 ? `https://${D}/` : `https://h${i}.${D}/`)));
    expect(judgeRedirectHops({ chains: [hops(1)] })).toMatchObject({ status: "pass", outcome: "one-hop" });
    expect(judgeRedirectHops({ chains: [hops(2)] })).toMatchObject({ status: "warn", outcome: "extra-hops" });
    expect(judgeRedirectHops({ chains: [hops(3)] })).toMatchObject({ status: "warn", outcome: "extra-hops" });
    expect(judgeRedirectHops({ chains: [hops(4)] })).toMatchObject({ status: "fail", outcome: "too-many" });
    expect(judgeRedirectHops({ chains: [chain(`http://${D}/`, [`https://${D}/`], { kind: "loop", url: `https://${D}/` })] })).toMatchObject({ status: "fail", outcome: "loop" });
    expect(judgeRedirectHops({ chains: [hops(1), chain(`http://${D}/`, [`https://${D}/`], { kind: "unknown", url: `https://${D}/`, reason: "timed out" })] }).status).toBe("cannot-tell");
  });

  it("web.redirect_downgrade: any https → http hop fails; a cut chain cannot pass", () => {
    expect(judgeRedirectDowngrade([chain(`https://${D}/`, [`http://${D}/x`])])).toMatchObject({ status: "fail", outcome: "downgrade" });
    expect(judgeRedirectDowngrade([chain(`http://${D}/`, [`https://${D}/`])])).toMatchObject({ status: "pass", outcome: "none" });
    expect(judgeRedirectDowngrade([chain(`http://${D}/`, [`https://${D}/`], { kind: "unknown", url: `https://${D}/`, reason: "reset" })]).status).toBe("cannot-tell");
  });
});

describe("tls.protocols and web.mixed_content", () => {
  const v = (o: Record<"TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3", "offered" | "not-offered" | "unknown">) => judgeTlsProtocols({ kind: "versions", host: D, versions: o });
  it("tls.protocols: modern passes, no 1.3 warns, legacy fails, unknown cannot tell", () => {
    expect(v({ TLSv1: "not-offered", "TLSv1.1": "not-offered", "TLSv1.2": "offered", "TLSv1.3": "offered" })).toMatchObject({ status: "pass", outcome: "modern" });
    expect(v({ TLSv1: "not-offered", "TLSv1.1": "not-offered", "TLSv1.2": "offered", "TLSv1.3": "not-offered" })).toMatchObject({ status: "warn", outcome: "no-tls-1-3" });
    expect(v({ TLSv1: "offered", "TLSv1.1": "not-offered", "TLSv1.2": "offered", "TLSv1.3": "offered" })).toMatchObject({ status: "fail", outcome: "legacy" });
    expect(v({ TLSv1: "not-offered", "TLSv1.1": "unknown", "TLSv1.2": "offered", "TLSv1.3": "offered" }).status).toBe("cannot-tell");
  });
  it("web.mixed_content: active fails, passive warns, a cut clean page cannot pass", () => {
    const page = { kind: "page", url: `https://${D}/`, contentType: "text/html", active: [], passive: [], truncated: false, bytesScanned: 10 } as const;
    expect(judgeMixedContent(page)).toMatchObject({ status: "pass", outcome: "clean" });
    expect(judgeMixedContent({ ...page, active: ['<script src="http://x/">'] })).toMatchObject({ status: "fail", outcome: "active" });
    expect(judgeMixedContent({ ...page, passive: ['<img src="http://x/">'] })).toMatchObject({ status: "warn", outcome: "passive" });
    expect(judgeMixedContent({ ...page, truncated: true }).status).toBe("cannot-tell");
  });
});
