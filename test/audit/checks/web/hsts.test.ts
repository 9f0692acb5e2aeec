/**
 * hsts.preload_ready with in-memory DNS and HTTP: a preload rule the domain breaks is a warning, but a fetch that
 * timed out decides no rule, so it is an error rather than "not eligible" (CHECKS.md: error means undecided).
 */
import { describe, expect, it } from "vitest";
import { hstsModule } from "../../../../audit/checks/web/hsts";
import type { HttpResult } from "../../../../audit/types";
import { context, fakeDns, fakeHttp, get, okText, runModule, target } from "../email/fakes";

const D = "acme.example";
const HSTS = "max-age=63072000; includeSubDomains; preload";
const apexPage = okText(`https://${D}/`, "<!doctype html>", "text/html", 200, { "strict-transport-security": [HSTS] });
const redirect = (from: string, to: string): HttpResult => ({ kind: "response", url: from, status: 301, headers: { location: [to] }, body: "", truncated: false, elapsedMs: 1 });
const failure = (url: string, reason: string): HttpResult => ({ kind: "error", url, reason, elapsedMs: 1 });

async function preload(httpApex: HttpResult) {
  const http = fakeHttp({ [`https://${D}/`]: apexPage, [`http://${D}/`]: httpApex });
  const r = await runModule(hstsModule, target(D), context({ dns: fakeDns({ [D]: { A: ["192.0.2.1"] } }), http }));
  return get(r, "hsts.preload_ready");
}

describe("hsts.preload_ready", () => {
  it("passes when http:// redirects to https on the same host first", async () => {
    expect((await preload(redirect(`http://${D}/`, `https://${D}/`))).status).toBe("pass");
  });
  it("warns when nothing listens on port 80 (the rule is broken, not undecided)", async () => {
    expect(await preload(failure(`http://${D}/`, "connect ECONNREFUSED 192.0.2.1:80"))).toMatchObject({ status: "warn", summary: expect.stringContaining("does not redirect") });
  });
  it("is an error, not 'not eligible', when http:// timed out", async () => {
    expect(await preload(failure(`http://${D}/`, "timed out after 4000 ms"))).toMatchObject({ status: "error", summary: expect.stringContaining("timed out") });
  });
});

describe("hsts.present over plain http only", () => {
  it("fails (RFC 6797 §7.2, §8.1: the checklist asks HTTPS answers to carry it), where it used to warn", async () => {
    const noHsts = okText(`https://${D}/`, "<!doctype html>", "text/html");
    const http = fakeHttp({ [`https://${D}/`]: noHsts, [`http://${D}/`]: { kind: "response", url: `http://${D}/`, status: 301, headers: { location: [`https://${D}/`], "strict-transport-security": [HSTS] }, body: "", truncated: false, elapsedMs: 1 } });
    const r = await runModule(hstsModule, target(D), context({ dns: fakeDns({ [D]: { A: ["192.0.2.1"] } }), http }));
    expect(get(r, "hsts.present")).toMatchObject({ status: "fail", summary: expect.stringMatching(/only the plain-http answer does/), evidence: { outcome: "http-only" } });
    expect(get(r, "hsts.max_age").status).toBe("skip");
  });

  it("fails when the apex answers HTTPS only with a redirect to plain http (Cloudflare's SSL mode off)", async () => {
    const http = fakeHttp({ [`https://${D}/`]: redirect(`https://${D}/`, `http://${D}/`), [`http://${D}/`]: okText(`http://${D}/`, "plain", "text/html") });
    const r = await runModule(hstsModule, target(D), context({ dns: fakeDns({ [D]: { A: ["192.0.2.1"] } }), http }));
    expect(get(r, "hsts.present")).toMatchObject({ status: "fail", evidence: { outcome: "no-https" } });
    for (const id of ["hsts.max_age", "hsts.include_subdomains", "hsts.preload_ready"] as const) expect(get(r, id).status).toBe("skip");
  });
});
