/**
 * Runs a stack file through the same path as `launch-ready preview`: config validation, the real program under the
 * mock engine, then the plan rules. Mocks are process-global, so the module graph is reset before every run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { vi } from "vitest";
import { parse, stringify } from "yaml";
import { readStackFile, type StackFile } from "../../../config/stack-file";
import type { ConfigReport } from "../../../config/issues";
import type { LaunchReadySpec } from "../../../config/spec";
import { validateConfig } from "../../../config/validate";
import { type OfflineRun, runOffline } from "../../../engine/run";
import { PLAN_RULES } from "../../../policy/rules";
import { buildScorecard, type Scorecard } from "../../../policy/scorecard";
import { PROJECT_DIR, tempDir } from "../../helpers/temp-dir";

export const STACKS_DIR = join(PROJECT_DIR, "stacks");

export interface StackRun {
  readonly report: ConfigReport<LaunchReadySpec>;
  readonly run: OfflineRun;
  readonly scorecard: Scorecard;
}

export async function runStack(stack: StackFile, preview: boolean): Promise<StackRun> {
  const report = validateConfig(stack.config, { secretPaths: stack.secretPaths });
  if (report.errors.length > 0) throw new Error(`config errors: ${report.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
  vi.resetModules();
  const run = await runOffline({ stack, projectDir: PROJECT_DIR, preview });
  return { report, run, scorecard: buildScorecard(PLAN_RULES, run.resources) };
}

export function readStack(name: string): StackFile {
  return readStackFile(STACKS_DIR, name);
}

/**
 * A variant of a committed stack: its YAML, changed by `edit`, written to a temp stacks folder and read back the
 * way the CLI reads it (so the variant is a real stack file, not an object the test made up).
 */
export function stackVariant(name: string, variant: string, edit: (domains: unknown[]) => void): StackFile {
  const doc: unknown = parse(readFileSync(join(STACKS_DIR, `Pulumi.${name}.yaml`), "utf8"));
  if (typeof doc !== "object" || doc === null) throw new Error("stack file is not a mapping");
  const config: unknown = Reflect.get(doc, "config");
  const domains: unknown = typeof config === "object" && config !== null ? Reflect.get(config, "launch-ready:domains") : undefined;
  if (!Array.isArray(domains)) throw new Error("stack file has no launch-ready:domains list");
  edit(domains);
  const dir = tempDir("stack-variant");
  try {
    dir.write(`Pulumi.${variant}.yaml`, stringify(doc));
    return readStackFile(dir.dir, variant);
  } finally {
    dir.cleanup();
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The mapping at `path` inside parsed YAML, created when missing; throws when something else is there. */
export function mapAt(root: unknown, ...path: (string | number)[]): Record<string, unknown> {
  let cur: unknown = root;
  for (const key of path) {
    const parent = cur;
    if (Array.isArray(parent) && typeof key === "number") cur = parent[key];
    else if (isRecord(parent) && typeof key === "string") {
      if (parent[key] === undefined) parent[key] = {};
      cur = parent[key];
    } else throw new Error(`no mapping at ${path.join(".")}`);
  }
  if (!isRecord(cur)) throw new Error(`${path.join(".")} is not a mapping`);
  return cur;
}
