/** Runs the real `bin/launch-ready.js` as a user does: a process, its exit status, stdout and stderr. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { z } from "zod";
import { PROJECT_DIR } from "../helpers/temp-dir";

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function cli(...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [join(PROJECT_DIR, "bin", "launch-ready.js"), ...args], { cwd: PROJECT_DIR, encoding: "utf8", timeout: 60_000, env: { ...process.env, FORCE_COLOR: "0" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The error document `--json` prints when a command stops early, strictly. */
export const ERROR_DOCUMENT = z.strictObject({
  command: z.enum(["preview", "audit", "scan"]),
  exitCode: z.number(),
  errors: z.array(z.strictObject({ path: z.string().min(1).optional(), message: z.string().min(1) })).min(1),
});
