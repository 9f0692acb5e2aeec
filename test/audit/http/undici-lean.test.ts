import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as lean from "../../../audit/http/undici-lean";

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
});
