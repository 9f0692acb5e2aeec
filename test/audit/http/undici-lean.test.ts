import { spawnSync } from "node:child_process";
import { createSecureServer } from "node:http2";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as lean from "../../../audit/http/undici-lean";
import { createLabPki, labPkiAvailable } from "../lab/pki";

const load = createRequire(__filename);

describe("the auditor's lean undici (audit/http/undici-lean.ts)", () => {
  it("is written for the installed undici: an update fails here until its file layout is re-read", () => {
    const pkg: unknown = load("undici/package.json");
    expect(Reflect.get(pkg as object, "version")).toBe(lean.PINNED_UNDICI_VERSION);
  });

  it("gives the same Agent, connector, errors and request as undici's index", () => {
    const full: unknown = load("undici");
    expect(lean.Agent).toBe(Reflect.get(full as object, "Agent"));
    expect(lean.buildConnector).toBe(Reflect.get(full as object, "buildConnector"));
    expect(lean.errors).toBe(Reflect.get(full as object, "errors"));
    const dispatcher: unknown = Reflect.get(full as object, "Dispatcher");
    expect(Reflect.get(Reflect.get(dispatcher as object, "prototype") as object, "request")).toBe(load(lean.LEAN_PARTS.request));
  });

  it("loads a fraction of undici: not its index, fetch or WebSocket", () => {
    const script = "require('tsx/cjs'); require('./audit/http/undici-lean.ts'); process.stdout.write(JSON.stringify(Object.keys(require.cache)));";
    const r = spawnSync(process.execPath, ["-e", script], { cwd: `${__dirname}/../../..`, encoding: "utf8", timeout: 60_000 });
    const loaded = (JSON.parse(r.stdout) as string[]).filter((f) => f.includes("/node_modules/undici/"));
    expect(loaded.some((f) => f.endsWith("/node_modules/undici/index.js"))).toBe(false);
    expect(loaded.some((f) => /\/lib\/web\/(fetch|websocket)\//.test(f))).toBe(false);
    expect(loaded.length).toBeGreaterThan(0);
  });

  it("loads neither undici's HTTP/2 client nor Node's http2 with the client", () => {
    const script =
      "require('tsx/cjs'); require('./audit/http/undici-lean.ts'); process.stdout.write(JSON.stringify({ node: process.moduleLoadList.filter((m) => /http2/.test(m)), undici: Object.keys(require.cache).filter((f) => f.endsWith('client-h2.js') && require.cache[f].children.length > 0) }));";
    const r = spawnSync(process.execPath, ["-e", script], { cwd: `${__dirname}/../../..`, encoding: "utf8", timeout: 60_000 });
    expect(JSON.parse(r.stdout)).toEqual({ node: [], undici: [] });
  });

  it.runIf(labPkiAvailable())("still speaks HTTP/2 when a dispatcher allows it and the server negotiates h2", async () => {
    const pki = await createLabPki({ hosts: ["h2.test"] });
    const server = createSecureServer({ key: pki.valid.keyPem, cert: pki.valid.chainPem, allowHTTP1: false }, (_req, res) => res.end("over h2"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const agent = new lean.Agent({ allowH2: true, connect: { ca: pki.rootPem, servername: "h2.test" } });
    try {
      const { port } = server.address() as AddressInfo;
      const res = await lean.request(agent, { origin: `https://127.0.0.1:${port}`, path: "/", method: "GET" });
      expect(await res.body.text()).toBe("over h2");
    } finally {
      await agent.close();
      await new Promise((resolve) => server.close(resolve));
      await pki.cleanup();
    }
  });
});
