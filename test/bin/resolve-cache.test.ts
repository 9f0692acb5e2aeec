import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PROJECT_DIR, tempDir } from "../helpers/temp-dir";

// Plain CommonJS, run by node before anything is compiled: loaded as the launcher loads it.
const { FILE } = require("../../bin/resolve-cache.js") as { FILE: string };

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  stats: { hits: number; misses: number } | undefined;
}

describe("Node's require answers kept between runs (bin/resolve-cache.js)", () => {
  let project: ReturnType<typeof tempDir>;
  let dist: string;
  let nodeModules: string;

  /** A project as npm lays it out: a build in dist/ that requires a package, and npm's lockfile in node_modules/. */
  beforeEach(() => {
    project = tempDir("resolve-cache");
    dist = join(project.dir, "dist");
    nodeModules = join(project.dir, "node_modules");
    project.write("dist/main.js", 'const p = require("probe"); console.log(JSON.stringify({ probe: p, local: require("./local") }));\n');
    project.write("dist/local.js", 'module.exports = "local";\n');
    installProbe("one");
  });
  afterEach(() => project.cleanup());

  /** What `npm install` does: the package's files, then the lockfile rewritten (a later mtime). */
  function installProbe(main: string, withLockfile = true): void {
    project.write("node_modules/probe/package.json", JSON.stringify({ name: "probe", main: `${main}.js` }));
    project.write(`node_modules/probe/${main}.js`, `module.exports = ${JSON.stringify(main)};\n`);
    if (!withLockfile) return;
    const lock = project.write("node_modules/.package-lock.json", JSON.stringify({ name: "p", lockfileVersion: 3, packages: {} }));
    const later = new Date(Date.now() + 1000 * Math.random() + 1000);
    utimesSync(lock, later, later);
  }

  function run(env: Record<string, string | undefined> = {}): Run {
    // The eval script (outside the build: not kept) requires dist/main.js, which makes the two requires kept.
    const lines = [
      `require(${JSON.stringify(join(PROJECT_DIR, "bin", "resolve-cache.js"))}).enableResolveCache(${JSON.stringify(dist)}, ".cache", process.env);`,
      `require(${JSON.stringify(join(dist, "main.js"))});`,
    ];
    const r = spawnSync(process.execPath, ["-e", lines.join("\n")], {
      cwd: project.dir,
      encoding: "utf8",
      timeout: 30_000,
      env: { ...process.env, NODE_PATH: undefined, NODE_OPTIONS: undefined, LAUNCH_READY_COMPILE_CACHE: "stats", ...env },
    });
    const m = /resolve cache: (\d+) hits, (\d+) misses/.exec(r.stderr);
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, stats: m ? { hits: Number(m[1]), misses: Number(m[2]) } : undefined };
  }

  it("answers the second run's requires from the cache, with the same modules", () => {
    const first = run();
    expect(JSON.parse(first.stdout)).toEqual({ probe: "one", local: "local" });
    expect(first.stats).toEqual({ hits: 0, misses: 2 });
    expect(existsSync(join(dist, ".cache", FILE))).toBe(true);
    const second = run();
    expect(second.stdout).toBe(first.stdout);
    expect(second.stats).toEqual({ hits: 2, misses: 0 });
  });

  it("starts afresh after npm changes what is installed (its lockfile changes), so an updated package's new entry point is loaded", () => {
    run();
    rmSync(join(nodeModules, "probe"), { recursive: true });
    installProbe("two");
    const after = run();
    expect(JSON.parse(after.stdout)).toEqual({ probe: "two", local: "local" });
    expect(after.stats).toEqual({ hits: 0, misses: 2 });
  });

  it("keeps nothing for a program outside the build and its packages: its own installs are seen at once", () => {
    project.write("program/main.js", 'console.log(JSON.stringify(require("own")));\n');
    project.write("program/node_modules/own/package.json", JSON.stringify({ name: "own", main: "a.js" }));
    project.write("program/node_modules/own/a.js", 'module.exports = "a";\n');
    const driver = (file: string): string[] => [
      "-e",
      `require(${JSON.stringify(join(PROJECT_DIR, "bin", "resolve-cache.js"))}).enableResolveCache(${JSON.stringify(dist)}, ".cache", process.env); require(${JSON.stringify(file)});`,
    ];
    const env = { ...process.env, LAUNCH_READY_COMPILE_CACHE: "stats" };
    const first = spawnSync(process.execPath, driver(join(project.dir, "program", "main.js")), { encoding: "utf8", env });
    expect(first.stdout.trim()).toBe('"a"');
    // Updated by some other tool: npm's lockfile for the build's packages does not change.
    project.write("program/node_modules/own/package.json", JSON.stringify({ name: "own", main: "b.js" }));
    project.write("program/node_modules/own/b.js", 'module.exports = "b";\n');
    const second = spawnSync(process.execPath, driver(join(project.dir, "program", "main.js")), { encoding: "utf8", env });
    expect(second.stdout.trim()).toBe('"b"');
    expect(second.stderr).toContain("resolve cache: 0 hits, 0 misses");
  });

  it("starts afresh under options that change resolution (NODE_PATH, NODE_OPTIONS)", () => {
    run();
    expect(run({ NODE_PATH: join(project.dir, "elsewhere") }).stats).toEqual({ hits: 0, misses: 2 });
    expect(run({ NODE_OPTIONS: "--preserve-symlinks" }).stats).toEqual({ hits: 0, misses: 2 });
  });

  it("never caches a failed request: a package installed after a run that missed it is found", () => {
    rmSync(join(nodeModules, "probe"), { recursive: true });
    const missing = run();
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain("Cannot find module 'probe'");
    // Installed by hand, without npm touching its lockfile: the failure was not kept, so it is found.
    installProbe("one", false);
    expect(JSON.parse(run().stdout)).toEqual({ probe: "one", local: "local" });
  });

  it("keeps nothing without npm's lockfile to tie the answers to, and nothing when turned off", () => {
    rmSync(join(nodeModules, ".package-lock.json"));
    const r = run();
    expect(JSON.parse(r.stdout)).toEqual({ probe: "one", local: "local" });
    expect(r.stats).toBeUndefined();
    installProbe("one");
    const off = run({ LAUNCH_READY_COMPILE_CACHE: "0" });
    expect(off.stats).toBeUndefined();
    expect(existsSync(join(dist, ".cache"))).toBe(false);
  });

  it("recovers from an unreadable cache file", () => {
    mkdirSync(join(dist, ".cache"), { recursive: true });
    writeFileSync(join(dist, ".cache", FILE), "{ not json");
    const r = run();
    expect(JSON.parse(r.stdout)).toEqual({ probe: "one", local: "local" });
    expect(run().stats).toEqual({ hits: 2, misses: 0 });
  });
});
