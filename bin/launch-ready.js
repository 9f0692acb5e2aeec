#!/usr/bin/env node
// Entry point. Runs the compiled JavaScript in dist/ (`npm ci` builds it, through `prepare`) when it is current:
// built from exactly the sources there are now (bin/build-stamp.js, a stat per source). Otherwise it says so on one
// line and runs the TypeScript sources through tsx, as it does under the test runner, which runs the sources.
// `main` turns every error into an exit status (cli/exit-codes.ts); this catch is only for the CLI failing to load.
"use strict";
const { join } = require("node:path");

function loadMain() {
  const root = join(__dirname, "..");
  const entry = require("./build-stamp.js").entryFor(root, process.env);
  if (entry.kind === "build") {
    const dist = join(entry.main, "..", "..");
    // V8 rejects code cached under other V8 flags, and the auditor sets one at run time: set it before anything is
    // compiled, so every run of every command caches and reads code under the same flags.
    require(join(dist, "audit", "http", "wasm-tiering.js"));
    const { DIR, enableCompileCache } = require("./compile-cache.js");
    enableCompileCache(dist, process.env);
    require("./resolve-cache.js").enableResolveCache(dist, DIR, process.env);
    return Promise.resolve(require(entry.main).main);
  }
  if (entry.note !== undefined) process.stderr.write(entry.note);
  require("tsx/cjs");
  return import("tsx/esm").then(() => require(join(root, "cli", "main.ts")).main);
}

// A command that never settles (a program awaiting an output that will never resolve, e.g. an apply that threw
// inside the SDK's mock runtime) lets the event loop drain, and Node would exit 0 having printed nothing: never that.
// The offline engine watches for this too (engine/run.ts) and reports what the program waits on: that takes one more
// turn of the loop, so this says its last word only when the loop empties again with the command still unsettled.
let settled = false;
let drained = false;
process.on("beforeExit", function lastWord() {
  if (settled) return process.off("beforeExit", lastWord);
  if (!drained) {
    drained = true;
    setImmediate(() => undefined);
    return;
  }
  process.off("beforeExit", lastWord);
  process.stderr.write("launch-ready: internal error: the command stopped before finishing (the program waits on a value that never resolves: an apply that threw?)\n");
  process.exitCode = 70;
});

loadMain()
  .then((main) => main(process.argv))
  .then(
    (code) => {
      settled = true;
      process.exitCode = code;
    },
    (err) => {
      settled = true;
      process.stderr.write(`launch-ready: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      // EXIT.internal (cli/exit-codes.ts), written out: the table may be what failed to load.
      process.exitCode = 70;
    },
  );
