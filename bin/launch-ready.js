#!/usr/bin/env node
// Entry point: registers tsx so the TypeScript sources run as they are (no build step), for require() and for the
// dynamic import() that lazy-loads each command, then hands over to the CLI. `main` turns every error into an exit
// status (cli/exit-codes.ts); this catch is only for the CLI failing to load at all.
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
      // EXIT.internal (cli/exit-codes.ts), written out: the table may be what failed to load.
      process.exitCode = 70;
    },
  );
