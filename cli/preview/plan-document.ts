/**
 * From a finished offline run to the preview document: the plan rules with the stack's acknowledgements, the rows
 * its config leaves unprovisioned, and the program's own logs minus the config warnings already shown. One
 * definition for `launch-ready preview` and the plan column of `audit --stack --html`. Loads the policy rules, so
 * callers import it lazily (with the engine), never from `audit`'s start-up path.
 */
import type { ScorecardRowId } from "../../checklist/types";
import type { ConfigReport } from "../../config/issues";
import type { LaunchReadySpec } from "../../config/spec";
import type { OfflineRun } from "../../engine/run";
import { PLAN_RULES } from "../../policy/rules";
import type { ProbedRow } from "../../policy/probe-rows";
import { buildScorecard } from "../../policy/scorecard";
import { specPlanRules } from "../../policy/spec-rules";
import { previewDocument, type PreviewDocument } from "./report";

/** `probed`: the application rows a `probe authz` report verified (`policy/probe-rows.ts`), from `--probe-report`. */
export function planDocument(
  stack: string,
  mode: "preview" | "up",
  run: OfflineRun,
  config: ConfigReport<LaunchReadySpec>,
  now: Date,
  probed: ReadonlyMap<ScorecardRowId, ProbedRow> = new Map(),
): PreviewDocument {
  const unprovisioned = new Map<ScorecardRowId, string[]>();
  for (const w of config.warnings) {
    const row = w.unprovisionedRow;
    if (row !== undefined) unprovisioned.set(row, [...(unprovisioned.get(row) ?? []), w.path]);
  }
  const scorecard = buildScorecard([...PLAN_RULES, ...specPlanRules(config.value)], run.resources, unprovisioned, { acknowledgements: config.value?.acknowledgements ?? [], now }, probed);
  // The program (index.ts) logs each config warning as `path: message` for users of the real CLI; the preview has
  // shown them already, so drop exactly those and keep anything else it logged.
  const printed = new Set(config.warnings.map((w) => `${w.path}: ${w.message}`));
  const logs = run.logs.filter((l) => !printed.has(l.message));
  return previewDocument(stack, mode, run.resources, scorecard, run.outputs, config.warnings, logs);
}
