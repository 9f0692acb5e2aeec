/**
 * cookie.* over every Set-Cookie of every hop, with an in-memory HTTP client: a cookie set on the plain-http redirect
 * is judged like the page's own, names the URL that set it, and never lets its value through.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cookiesModule } from "../../../../audit/checks/web/cookies";
import type { HttpResult } from "../../../../audit/types";
import { context, expectedState, fakeDns, fakeHttp, get, okText, runModule, target } from "../email/fakes";

const D = "acme.example";
const PAGE_COOKIE = "__Host-session=pagesecret; Path=/; Secure; HttpOnly; SameSite=Lax";

function redirect(url: string, location: string, cookies: readonly string[]): HttpResult {
  return { kind: "response", url, status: 301, headers: { location: [location], ...(cookies.length > 0 ? { "set-cookie": cookies } : {}) }, body: "", truncated: false, elapsedMs: 1 };
}

/** http://apex → https://apex (the redirect sets `hop`), the page sets `page`; www does not exist. */
async function run(hop: readonly string[], page: readonly string[] = [PAGE_COOKIE], pageAnswers = true) {
  const http = fakeHttp({
    [`http://${D}/`]: redirect(`http://${D}/`, `https://${D}/`, hop),
    ...(pageAnswers ? { [`https://${D}/`]: okText(`https://${D}/`, "<p>hi</p>", "text/html", 200, page.length > 0 ? { "set-cookie": page } : {}) } : {}),
  });
  return runModule(cookiesModule, target(D), context({ dns: fakeDns({ [D]: { A: ["192.0.2.1"] } }), http, expected: expectedState({ canonicalHost: D }) }));
}

describe("cookies on every hop", () => {
  it("passes when only the HTTPS page sets a flawless cookie", async () => {
    const r = await run([]);
    expect(get(r, "cookie.secure")).toMatchObject({ status: "pass" });
  });

  it("fails a session cookie without Secure set on the plain-http redirect, naming the URL", async () => {
    const r = await run(["sid=hopsecret; Path=/; HttpOnly; SameSite=Lax"]);
    expect(get(r, "cookie.secure")).toMatchObject({ status: "fail", summary: `sid lacks Secure (set by http://${D}/)` });
  });

  it("fails a Secure session cookie and a prefixed cookie sent over http, since the value crossed in clear and browsers drop it", async () => {
    const r = await run(["__Secure-auth=hopsecret; Path=/; Secure; HttpOnly; SameSite=Strict"]);
    expect(get(r, "cookie.secure")).toMatchObject({ status: "fail", summary: expect.stringMatching(/__Secure-auth is set over plain http:\/\//) });
    expect(get(r, "cookie.prefix")).toMatchObject({ status: "fail", summary: expect.stringMatching(/__Secure-auth: prefixed cookie set over plain http:\/\/ \(http:\/\/acme\.example\/\)/) });
  });

  it("judges hop cookies even when the HTTPS page cannot be fetched, but never passes without it", async () => {
    const bad = await run(["sid=hopsecret; Path=/"], [], false);
    expect(get(bad, "cookie.secure").status).toBe("fail");
    const clean = await run(["pref=hopsecret; Path=/; HttpOnly; SameSite=Lax"], [], false);
    expect(get(clean, "cookie.secure").status).toBe("warn");
    for (const id of ["cookie.httponly", "cookie.samesite"] as const) {
      expect(get(clean, id)).toMatchObject({ status: "skip", summary: expect.stringMatching(/No HTTPS page from acme\.example/) });
    }
  });

  it("never passes cookie.secure when any hop sets a cookie without Secure, and never shows a value", async () => {
    const attrs = fc.subarray(["Secure", "HttpOnly", "SameSite=Lax", "Path=/"]);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("sid", "theme", "auth_token", "pref"), attrs, async (name, flags) => {
        const r = await run([[`${name}=hopsecret`, ...flags].join("; ")]);
        const secure = get(r, "cookie.secure");
        // Over plain http even a Secure cookie is a finding; a Secure-less one always is.
        expect(secure.status).not.toBe("pass");
        expect(JSON.stringify([...r.values()])).not.toMatch(/hopsecret|pagesecret/);
      }),
      { numRuns: 40 },
    );
  });
});
