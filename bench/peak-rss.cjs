// Preloaded into each timed process by the bench (node --require): appends the process's peak resident set size
// in KiB (getrusage's ru_maxrss) to the file named by BENCH_PEAK_RSS_FILE when it exits.
"use strict";
const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) process.on("exit", () => require("node:fs").appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
