import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_DIR, tempDir } from "../helpers/temp-dir";

// Plain CommonJS, run by node before anything is compiled: loaded as the launcher loads it.
const { build } = require("../../bin/build.js") as { build(root: string, outdir: string): number };
const { DIR, callsImport } = require("../../bin/compile-cache.js") as { DIR: string; callsImport(content: string): boolean };

interface Run {
  status: number | null;
  stdout: string;
  stats: { hits: number; misses: number; rejected: number } | undefined;
}

describe("V8's code cache for the compiled build (bin/compile-cache.js)", () => {
  const out = tempDir("compile-cache");
  beforeAll(() => {
    build(PROJECT_DIR, out.dir);
  }, 120_000);
  afterAll(() => out.cleanup());

  /**
   * A process that turns the cache on for the build in `out` as the launcher does, then requires `entry` (a file of
   * the build) and, for the CLI, runs `args`. `flagFirst`: set the auditor's V8 flag before the cache, as the launcher does.
   */
  function run(opts: { args?: string[]; entry?: string; flagFirst?: boolean; mode?: string; builtin?: boolean }): Run {
    const dist = out.dir;
    const lines = [
      opts.flagFirst !== false ? `require(${JSON.stringify(join(dist, "audit", "http", "wasm-tiering.js"))});` : "",
      `require(${JSON.stringify(join(PROJECT_DIR, "bin", "compile-cache.js"))}).enableCompileCache(${JSON.stringify(dist)}, process.env, { builtin: ${opts.builtin === true} });`,
      opts.args !== undefined
        ? `require(${JSON.stringify(join(dist, "cli", "main.js"))}).main(["node", "launch-ready", ...${JSON.stringify(opts.args)}]).then((code) => { process.exitCode = code; });`
        : `require(${JSON.stringify(join(dist, opts.entry ?? "cli/main.js"))});`,
    ];
    const r = spawnSync(process.execPath, ["-e", lines.join("\n")], {
      cwd: PROJECT_DIR,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, VITEST: undefined, LAUNCH_READY_COMPILE_CACHE: opts.mode ?? "stats" },
    });
    const m = /compile cache: (\d+) hits, (\d+) misses, (\d+) rejected/.exec(r.stderr);
    const stats = m ? { hits: Number(m[1]), misses: Number(m[2]), rejected: Number(m[3]) } : undefined;
    return { status: r.status, stdout: r.stdout, stats };
  }

  it("compiles every file of the build once, then reads them all from the cache, with the same output", () => {
    const args = ["preview", "--stack", "example", "--json"];
    const off = run({ args, mode: "0" });
    expect(off.stats).toBeUndefined();
    expect(existsSync(join(out.dir, DIR))).toBe(false);
    const first = run({ args });
    const second = run({ args });
    expect(first.stats?.hits).toBe(0);
    expect(first.stats?.misses).toBeGreaterThan(100);
    expect(second.stats).toEqual({ hits: first.stats?.misses, misses: 0, rejected: 0 });
    expect(first.status).toBe(off.status);
    expect(second.status).toBe(off.status);
    expect(second.stdout).toBe(off.stdout);
    expect(first.stdout).toBe(off.stdout);
  }, 180_000);

  it("keeps the auditor's code cached although the auditor changes a V8 flag, because the launcher sets it first", () => {
    const entry = "audit/http/client.js";
    // Without the launcher's order, V8 rejects whatever was cached after the flag changed, on every run.
    run({ entry, flagFirst: false });
    const unordered = run({ entry, flagFirst: false });
    expect(unordered.stats?.rejected).toBeGreaterThan(0);
    run({ entry });
    const ordered = run({ entry });
    expect(ordered.stats?.misses).toBe(0);
    expect(ordered.stats?.rejected).toBe(0);
    expect(ordered.stats?.hits).toBeGreaterThan(0);
  }, 120_000);

  it("uses Node's own compile cache where Node has one (22.1 and later), in the same folder", () => {
    const args = ["preview", "--stack", "example", "--json"];
    const builtin = typeof (require("node:module") as { enableCompileCache?: unknown }).enableCompileCache === "function";
    const r = run({ args, builtin: true });
    expect(r.stdout).toBe(run({ args, mode: "0" }).stdout);
    expect(existsSync(join(out.dir, DIR, "node"))).toBe(builtin);
  }, 180_000);

  it("recovers from a damaged cache: the command still works and the cache is written again", () => {
    const args = ["preview", "--stack", "example", "--json"];
    run({ args });
    const cacheDir = join(out.dir, DIR);
    // The index intact, the code after it garbage: V8 rejects every entry.
    for (const f of readdirSync(cacheDir).filter((f) => f.endsWith(".bin"))) {
      const blob = readFileSync(join(cacheDir, f));
      blob.fill(7, 4 + blob.readUInt32LE(0));
      writeFileSync(join(cacheDir, f), blob);
    }
    const damaged = run({ args });
    expect(damaged.status).toBe(run({ args, mode: "0" }).status);
    expect(damaged.stats?.rejected).toBeGreaterThan(0);
    expect(damaged.stats?.hits).toBe(0);
    const after = run({ args });
    expect(after.stats?.rejected).toBe(0);
    expect(after.stats?.misses).toBe(0);
    // A cache cut short (a full disk) or not a cache at all: compiled as usual, never an error.
    for (const f of readdirSync(cacheDir).filter((f) => f.endsWith(".bin"))) writeFileSync(join(cacheDir, f), Buffer.alloc(4096, 7));
    const garbage = run({ args });
    expect(garbage.status).toBe(damaged.status);
    expect(garbage.stats?.hits).toBe(0);
    expect(run({ args }).stats?.misses).toBe(0);
  }, 180_000);

  /** A package in a node_modules folder of its own, loaded by a file of the build, as the SDK and its dependencies are. */
  function dependency(name: string, files: Readonly<Record<string, string>>): { pkg: string; cleanup(): void } {
    const deps = tempDir(`compile-cache-${name}`);
    const pkg = join(deps.dir, "node_modules", name);
    mkdirSync(pkg, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(pkg, file), text);
    return { pkg, cleanup: () => deps.cleanup() };
  }

  it("caches dependencies' CommonJS too, and never runs stale code for a dependency changed in place to the same length", () => {
    const { pkg, cleanup } = dependency("cache-probe", {
      "answer.js": "module.exports = 1;\n",
      "index.js": 'exports.answer = () => require("./answer"); exports.resolved = require.resolve("./answer"); exports.parent = module.children.length;\n',
    });
    writeFileSync(
      join(out.dir, "probe.js"),
      `const p = require(${JSON.stringify(pkg)}); console.log(JSON.stringify([p.answer(), p.resolved, p.parent]));\n`,
    );
    const first = run({ entry: "probe.js" });
    expect(JSON.parse(first.stdout)).toEqual([1, join(pkg, "answer.js"), 0]);
    const blob = readFileSync(join(out.dir, DIR, readdirSync(join(out.dir, DIR)).find((f) => f.endsWith(".bin")) ?? ""));
    const index = Object.keys(JSON.parse(blob.subarray(4, 4 + blob.readUInt32LE(0)).toString("utf8")) as object);
    expect(index).toEqual(expect.arrayContaining([join(pkg, "index.js"), join(pkg, "answer.js")]));
    expect(run({ entry: "probe.js" }).stats).toEqual({ hits: 3, misses: 0, rejected: 0 });
    // Same length, other text: V8 alone would accept the cached code for it and answer 1.
    writeFileSync(join(pkg, "answer.js"), "module.exports = 2;\n");
    const changed = run({ entry: "probe.js" });
    expect(JSON.parse(changed.stdout)[0]).toBe(2);
    expect(changed.stats).toEqual({ hits: 2, misses: 1, rejected: 0 });
    cleanup();
  }, 60_000);

  it("caches a dependency whose only `import(` is in its type comments, and leaves one that calls import() to Node", () => {
    const { pkg, cleanup } = dependency("import-probe", {
      // As undici and commander write their types: JSDoc on comment lines.
      "typed.js": "/**\n * @param {import('./x').T} t\n */\n// see import('y')\nmodule.exports = (t) => t;\n",
      "dynamic.js": "module.exports = () => import('node:path').then((m) => m.sep);\n",
    });
    writeFileSync(join(out.dir, "import-probe.js"), `Promise.all([require(${JSON.stringify(join(pkg, "typed.js"))})(1), require(${JSON.stringify(join(pkg, "dynamic.js"))})()]).then((v) => console.log(JSON.stringify(v)));\n`);
    expect(JSON.parse(run({ entry: "import-probe.js" }).stdout)).toEqual([1, "/"]);
    const again = run({ entry: "import-probe.js" });
    // The entry and typed.js come from the cache; dynamic.js is Node's to compile (not counted), and still imports.
    expect(again.stats).toEqual({ hits: 2, misses: 0, rejected: 0 });
    expect(JSON.parse(again.stdout)).toEqual([1, "/"]);
    expect(callsImport("const m = await import('x');")).toBe(true);
    expect(callsImport("x = `consider import('${name}')`;")).toBe(true);
    expect(callsImport("  /** @type {import('a').B} */\n  * @returns {import('c')}\n")).toBe(false);
    cleanup();
  }, 60_000);
});
