/**
 * `npm run bench`: times the offline preview (and the auditor and its peers on the same work, when the lab can
 * start and the peers are installed) and writes BENCHMARKS.md. BENCH_RUNS sets the runs (default 5);
 * BENCH_TESTSSL=1 adds one testssl.sh run on one target.
 * A benchmark, not a test: nothing here gates CI. Figures are medians of several whole-process runs, with ratios
 * against baselines measured in the same run, so they compare across machines better than bare times.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { BARE_REQUIRE, benchPreview, DOMAIN_COUNTS, EXAMPLE, generatedLabel } from "./preview";
import { targets, targetsTable } from "./targets";
import type { BenchSection } from "./timing";

const PROJECT_DIR = resolve(__dirname, "..");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 5);
const NOTES = join(__dirname, "NOTES.md");


function table(section: BenchSection): string {
  // A section whose tool is missing says so (its method) and times nothing.
  if (section.timings.length === 0) return [`### ${section.title}`, "", section.method].join("\n");
  const base = section.timings.find((t) => t.label === section.baseline);
  const memory = section.timings.some((t) => t.peakRssMiB !== undefined);
  const rows = section.timings.map(
    (t) =>
      `| ${t.label} | ${t.runs} | ${t.medianMs.toFixed(0)} | ${t.minMs.toFixed(0)}–${t.maxMs.toFixed(0)} | ${base ? (t.medianMs / base.medianMs).toFixed(2) : "—"} |${memory ? ` ${t.peakRssMiB?.toFixed(0) ?? "—"} |` : ""}`,
  );
  const head = `| what | runs | median ms | range ms | × ${section.baseline} |${memory ? " peak RSS MiB |" : ""}`;
  const rule = `|---|---|---|---|---|${memory ? "---|" : ""}`;
  return [`### ${section.title}`, "", section.method, "", head, rule, ...rows].join("\n");
}

async function main(): Promise<void> {
  mkdirSync(join(PROJECT_DIR, ".tmp"), { recursive: true });
  const scratch = mkdtempSync(join(PROJECT_DIR, ".tmp", "bench-"));
  const sections: BenchSection[] = [];
  const loadBefore = loadavg()[0] ?? 0;
  let oneHost: { ours: string; observatory: string } | undefined;
  try {
    process.stderr.write(`bench: offline preview (${RUNS} runs each)…\n`);
    sections.push({
      title: "Offline preview",
      method: `Whole process (\`node bin/launch-ready.js preview --stack S --json\`, the compiled build: \`npm run bench\` builds first), cold start each run after one warm-up run; generated stacks (${DOMAIN_COUNTS.join(" and ")} domains) have one web domain with three hosts and one extra record each. Peak RSS is the process's own (getrusage), preloaded with bench/peak-rss.cjs.`,
      timings: benchPreview(PROJECT_DIR, scratch, RUNS),
      baseline: "baseline: require('@pulumi/pulumi')",
    });
    const auditModule = join(__dirname, "audit.ts");
    try {
      const audit: unknown = await import(auditModule);
      const fn = typeof audit === "object" && audit !== null ? Reflect.get(audit, "benchAudit") : undefined;
      if (typeof fn === "function") {
        process.stderr.write("bench: auditor on the loopback lab…\n");
        const section: unknown = await fn({ projectDir: PROJECT_DIR, runs: RUNS });
        if (isSection(section)) sections.push(section);
      }
    } catch (err) {
      process.stderr.write(`bench: auditor skipped: ${err instanceof Error ? err.message : String(err)}\n`);
    }
    try {
      process.stderr.write("bench: peers on the same work…\n");
      // Loaded here so a peer-side failure (even at import) costs only this section.
      const { benchPeers, oursOneHost, observatoryOneHost } = await import("./peers");
      oneHost = { ours: oursOneHost, observatory: observatoryOneHost };
      sections.push(await benchPeers({ projectDir: PROJECT_DIR, runs: RUNS, testssl: process.env["BENCH_TESTSSL"] === "1" }));
    } catch (err) {
      process.stderr.write(`bench: peers skipped: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const loadAfter = loadavg()[0] ?? 0;
  const all = sections.flatMap((s) => s.timings);
  const ms = (label: string): number | undefined => all.find((t) => t.label === label)?.medianMs;
  const rss = (label: string): number | undefined => all.find((t) => t.label === label)?.peakRssMiB;
  const [few, many] = DOMAIN_COUNTS;
  const results = targets({
    preview: ms(EXAMPLE),
    bareRequire: ms(BARE_REQUIRE),
    auditOneHost: oneHost && ms(oneHost.ours),
    observatoryOneHost: oneHost && ms(oneHost.observatory),
    few: { domains: few, ms: ms(generatedLabel(few)), rssMiB: rss(generatedLabel(few)) },
    many: { domains: many, ms: ms(generatedLabel(many)), rssMiB: rss(generatedLabel(many)) },
  });
  const doc = [
    "# Benchmarks",
    "",
    "Written by `npm run bench`; rerun it to refresh. Medians of several whole-process runs; ratios are against a",
    "baseline measured in the same run on the same machine, so compare ratios across machines, not milliseconds.",
    "Nothing here gates CI: no test depends on an absolute time.",
    "",
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ${RUNS} runs each (BENCH_RUNS).`,
    loadNote(loadBefore, loadAfter, cpus().length),
    "",
    targetsTable(results),
    "",
    ...sections.map(table).flatMap((t) => [t, ""]),
    // What was changed for speed and what each change measured: kept by hand in bench/NOTES.md, carried over.
    ...(existsSync(NOTES) ? [readFileSync(NOTES, "utf8").trimEnd(), ""] : []),
  ].join("\n");
  writeFileSync(join(PROJECT_DIR, "BENCHMARKS.md"), doc);
  process.stdout.write(doc);
}

function isSection(v: unknown): v is BenchSection {
  return typeof v === "object" && v !== null && typeof Reflect.get(v, "title") === "string" && Array.isArray(Reflect.get(v, "timings"));
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});

/**
 * What the load average says about the timings. The benchmark runs one process at a time (plus the lab's servers),
 * which alone keeps the 1-minute load near 1, so only the load found when it started tells of other work.
 */
function loadNote(before: number, after: number, cores: number): string {
  const figures = `Load average (1 min) ${before.toFixed(1)} when the run started and ${after.toFixed(1)} when it ended, on ${cores} cores`;
  return before >= 1
    ? `${figures}: other work shared the machine, so\nsingle timings are noisy; the ratios pair timings taken minutes apart at most.`
    : `${figures} (the benchmark's own\nprocesses keep it near 1): no other work was running when it started; the ratios pair timings taken minutes apart at most.`;
}
