/** Whole-process timings: medians of several runs, so a benchmark says something on a busy 2-core machine. */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface Timing {
  readonly label: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Median peak resident set size of the timed process, MiB, when measured (`timeProcess` with `peakRss`). */
  readonly peakRssMiB?: number;
}

/** One table of BENCHMARKS.md. */
export interface BenchSection {
  readonly title: string;
  readonly method: string;
  readonly timings: readonly Timing[];
  /** The timing the ratios are taken against. */
  readonly baseline: string;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Runs `argv` `runs` times (after one warm-up that fills the OS file cache) and times each whole process. With
 * `peakRss`, a node `argv` is preloaded with bench/peak-rss.cjs and the median of its peak RSS is reported too.
 */
export function timeProcess(label: string, argv: readonly string[], runs: number, cwd: string, okStatuses: readonly number[] = [0], peakRss = false): Timing {
  const rssFile = join(mkdtempSync(join(tmpdir(), "bench-rss-")), "rss");
  const args = peakRss ? ["--require", join(__dirname, "peak-rss.cjs"), ...argv.slice(1)] : argv.slice(1);
  const env = peakRss ? { ...process.env, BENCH_PEAK_RSS_FILE: rssFile } : process.env;
  const once = (): number => {
    const start = process.hrtime.bigint();
    const r = spawnSync(argv[0]!, args, { cwd, env, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status === null || !okStatuses.includes(r.status)) throw new Error(`${label}: exit ${String(r.status)}: ${r.stderr.slice(0, 500)}`);
    return ms;
  };
  once();
  rmSync(rssFile, { force: true });
  const samples = Array.from({ length: runs }, once);
  const rss = peakRss ? readFileSync(rssFile, "utf8").trim().split("\n").map((l) => Number(l) / 1024) : [];
  rmSync(dirname(rssFile), { recursive: true, force: true });
  return { label, runs, medianMs: median(samples), minMs: Math.min(...samples), maxMs: Math.max(...samples), ...(rss.length > 0 ? { peakRssMiB: median(rss) } : {}) };
}

export interface ProcessRun {
  readonly ms: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one whole process without blocking this one (lab servers living here must keep serving meanwhile; a
 * synchronous spawn would stall them and time every request out), and times it.
 */
export function runProcess(argv: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ProcessRun> {
  return new Promise((done, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(argv[0] ?? process.execPath, argv.slice(1), { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ ms: Number(process.hrtime.bigint() - start) / 1e6, code, stdout, stderr });
    });
  });
}

/** Times `once` (which may run several processes) `runs` times after `warmUps` untimed runs. */
export async function timeAsync(label: string, runs: number, once: () => Promise<void>, warmUps = 1): Promise<Timing> {
  for (let i = 0; i < warmUps; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await once();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { label, runs, medianMs: median(samples), minMs: Math.min(...samples), maxMs: Math.max(...samples) };
}

/** Like `timeProcess`, but asynchronous (see `runProcess`). */
export function timeProcessAsync(label: string, argv: readonly string[], runs: number, cwd: string, okStatuses: readonly number[] = [0]): Promise<Timing> {
  return timeAsync(label, runs, async () => {
    const r = await runProcess(argv, { cwd });
    if (r.code === null || !okStatuses.includes(r.code)) throw new Error(`${label}: exit ${String(r.code)}: ${r.stderr.slice(0, 500)}`);
  });
}
