// What the build in dist/ was made from, and whether it still matches: every command runs the compiled JavaScript
// only while each source it was built from is unchanged (same mtime and size as when it was built). Plain
// CommonJS with no dependencies, so the launcher can check it before loading anything else.
"use strict";
const { existsSync, readdirSync, readFileSync, statSync } = require("node:fs");
const { join, relative, sep } = require("node:path");

/** The folders the commands and the Pulumi program load from (never test/, bench/ or scripts/). */
const SOURCE_DIRS = ["audit", "checklist", "cli", "components", "config", "core", "engine", "lib", "policy", "report", "scan"];
/** Files at the root the build reads besides TypeScript: the project file (copied) and the version. */
const ROOT_FILES = ["Pulumi.yaml", "package.json", "tsconfig.json", "tsconfig.lib.json", "policy/PulumiPolicy.yaml", "policy/package.json"];
const STAMP = ".build-stamp.json";

function walk(dir, out) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** Every TypeScript source the build compiles, absolute paths, sorted. */
function typeScriptSources(root) {
  const files = [join(root, "index.ts")];
  for (const d of SOURCE_DIRS) walk(join(root, d), files);
  return files.sort();
}

/** The stamp of `files` (absolute): root-relative path (with /) → [mtimeMs, size]. */
function stampOf(root, files) {
  const sources = {};
  for (const f of files) {
    const s = statSync(f);
    sources[relative(root, f).split(sep).join("/")] = [s.mtimeMs, s.size];
  }
  return { sources };
}

/**
 * Why the build in `outdir` cannot be run, or undefined when it is current: missing, or a source it was built from
 * changed or is gone since. A new source file counts once something that was built imports it (that file changed).
 */
function staleReason(root, outdir) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(outdir, STAMP), "utf8"));
  } catch {
    return `there is no build in ${relative(root, outdir) || "."}/`;
  }
  const sources = stamp && typeof stamp === "object" ? stamp.sources : undefined;
  if (!sources || typeof sources !== "object") return `the build stamp ${relative(root, join(outdir, STAMP))} is unreadable`;
  // Every start of a command pays for this loop (~420 files): plain concatenation and no exceptions keep it to
  // about half of what path.join and a throwing stat cost.
  const prefix = root.endsWith(sep) ? root : root + sep;
  for (const rel in sources) {
    const at = sources[rel];
    const s = statSync(prefix + (sep === "/" ? rel : rel.split("/").join(sep)), { throwIfNoEntry: false });
    if (s === undefined) return `${rel} is gone since the last build`;
    if (!Array.isArray(at) || s.mtimeMs !== at[0] || s.size !== at[1]) return `${rel} changed since the last build`;
  }
  return undefined;
}

/**
 * What the launcher runs for the project at `root`: the build's `cli/main.js` while it is current, else the sources
 * (with the one-line note why, except under the test runner or LAUNCH_READY_SOURCES=1, which ask for the sources).
 */
function entryFor(root, env) {
  const dist = join(root, "dist");
  // An installed package ships the build and no sources: there is nothing else to run, nor to be stale against.
  if (!existsSync(join(root, "cli", "main.ts")) && existsSync(join(dist, "cli", "main.js"))) return { kind: "build", main: join(dist, "cli", "main.js") };
  // vitest sets VITEST in its workers and so in every command a test starts: tests run the sources.
  if (env.VITEST !== undefined || env.LAUNCH_READY_SOURCES === "1") return { kind: "sources" };
  const why = staleReason(root, dist);
  if (why === undefined) return { kind: "build", main: join(dist, "cli", "main.js") };
  return { kind: "sources", note: `launch-ready: running the TypeScript sources (slower start): ${why}; \`npm run build\` compiles them\n` };
}

module.exports = { SOURCE_DIRS, ROOT_FILES, STAMP, typeScriptSources, stampOf, staleReason, entryFor };
