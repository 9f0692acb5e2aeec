#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm ci` builds): compiles the sources the commands and the Pulumi program load
// into dist/, one JavaScript file per TypeScript file at the same relative path, so every command starts without
// a TypeScript loader. Transpile only (esbuild, the compiler tsx already runs the sources with): type errors are
// `npm run typecheck`'s job. The stamp, written last, records what was built from (bin/build-stamp.js).
//   node bin/build.js [--outdir DIR]   build (default dist/)
//   node bin/build.js --check          exit 1, saying why, when dist/ is missing or older than its sources
"use strict";
const { spawnSync } = require("node:child_process");
const { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const { dirname, isAbsolute, join, relative, resolve, sep } = require("node:path");
const { ROOT_FILES, STAMP, stampOf, staleReason, typeScriptSources } = require("./build-stamp.js");

const ROOT = resolve(__dirname, "..");

/** Builds the sources under `root` into `outdir`; returns how many TypeScript files it compiled. */
function build(root = ROOT, outdir = join(root, "dist")) {
  const esbuild = require("esbuild");
  // The folder is replaced wholesale: only ever dist/ or a scratch folder under .tmp/, never the sources.
  const rel = relative(root, outdir);
  if (rel !== "dist" && !(rel.startsWith(`.tmp${sep}`) || (isAbsolute(rel) && !resolve(root).startsWith(resolve(outdir))))) {
    throw new Error(`refusing to replace ${outdir}: build into dist/, a folder under .tmp/, or one outside the project`);
  }
  const sources = typeScriptSources(root);
  // Stamped before compiling: a source edited while the build runs makes the build stale, not silently current.
  const stamp = stampOf(root, [...sources, ...ROOT_FILES.map((f) => join(root, f))]);
  rmSync(outdir, { recursive: true, force: true });
  esbuild.buildSync({
    entryPoints: sources,
    outdir,
    outbase: root,
    bundle: false,
    format: "cjs",
    platform: "node",
    target: "node20",
    // `import()` in CommonJS resolves like ESM (no extension lookup): compile the lazy loads to require().
    supported: { "dynamic-import": false },
    logLevel: "warning",
  });
  // A vendored copy is as stale as its package: the stamp covers the file it was bundled from.
  const vendored = vendorEsmOnly(root, outdir).map((spec) => require.resolve(spec, { paths: [root] }));
  Object.assign(stamp.sources, stampOf(root, vendored).sources);
  emitTypes(root, outdir);
  // The Lambda functions' code, bundled once here rather than by every preview (components/lambda/code.ts).
  require(join(outdir, "components", "lambda", "code.js")).writeLambdaBundles(root, outdir);
  // The compiled code finds the project next to itself (`__dirname/..`): the project file and the version.
  copyFileSync(join(root, "Pulumi.yaml"), join(outdir, "Pulumi.yaml"));
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  writePolicyPack(root, outdir);
  writeFileSync(join(outdir, "package.json"), `${JSON.stringify({ name: pkg.name, version: pkg.version, private: true, type: "commonjs" }, null, 2)}\n`);
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, STAMP), `${JSON.stringify(stamp)}\n`);
  return sources.length;
}

/**
 * Dependencies published as ES modules only (today one: secretlint's preset), bundled once into `vendor/` as
 * CommonJS and required from there. Required as they are, Node loads them through its ES module loader (require of
 * ESM), which the code cache (bin/compile-cache.js) does not cover: the preset alone cost 15 ms of every audit's
 * start-up, 8 ms from vendor/. Found, not listed: any bare `require` in the output whose package is ESM-only.
 * Returns the vendored packages.
 */
function vendorEsmOnly(root, outdir) {
  const esbuild = require("esbuild");
  const requiring = new Map();
  // Each package is resolved once, however many files require it (the build requires some 30 packages about 90 times).
  const esmOnly = new Map();
  for (const file of outputFiles(outdir)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/require\("((?:@[^"/]+\/)?[^"./][^"]*)"\)/g)) {
      const spec = m[1];
      if (spec.startsWith("node:")) continue;
      if (!esmOnly.has(spec)) esmOnly.set(spec, isEsmOnly(root, spec));
      if (!esmOnly.get(spec)) continue;
      if (!requiring.has(spec)) requiring.set(spec, []);
      requiring.get(spec).push(file);
    }
  }
  for (const [spec, files] of requiring) {
    const vendored = join(outdir, "vendor", `${spec.replace(/^@/, "").replace(/\//g, "+")}.js`);
    // As the build's own files: `import()` compiled to require(), so the code cache can hold the copy.
    esbuild.buildSync({
      entryPoints: [require.resolve(spec, { paths: [root] })],
      outfile: vendored,
      bundle: true,
      format: "cjs",
      platform: "node",
      target: "node20",
      supported: { "dynamic-import": false },
      logLevel: "warning",
    });
    for (const file of files) {
      let rel = relative(dirname(file), vendored).split(sep).join("/");
      if (!rel.startsWith(".")) rel = `./${rel}`;
      writeFileSync(file, readFileSync(file, "utf8").split(`require(${JSON.stringify(spec)})`).join(`require(${JSON.stringify(rel)})`));
    }
  }
  return [...requiring.keys()];
}

/** Whether the package `spec` resolves (from `root`, as `require` would) to an ES module. */
function isEsmOnly(root, spec) {
  let file;
  try {
    file = require.resolve(spec, { paths: [root] });
  } catch {
    return false; // a builtin or an optional dependency: not ours to bundle
  }
  if (file.endsWith(".mjs")) return true;
  if (!file.endsWith(".js")) return false;
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const pkgFile = join(dir, "package.json");
    if (!existsSync(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, "utf8"));
    // The nearest package.json with a name or a type decides (nested ones may only set "type").
    if (pkg.type !== undefined || pkg.name !== undefined) return pkg.type === "module";
  }
  return false;
}

function outputFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) outputFiles(p, out);
    else if (e.name.endsWith(".js")) out.push(p);
  }
  return out;
}

/**
 * The component library's type declarations (`import { Domain } from "launch-ready"` in a TypeScript program):
 * `tsc` over `lib/` and what it imports (tsconfig.lib.json), declarations only, beside the JavaScript esbuild wrote.
 */
function emitTypes(root, outdir) {
  const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  const run = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.lib.json"), "--outDir", outdir], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`the library's type declarations did not compile:\n${run.stdout}${run.stderr}`);
}

/**
 * The policy pack, compiled: `pulumi preview --policy-pack node_modules/launch-ready/dist/policy` in a project that
 * installed the package. Plain JavaScript, so the Pulumi CLI needs no TypeScript loader (and starts it in a fraction
 * of the time ts-node takes on policy/).
 */
function writePolicyPack(root, outdir) {
  const source = readFileSync(join(root, "policy", "PulumiPolicy.yaml"), "utf8");
  const compiled = source.replace(/\n  options:\n    typescript: true\n?/, "\n");
  if (compiled === source) throw new Error("policy/PulumiPolicy.yaml no longer has `options: typescript: true` where the build expects it: update bin/build.js");
  writeFileSync(join(outdir, "policy", "PulumiPolicy.yaml"), compiled);
  const pkg = JSON.parse(readFileSync(join(root, "policy", "package.json"), "utf8"));
  writeFileSync(join(outdir, "policy", "package.json"), `${JSON.stringify({ ...pkg, main: "index.js" }, null, 2)}\n`);
}

function main(argv) {
  if (argv.includes("--check")) {
    const why = staleReason(ROOT, join(ROOT, "dist"));
    if (why === undefined) return void process.stdout.write("launch-ready: dist/ is current\n");
    process.stderr.write(`launch-ready: dist/ is not current: ${why}; run \`npm run build\`\n`);
    process.exitCode = 1;
    return;
  }
  const at = argv.indexOf("--outdir");
  const outdir = at >= 0 && argv[at + 1] !== undefined ? resolve(argv[at + 1]) : join(ROOT, "dist");
  const started = Date.now();
  const n = build(ROOT, outdir);
  process.stdout.write(`launch-ready: compiled ${n} files into ${outdir} in ${Date.now() - started} ms\n`);
}

module.exports = { build, vendorEsmOnly };

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    // esbuild has printed each syntax error with its file and line already.
    process.stderr.write(`launch-ready: build failed: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}\n`);
    process.exitCode = 1;
  }
}
