/** Whole-process timings: medians of several runs, so a benchmark says something on a busy 2-core machine. */
import { spawnSync } from "node:child_process";

export interface Timing {
  readonly label: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs `argv` `runs` times (after one warm-up that fills the OS file cache) and times each whole process. */
export function timeProcess(label: string, argv: readonly string[], runs: number, cwd: string, okStatuses: readonly number[] = [0]): Timing {
  const once = (): number => {
    const start = process.hrtime.bigint();
    const r = spawnSync(argv[0]!, argv.slice(1), { cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status === null || !okStatuses.includes(r.status)) throw new Error(`${label}: exit ${String(r.status)}: ${r.stderr.slice(0, 500)}`);
    return ms;
  };
  once();
  const samples = Array.from({ length: runs }, once);
  return { label, runs, medianMs: median(samples), minMs: Math.min(...samples), maxMs: Math.max(...samples) };
}
