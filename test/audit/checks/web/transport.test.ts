/**
 * web.redirect_downgrade with in-memory DNS and HTTP: an https→http hop fails, and a chain cut short by a timeout
 * may hide one, so it is an error rather than a pass.
 */
import { describe, expect, it } from "vitest";
import { transportModule } from "../../../../audit/checks/web/transport";
import type { HttpResult } from "../../../../audit/types";
import { context, fakeDns, fakeHttp, get, okText, runModule, target } from "../email/fakes";

const D = "acme.example";
const redirect = (from: string, to: string): HttpResult => ({ kind: "response", url: from, status: 301, headers: { location: [to] }, body: "", truncated: false, elapsedMs: 1 });
const timeout = (url: string): HttpResult => ({ kind: "error", url, reason: "timed out after 4000 ms", elapsedMs: 4000 });

async function downgrade(answers: Readonly<Record<string, HttpResult>>) {
  const r = await runModule(transportModule, target(D), context({ dns: fakeDns({ [D]: { A: ["192.0.2.1"] } }), http: fakeHttp(answers) }));
  return get(r, "web.redirect_downgrade");
}

describe("web.redirect_downgrade", () => {
  it("passes when every chain ends on HTTPS without going back to http", async () => {
    expect((await downgrade({ [`http://${D}/`]: redirect(`http://${D}/`, `https://${D}/`), [`https://${D}/`]: okText(`https://${D}/`, "ok", "text/html") })).status).toBe("pass");
  });
  it("fails an https → http hop", async () => {
    const r = await downgrade({ [`http://${D}/`]: redirect(`http://${D}/`, `https://${D}/`), [`https://${D}/`]: redirect(`https://${D}/`, `http://${D}/login`), [`http://${D}/login`]: okText(`http://${D}/login`, "ok", "text/html") });
    expect(r).toMatchObject({ status: "fail", summary: expect.stringContaining(`https://${D}/ → http://${D}/login`) });
  });
  it("is an error, not a pass, when a chain is cut by a timeout", async () => {
    const r = await downgrade({ [`http://${D}/`]: redirect(`http://${D}/`, `https://${D}/`), [`https://${D}/`]: timeout(`https://${D}/`) });
    expect(r).toMatchObject({ status: "error", summary: expect.stringContaining("timed out") });
  });
});

describe("web.https", () => {
  it("fails an apex that answers HTTPS only with a redirect to plain http (it used to pass: an answer is not HTTPS)", async () => {
    const r = await runModule(transportModule, target(D), context({ dns: fakeDns({ [D]: { A: ["192.0.2.1"] } }), http: fakeHttp({ [`https://${D}/`]: redirect(`https://${D}/`, `http://${D}/`), [`http://${D}/`]: okText(`http://${D}/`, "ok", "text/html") }) }));
    expect(get(r, "web.https")).toMatchObject({ status: "fail", summary: expect.stringMatching(/answers HTTPS only with a redirect to plain http:\/\/acme\.example\//), evidence: { outcome: "apex-no-https" } });
  });
});
