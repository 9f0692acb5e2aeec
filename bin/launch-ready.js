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
  if (entry.kind === "build") return Promise.resolve(require(entry.main).main);
  if (entry.note !== undefined) process.stderr.write(entry.note);
  require("tsx/cjs");
  return import("tsx/esm").then(() => require(join(root, "cli", "main.ts")).main);
}

loadMain()
  .then((main) => main(process.argv))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`launch-ready: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      // EXIT.internal (cli/exit-codes.ts), written out: the table may be what failed to load.
      process.exitCode = 70;
    },
  );
