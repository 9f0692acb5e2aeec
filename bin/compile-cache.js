// V8's code cache, so a command does not re-parse and re-compile the same thousand files on every start. Node 22.1+
// has it built in (`module.enableCompileCache`); Node 20 has only the V8 API underneath (`vm.Script` with
// `cachedData`), which this file uses for every CommonJS file a command loads: the build's own (plain CommonJS
// written by bin/build.js, with no `import()` left in them) and its dependencies' in node_modules (about 450 files
// for a preview, half its compile time). A file that calls `import()` (a `vm.Script` would need a loader for it), is
// loaded as ESM, or is not the plain CommonJS this expects is compiled by Node as usual.
//
// V8 checks only a cached script's length, not its text, so each entry also records the CRC-32 of the source it was
// made from: a dependency updated in place to a file of the same length is compiled afresh, never run from stale code.
// The cache lives in `<dist>/.compile-cache/` (the build replaces dist/ wholesale, and `npm ci` builds), one blob
// per Node version and architecture. A run that compiled something the cache did not have (or that V8 rejected)
// writes the blob again when the process exits, from the functions V8 compiled during the run, not just the top
// levels. A cache that cannot be read or written (a read-only install) is only slower.
// LAUNCH_READY_COMPILE_CACHE=0 turns it off; LAUNCH_READY_COMPILE_CACHE=stats prints hits and misses on stderr.
"use strict";
const { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { dirname, join, sep } = require("node:path");
const vm = require("node:vm");
const { crc32 } = require("node:zlib");

const DIR = ".compile-cache";

/** The blob's name: V8 rejects code cached by another V8 (version) or for another CPU. */
function blobName() {
  return `node-${process.versions.v8}-${process.arch}.bin`;
}

/**
 * The cache file: a 4-byte length, the index (JSON: `{ file: [offset, length, crc32] }`, offsets into what follows),
 * then the cached code. One file, so a reader never pairs one run's index with another's code; it stays open, and
 * each entry is read when its file is compiled: a command reads only the code it runs (an audit a tenth of it).
 * An empty cache when there is none or it is unreadable.
 */
function readBlob(path) {
  const none = { index: {}, entry: () => undefined, close: () => {} };
  let fd;
  try {
    fd = openSync(path, "r");
    const head = Buffer.alloc(4);
    if (readSync(fd, head, 0, 4, 0) !== 4) throw new Error("short");
    const size = head.readUInt32LE(0);
    if (size > fstatSync(fd).size - 4) throw new Error("not a cache");
    const text = Buffer.alloc(size);
    if (readSync(fd, text, 0, size, 4) !== size) throw new Error("short");
    const index = JSON.parse(text.toString("utf8"));
    if (!index || typeof index !== "object") throw new Error("not an index");
    const start = 4 + size;
    const entry = (at) => {
      const buf = Buffer.allocUnsafe(at[1]);
      return readSync(fd, buf, 0, at[1], start + at[0]) === at[1] ? buf : undefined;
    };
    return { index, entry, close: () => closeSync(fd) };
  } catch {
    // No cache yet, or a broken one: compile as usual and write a new one.
    if (fd !== undefined) closeSync(fd);
    return none;
  }
}

function writeBlob(path, entries) {
  const index = {};
  const parts = [];
  let offset = 0;
  for (const [file, { crc, buf }] of entries) {
    index[file] = [offset, buf.length, crc];
    parts.push(buf);
    offset += buf.length;
  }
  const text = Buffer.from(JSON.stringify(index), "utf8");
  const head = Buffer.alloc(4);
  head.writeUInt32LE(text.length, 0);
  // Written beside and renamed into place: two commands exiting together never leave a half-written cache.
  const tmp = `${path}.${process.pid}`;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(tmp, Buffer.concat([head, text, ...parts]));
  renameSync(tmp, path);
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
  const file = join(cacheDir, blobName());
  const scope = dist.endsWith(sep) ? dist : dist + sep;
  const dependencies = `${sep}node_modules${sep}`;
  const cache = readBlob(file);
  const stats = { hits: 0, misses: 0, rejected: 0 };
  /** Scripts compiled without a usable cache entry, with their source's CRC: cached when the process exits. */
  const fresh = new Map();
  const compile = Module.prototype._compile;

  Module.prototype._compile = function compileWithCache(content, filename, format) {
    const own = filename.startsWith(scope);
    const cacheable =
      (own || filename.includes(dependencies)) &&
      (filename.endsWith(".js") || filename.endsWith(".cjs")) &&
      (format === undefined || format === "commonjs") &&
      !content.startsWith("#!") &&
      !callsImport(content);
    if (!cacheable) return compile.apply(this, arguments);
    // The build's files by their place in the build (the cache moves with it), the dependencies' by their path.
    const key = own ? filename.slice(scope.length) : filename;
    const crc = crc32(content);
    const at = cache.index[key];
    const usable = Array.isArray(at) && at[2] === crc;
    const cachedData = usable ? cache.entry(at) : undefined;
    let script;
    try {
      script = new vm.Script(Module.wrap(content), { filename, cachedData });
    } catch {
      // Not the plain CommonJS this expects: let Node compile it (and report any real syntax error) as usual.
      return compile.apply(this, arguments);
    }
    if (cachedData === undefined) stats.misses++;
    else if (script.cachedDataRejected) stats.rejected++;
    else stats.hits++;
    if (cachedData === undefined || script.cachedDataRejected) fresh.set(key, { crc, script });
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
  };

  process.once("exit", () => {
    if (mode === "stats") process.stderr.write(`launch-ready: compile cache: ${stats.hits} hits, ${stats.misses} misses, ${stats.rejected} rejected\n`);
    if (fresh.size === 0) return cache.close();
    try {
      const entries = new Map();
      for (const [key, at] of Object.entries(cache.index)) {
        const buf = fresh.has(key) || !Array.isArray(at) ? undefined : cache.entry(at);
        if (buf !== undefined) entries.set(key, { crc: at[2], buf });
      }
      cache.close();
      for (const [key, { crc, script }] of fresh) entries.set(key, { crc, buf: script.createCachedData() });
      writeBlob(file, entries);
    } catch {
      // A read-only install: it stays correct, only slower to start.
    }
  });
  return { kind: "vm", stats };
}

/**
 * Whether a file may call `import()`, which a `vm.Script` cannot serve without a loader of its own. An occurrence on
 * a comment line (JSDoc's `@param {import('./x').T}`, a `//` line) is a type or a note, not a call: undici's and
 * commander's files have only those, and were compiled afresh on every start for them. Anything else counts as a
 * call (a string that mentions it too: the safe side).
 */
function callsImport(content) {
  for (let at = content.indexOf("import("); at !== -1; at = content.indexOf("import(", at + 7)) {
    const line = content.slice(content.lastIndexOf("\n", at) + 1, at).trimStart();
    if (!(line.startsWith("*") || line.startsWith("/*") || line.startsWith("//"))) return true;
  }
  return false;
}

/**
 * The `require` Node's own loader gives a module: bound to the module itself, so what it loads has the right parent
 * (and resolves from the right folder), with `resolve`, `main`, `cache` and `extensions` as documented.
 */
function requireFor(mod) {
  const require = (id) => mod.require(id);
  const resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.cache = Module._cache;
  require.extensions = Module._extensions;
  return require;
}

module.exports = { enableCompileCache, callsImport, DIR };
