import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient } from "../../../../audit/http/client";
import { labPkiAvailable } from "../pki";
import { startWebLab, type WebLab } from "./server";

describe.runIf(labPkiAvailable())("the web lab", () => {
  let lab: WebLab;
  beforeAll(async () => {
    lab = await startWebLab({ extraGoodSites: ["bench-1.test", "sub.good.test"] });
  });
  afterAll(async () => {
    await lab?.close();
  });

  it("serves extra good sites, matching a host to its longest lab domain, and refuses unknown names", async () => {
    const c = createHttpClient({ connectTo: lab.connectTo, caPem: lab.rootPem, timeoutMs: 4000, dns: lab.dns });
    try {
      expect(await c.request({ url: "https://bench-1.test/" })).toMatchObject({ kind: "response", status: 200 });
      // sub.good.test is its own site: its www redirects to it, not to good.test.
      const www = await c.request({ url: "https://www.sub.good.test/" });
      expect(www.kind === "response" && www.headers.location).toEqual(["https://sub.good.test/"]);
      expect(await c.request({ url: "http://unknown.example/" })).toMatchObject({ kind: "response", status: 421 });
    } finally {
      await c.close();
    }
  });

  it("gives the CLI the same rules as --connect-to arguments", () => {
    expect(lab.connectToArgs.filter((a) => a === "--connect-to")).toHaveLength(lab.connectTo.length);
    expect(lab.connectToArgs).toContain(`:443:127.0.0.1:${lab.httpsPort}`);
  });
});
