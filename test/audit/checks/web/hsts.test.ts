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
