import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient } from "../../../audit/http/client";
import { parseConnectTo } from "../../../audit/http/connect-to";
import { memoryDns } from "../lab/web/memory-dns";
import { labPkiAvailable } from "../lab/pki";
import { startWebLab, type WebLab } from "../lab/web/server";

let lab: WebLab;

function client(over: Partial<Parameters<typeof createHttpClient>[0]> = {}) {
  return createHttpClient({ connectTo: lab.connectTo, caPem: lab.rootPem, timeoutMs: 2000, dns: lab.dns, ...over });
}

describe.runIf(labPkiAvailable())("audit HTTP client", () => {
  beforeAll(async () => {
    lab = await startWebLab();
  });
  afterAll(async () => {
    await lab.close();
  });
  it("connects where --connect-to says while keeping the name for SNI and Host", async () => {
    const c = client();
    try {
      const r = await c.request({ url: "https://good.test/" });
      expect(r).toMatchObject({ kind: "response", status: 200, truncated: false });
      if (r.kind === "response") expect(r.headers["strict-transport-security"]).toEqual(["max-age=63072000; includeSubDomains; preload"]);
    } finally {
      await c.close();
    }
  });

  it("sends the URL's name as SNI and Host, not the address --connect-to chose", async () => {
    const c = client();
    try {
      expect(await c.request({ url: "https://www.good.test/__whoami" })).toMatchObject({ kind: "response", body: "sni=www.good.test host=www.good.test" });
    } finally {
      await c.close();
    }
  });

  it("sends the next request to an origin over the connection the last response left open", async () => {
    let connections = 0;
    const server = http.createServer((_req, res) => res.end("ok"));
    server.on("connection", () => connections++);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    const c = client({ connectTo: [], dns: memoryDns({}) });
    try {
      for (const path of ["/", "/app.js", "/app.js.map"]) expect(await c.request({ url: `http://127.0.0.1:${port}${path}` })).toMatchObject({ kind: "response", status: 200 });
      expect(connections).toBe(1);
    } finally {
      await c.close();
      server.close();
    }
  });

  it("never follows a redirect: it returns the 301 and its Location", async () => {
    const c = client();
    try {
      const r = await c.request({ url: "http://www.good.test/login?x=1" });
      expect(r).toMatchObject({ kind: "response", status: 301 });
      if (r.kind === "response") expect(r.headers.location).toEqual(["https://good.test/login?x=1"]);
    } finally {
      await c.close();
    }
  });

  it("keeps every value of a repeated header in order", async () => {
    const c = client();
    try {
      const r = await c.request({ url: "https://cookies.test/" });
      expect(r.kind === "response" && r.headers["set-cookie"]?.map((s) => s.split("=")[0])).toEqual(["session", "theme", "__Host-pref"]);
    } finally {
      await c.close();
    }
  });

  it("resolves names through the injected DNS client when no rule gives an address", async () => {
    const dns = memoryDns({ "good.test": { A: ["127.0.0.1"] } });
    // Empty HOST2 keeps the name, so only the port is rewritten and the address must come from DNS.
    const c = client({ dns, connectTo: [parseConnectTo(`:443::${lab.httpsPort}`)] });
    try {
      expect(await c.request({ url: "https://good.test/" })).toMatchObject({ kind: "response", status: 200 });
      expect(dns.queries).toEqual(["good.test A"]);
      const missing = await c.request({ url: "https://nowhere.test/" });
      expect(missing).toMatchObject({ kind: "error", url: "https://nowhere.test/" });
      if (missing.kind === "error") expect(missing.reason).toMatch(/nowhere\.test has no A or AAAA record/);
    } finally {
      await c.close();
    }
  });

  it("reports a DNS timeout as an error naming the lookup, not as a missing host", async () => {
    const c = client({ dns: memoryDns({}, ["good.test"]), connectTo: [parseConnectTo(`:443::${lab.httpsPort}`)] });
    try {
      const r = await c.request({ url: "https://good.test/" });
      expect(r.kind === "error" && r.reason).toMatch(/DNS A lookup for good\.test failed: timed out/);
    } finally {
      await c.close();
    }
  });

  it("refuses a certificate the trust anchors do not cover, naming the URL", async () => {
    const c = client({ caPem: undefined });
    try {
      const r = await c.request({ url: "https://good.test/" });
      expect(r.kind).toBe("error");
      if (r.kind === "error") expect(r.reason).toMatch(/^GET https:\/\/good\.test\/: .*certificate/i);
    } finally {
      await c.close();
    }
  });

  it("gives up on a server that never answers within the per-request timeout", async () => {
    const c = client({ timeoutMs: 500 });
    try {
      const started = Date.now();
      const r = await c.request({ url: "https://slow.test/" });
      expect(r.kind === "error" && r.reason).toMatch(/https:\/\/slow\.test\/.*500 ms/);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await c.close();
    }
  });

  it("turns a connection reset into an error", async () => {
    const c = client();
    try {
      expect(await c.request({ url: "https://reset.test/" })).toMatchObject({ kind: "error", url: "https://reset.test/" });
    } finally {
      await c.close();
    }
  });

  it("cuts a huge body at the byte limit and says so", async () => {
    const c = client({ maxBodyBytes: 100_000 });
    try {
      const r = await c.request({ url: "https://huge.test/" });
      expect(r).toMatchObject({ kind: "response", status: 200, truncated: true });
      if (r.kind === "response") expect(Buffer.byteLength(r.body)).toBe(100_000);
    } finally {
      await c.close();
    }
  });

  it("rejects huge response headers instead of buffering them", async () => {
    const c = client();
    try {
      const r = await c.request({ url: "https://hugeheaders.test/" });
      expect(r.kind === "error" && r.reason).toMatch(/headers exceed the size limit/);
    } finally {
      await c.close();
    }
  });

  it("reaches an IPv6-only name through its AAAA record, or through a bracketed --connect-to address", async () => {
    const server = http.createServer((req, res) => res.end(`host=${req.headers.host ?? ""}`));
    server.listen(0, "::1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    const viaDns = client({ dns: memoryDns({ "v6.test": { AAAA: ["::1"] } }), connectTo: [parseConnectTo(`:80::${port}`)] });
    const viaRule = client({ dns: memoryDns({}), connectTo: [parseConnectTo(`v6.test:80:[::1]:${port}`)] });
    try {
      expect(await viaDns.request({ url: "http://v6.test/" })).toMatchObject({ kind: "response", status: 200, body: "host=v6.test" });
      expect(await viaRule.request({ url: "http://v6.test/" })).toMatchObject({ kind: "response", status: 200, body: "host=v6.test" });
    } finally {
      await viaDns.close();
      await viaRule.close();
      server.close();
    }
  });

  it("rejects URLs it must not fetch", async () => {
    const c = client();
    try {
      expect(await c.request({ url: "ftp://good.test/" })).toMatchObject({ kind: "error" });
      expect(await c.request({ url: "not a url" })).toMatchObject({ kind: "error", reason: "not a valid URL: not a url" });
    } finally {
      await c.close();
    }
  });
});
