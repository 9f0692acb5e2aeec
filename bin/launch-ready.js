#!/usr/bin/env node
// Entry point: registers tsx so the TypeScript sources run as they are (no build step), for require() and for the
// dynamic import() that lazy-loads each command, then hands over to the CLI.
"use strict";
require("tsx/cjs");
import("tsx/esm")
  .then(() => require("../cli/main.ts").main(process.argv))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`launch-ready: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 70;
    },
  );
