// V8's code cache for the compiled build, so a command does not re-parse and re-compile the same few hundred files
// on every start. Node 22.1+ has it built in (`module.enableCompileCache`); Node 20 has only the V8 API underneath
// (`vm.Script` with `cachedData`), which this file uses for the build's own files, and only those: they are plain
// CommonJS written by bin/build.js, with no `import()` left in them (the build turns it into `require`). Everything
// else (node_modules, ESM) is compiled by Node as usual.
//
// The cache lives in `<dist>/.compile-cache/` (the build replaces dist/ wholesale, so it never outlives the code it
// was made from), one blob per Node version and architecture. A run that compiled something the cache did not
// have (or that V8 rejected) writes the blob again when the process exits, from the functions V8 compiled during
// the run, not just the top levels. A cache that cannot be read or written (a read-only install) is only slower.
// LAUNCH_READY_COMPILE_CACHE=0 turns it off; LAUNCH_READY_COMPILE_CACHE=stats prints hits and misses on stderr.
"use strict";
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { dirname, join, sep } = require("node:path");
const vm = require("node:vm");

const DIR = ".compile-cache";

/** The blob's name: V8 rejects code cached by another V8 (version) or for another CPU. */
function blobName() {
  return `node-${process.versions.v8}-${process.arch}`;
}

/** `{ index: { file: [offset, length] }, data: Buffer }`, or an empty cache when there is none or it is unreadable. */
function readBlob(base) {
  try {
    const index = JSON.parse(readFileSync(`${base}.json`, "utf8"));
    const data = readFileSync(`${base}.bin`);
    if (index && typeof index === "object") return { index, data };
  } catch {
    // No cache yet, or a broken one: compile as usual and write a new one.
  }
  return { index: {}, data: Buffer.alloc(0) };
}

function writeBlob(base, entries) {
  const index = {};
  const parts = [];
  let offset = 0;
  for (const [file, buf] of entries) {
    index[file] = [offset, buf.length];
    parts.push(buf);
    offset += buf.length;
  }
  // Written beside and renamed into place: two commands exiting together never leave a half-written cache.
  const tmp = `${base}.${process.pid}`;
  mkdirSync(dirname(base), { recursive: true });
  writeFileSync(`${tmp}.bin`, Buffer.concat(parts));
  writeFileSync(`${tmp}.json`, JSON.stringify(index));
  renameSync(`${tmp}.bin`, `${base}.bin`);
  renameSync(`${tmp}.json`, `${base}.json`);
}

/**
 * Turns the cache on for the build in `dist` (absolute). Returns what it did, for the stats line and the tests.
 * `builtin: false` uses this file's cache even where Node has its own (the tests run it on every Node).
 */
function enableCompileCache(dist, env, opts = {}) {
  const mode = env.LAUNCH_READY_COMPILE_CACHE;
  if (mode === "0") return { kind: "off" };
  const cacheDir = join(dist, DIR);
  if (typeof Module.enableCompileCache === "function" && opts.builtin !== false) {
    const r = Module.enableCompileCache(join(cacheDir, "node"));
    if (mode === "stats") process.stderr.write(`launch-ready: compile cache: Node's own (module.enableCompileCache), status ${r && r.status}\n`);
    return { kind: "node", status: r && r.status };
  }
  const base = join(cacheDir, blobName());
  const scope = dist.endsWith(sep) ? dist : dist + sep;
  const cache = readBlob(base);
  const stats = { hits: 0, misses: 0, rejected: 0 };
  /** Scripts compiled without a usable cache entry: their code is cached when the process exits. */
  const fresh = new Map();
  const compile = Module.prototype._compile;

  Module.prototype._compile = function compileWithCache(content, filename) {
    if (!filename.startsWith(scope) || !filename.endsWith(".js")) return compile.call(this, content, filename);
    const rel = filename.slice(scope.length);
    const at = cache.index[rel];
    const cachedData = Array.isArray(at) ? cache.data.subarray(at[0], at[0] + at[1]) : undefined;
    let script;
    try {
      script = new vm.Script(Module.wrap(content), { filename, cachedData });
    } catch {
      // Not the plain CommonJS this expects: let Node compile it (and report any real syntax error) as usual.
      return compile.call(this, content, filename);
    }
    if (cachedData === undefined) stats.misses++;
    else if (script.cachedDataRejected) stats.rejected++;
    else stats.hits++;
    if (cachedData === undefined || script.cachedDataRejected) fresh.set(rel, script);
    const wrapper = script.runInThisContext({ displayErrors: true });
    // What Node's own loader passes a module: the same resolution from this file, the same shared cache.
    const require = Module.createRequire(filename);
    require.main = process.mainModule;
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };

  process.once("exit", () => {
    if (mode === "stats") process.stderr.write(`launch-ready: compile cache: ${stats.hits} hits, ${stats.misses} misses, ${stats.rejected} rejected\n`);
    if (fresh.size === 0) return;
    try {
      const entries = new Map();
      for (const [rel, at] of Object.entries(cache.index)) {
        if (!fresh.has(rel) && Array.isArray(at)) entries.set(rel, cache.data.subarray(at[0], at[0] + at[1]));
      }
      for (const [rel, script] of fresh) entries.set(rel, script.createCachedData());
      writeBlob(base, entries);
    } catch {
      // A read-only install: it stays correct, only slower to start.
    }
  });
  return { kind: "vm", stats };
}

module.exports = { enableCompileCache, DIR };
