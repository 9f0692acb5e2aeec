/**
 * cors.* with in-memory DNS and HTTP: the app host (`app.<domain>`, where APIs usually live) is probed too, so a
 * lookup or fetch of it that could not be decided must never let the CORS checks pass.
 */
import { describe, expect, it } from "vitest";
import { corsModule } from "../../../../audit/checks/web/cors";
import { context, fakeDns, fakeHttp, get, okText, runModule, target, type Zone } from "../email/fakes";

const D = "acme.example";
const page = (url: string) => okText(url, "<!doctype html><title>acme</title>", "text/html");

async function cors(zone: Zone, urls: readonly string[]) {
  const http = fakeHttp(Object.fromEntries(urls.map((u) => [u, page(u)])));
  return runModule(corsModule, target(D), context({ dns: fakeDns(zone), http }));
}

describe("CORS checks and the app host", () => {
  it("pass when the landing page and the app host echo no attacker Origin", async () => {
    const r = await cors({ [D]: { A: ["192.0.2.1"] }, [`app.${D}`]: { A: ["192.0.2.2"] } }, [`https://${D}/`, `https://app.${D}/`]);
    expect(get(r, "cors.wildcard").status).toBe("pass");
    expect(get(r, "cors.reflection")).toMatchObject({ status: "pass", summary: expect.stringContaining(`https://app.${D}/`) });
  });

  it("pass on the landing page alone when the app host does not exist", async () => {
    const r = await cors({ [D]: { A: ["192.0.2.1"] } }, [`https://${D}/`]);
    expect(get(r, "cors.reflection").status).toBe("pass");
  });

  it("are an error, not a pass, when the app host's address lookup fails", async () => {
    const r = await cors({ [D]: { A: ["192.0.2.1"] }, [`app.${D}`]: { A: "error" } }, [`https://${D}/`]);
    for (const id of ["cors.wildcard", "cors.reflection"] as const) {
      expect(get(r, id)).toMatchObject({ status: "error", summary: expect.stringContaining(`app.${D}`) });
    }
  });

  it("are an error, not a pass, when the app host's page times out", async () => {
    const http = fakeHttp({ [`https://${D}/`]: page(`https://${D}/`), [`https://app.${D}/`]: { kind: "error", url: `https://app.${D}/`, reason: "timed out after 4000 ms", elapsedMs: 4000 } });
    const r = await runModule(corsModule, target(D), context({ dns: fakeDns({ [D]: { A: ["192.0.2.1"] }, [`app.${D}`]: { A: ["192.0.2.2"] } }), http }));
    expect(get(r, "cors.reflection")).toMatchObject({ status: "error", summary: expect.stringContaining("timed out") });
  });
});
