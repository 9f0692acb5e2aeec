// Node's answers to `require(request)` from a folder, kept between runs. Finding a file costs Node a handful of
// stats and package.json reads per require (about a tenth of a preview, which requires ~1,000 files; as much of an
// audit): the same questions with the same answers on every start while nothing is installed or removed.
//
// An answer depends on the requiring folder, the request and what is on disk: the build (dist/ is replaced
// wholesale, and the cache lives in it) and the installed packages. npm rewrites `node_modules/.package-lock.json` on
// every install, update, removal and `npm ci`, so the cache holds only while that file's mtime and size, Node's
// version and the options that change resolution (NODE_PATH, --conditions, --preserve-symlinks: NODE_OPTIONS and the
// command line) are those it was made under; otherwise it starts empty. No such file in the nearest node_modules
// (another package manager, or nested dependencies): no cache. Only requires made by files of the build or of those
// packages are kept (a user's program resolves its own dependencies afresh), never the main module's, never
// `require.resolve` with options, and never a request that failed: it fails again the usual way.
// LAUNCH_READY_COMPILE_CACHE=0 turns it off with the code cache; =stats prints hits and misses on stderr.
"use strict";
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { dirname, join, sep } = require("node:path");

const FILE = "resolve.json";

/**
 * What the cached answers hold under: npm's lockfile in the nearest node_modules folder above the build (where the
 * dependencies resolve from). `modules` is that folder; undefined when it has no lockfile.
 */
function fingerprintFor(dist, env) {
  for (let dir = dirname(dist); ; dir = dirname(dir)) {
    const modules = join(dir, "node_modules");
    if (statSync(modules, { throwIfNoEntry: false }) !== undefined) {
      const lock = statSync(join(modules, ".package-lock.json"), { throwIfNoEntry: false });
      if (lock === undefined) return undefined;
      return { modules, fingerprint: JSON.stringify([modules, lock.mtimeMs, lock.size, process.version, env.NODE_PATH ?? "", env.NODE_OPTIONS ?? "", process.execArgv]) };
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function readAnswers(path, fingerprint) {
  try {
    const saved = JSON.parse(readFileSync(path, "utf8"));
    if (saved && saved.fingerprint === fingerprint && saved.answers && typeof saved.answers === "object") return saved.answers;
  } catch {
    // None yet, or unreadable: start empty.
  }
  return {};
}

/**
 * Turns the cache on for the build in `dist` (absolute), in `<dist>/<dir>/`. Returns what it did, for the stats line
 * and the tests.
 */
function enableResolveCache(dist, dir, env) {
  const mode = env.LAUNCH_READY_COMPILE_CACHE;
  if (mode === "0") return { kind: "off" };
  const tied = fingerprintFor(dist, env);
  if (tied === undefined) return { kind: "off", reason: "no node_modules/.package-lock.json to tie answers to" };
  const { fingerprint } = tied;
  // Only requires from the build and from the packages that lockfile describes: a user's program elsewhere (with
  // node_modules of its own, installed by any tool) is resolved afresh every time.
  const scopes = [dist.endsWith(sep) ? dist : dist + sep, tied.modules + sep];
  const inScope = (folder) => scopes.some((s) => (folder + sep).startsWith(s));
  const path = join(dist, dir, FILE);
  const answers = readAnswers(path, fingerprint);
  const stats = { hits: 0, misses: 0 };
  const resolve = Module._resolveFilename;

  Module._resolveFilename = function resolveWithCache(request, parent, isMain, options) {
    const from = parent && typeof parent.filename === "string" ? parent.path : undefined;
    if (isMain || options !== undefined || from === undefined || !inScope(from) || request.startsWith("node:") || Module.isBuiltin(request)) {
      return resolve.apply(this, arguments);
    }
    const key = `${from}\u0000${request}`;
    const known = answers[key];
    if (typeof known === "string") {
      stats.hits++;
      return known;
    }
    const found = resolve.apply(this, arguments);
    stats.misses++;
    answers[key] = found;
    return found;
  };

  process.once("exit", () => {
    if (mode === "stats") process.stderr.write(`launch-ready: resolve cache: ${stats.hits} hits, ${stats.misses} misses\n`);
    if (stats.misses === 0) return;
    try {
      // Written beside and renamed into place: two commands exiting together never leave a half-written file.
      const tmp = `${path}.${process.pid}`;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(tmp, JSON.stringify({ fingerprint, answers }));
      renameSync(tmp, path);
    } catch {
      // A read-only install: it stays correct, only slower to start.
    }
  });
  return { kind: "on", stats };
}

module.exports = { enableResolveCache, FILE };
