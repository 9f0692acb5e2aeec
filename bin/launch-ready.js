#!/usr/bin/env node
// Entry point. Runs the compiled JavaScript in dist/ (`npm ci` builds it, through `prepare`) when it is current:
// built from exactly the sources there are now (bin/build-stamp.js, a stat per source). Otherwise it says so on one
// line and runs the TypeScript sources through tsx, as it does under the test runner, which runs the sources.
// `main` turns every error into an exit status (cli/exit-codes.ts); this catch is only for the CLI failing to load.
"use strict";
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");

function loadMain() {
  // vitest sets VITEST in its workers and so in every command a test starts: tests run the sources.
  const sources = process.env.VITEST !== undefined || process.env.LAUNCH_READY_SOURCES === "1";
  if (!sources) {
    const why = require("./build-stamp.js").staleReason(ROOT, DIST);
    if (why === undefined) return Promise.resolve(require(join(DIST, "cli", "main.js")).main);
    process.stderr.write(`launch-ready: running the TypeScript sources (slower start): ${why}; \`npm run build\` compiles them\n`);
  }
  require("tsx/cjs");
  return import("tsx/esm").then(() => require(join(ROOT, "cli", "main.ts")).main);
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
