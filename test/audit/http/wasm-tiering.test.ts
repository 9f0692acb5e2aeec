import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../helpers/temp-dir";

const ROOT = resolve(__dirname, "../../..");

/**
 * A child process that sends `requests` GETs through undici's Agent to a loopback server it starts itself, with V8
 * tracing every wasm compilation. `lean` loads the auditor's undici (audit/http/undici-lean.ts); otherwise undici
 * exactly as installed.
 */
function traceWasm(lean: boolean, requests: number): string {
  const dir = tempDir("wasm-tiering");
  // The same two undici files either way; only whether the auditor's module loaded them differs.
  const undici = lean ? `require(${JSON.stringify(join(ROOT, "audit/http/undici-lean.ts"))})` : `{ Agent: require("undici/lib/dispatcher/agent.js"), request: (a, o) => require("undici/lib/api/api-request.js").call(a, o) }`;
  const script = dir.write(
    "run.cjs",
    [
      lean ? `require("tsx/cjs");` : "",
      `const http = require("node:http");`,
      `const { Agent, request } = ${undici};`,
      `const server = http.createServer((_q, s) => s.end("x".repeat(2000))).listen(0, "127.0.0.1", async () => {`,
      `  const agent = new Agent();`,
      `  for (let i = 0; i < ${requests}; i++) {`,
      `    const r = await request(agent, { origin: "http://127.0.0.1:" + server.address().port, path: "/", method: "GET" });`,
      `    await r.body.text();`,
      `  }`,
      `  await agent.close(); server.close();`,
      `});`,
    ].join("\n"),
  );
  try {
    const r = spawnSync(process.execPath, ["--trace-wasm-compilation-times", script], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  } finally {
    dir.cleanup();
  }
}

describe("undici's wasm parser in the auditor (audit/http/wasm-tiering.ts)", () => {
  it("is tiered up to TurboFan after a few requests under V8's default budget (why the switch exists)", () => {
    // If this starts failing, V8 or undici changed: the switch may be obsolete; re-measure before removing it.
    const trace = traceWasm(false, 20);
    expect(trace).toMatch(/using Liftoff/);
    expect(trace).toMatch(/using TurboFan/);
  });

  it("stays on Liftoff in the auditor's process for the same requests, so the process exits when its work is done", () => {
    const trace = traceWasm(true, 20);
    expect(trace).toMatch(/using Liftoff/);
    expect(trace).not.toMatch(/using TurboFan/);
  });
});
