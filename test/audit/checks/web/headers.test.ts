/**
 * hdr.framing with an in-memory page: frame-ancestors decides framing when present (browsers then ignore
 * X-Frame-Options), so a value that admits any site is no protection.
 */
import { describe, expect, it } from "vitest";
import { headersModule } from "../../../../audit/checks/web/headers";
import { context, fakeDns, fakeHttp, get, okText, runModule, target } from "../email/fakes";

const D = "acme.example";

async function framing(headers: Record<string, readonly string[]>) {
  const http = fakeHttp({ [`https://${D}/`]: okText(`https://${D}/`, "<!doctype html>", "text/html", 200, headers) });
  const r = await runModule(headersModule, target(D), context({ dns: fakeDns({ [D]: { A: ["192.0.2.1"] } }), http }));
  return get(r, "hdr.framing");
}

describe("hdr.framing", () => {
  it.each(["'none'", "'self'", "'self' https://partner.example"])("passes frame-ancestors %s", async (value) => {
    expect((await framing({ "content-security-policy": [`default-src 'self'; frame-ancestors ${value}`] })).status).toBe("pass");
  });
  it.each(["*", "https:", "'self' *"])("fails frame-ancestors %s, even beside X-Frame-Options DENY", async (value) => {
    const r = await framing({ "content-security-policy": [`default-src 'self'; frame-ancestors ${value}`], "x-frame-options": ["DENY"] });
    expect(r).toMatchObject({ status: "fail", summary: expect.stringContaining("any site") });
  });
  it("passes X-Frame-Options DENY without frame-ancestors", async () => {
    expect((await framing({ "x-frame-options": ["DENY"] })).status).toBe("pass");
  });
});
