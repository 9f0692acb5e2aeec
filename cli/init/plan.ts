/**
 * The offline preview of the stack text init is about to write, built as `launch-ready preview --stack` builds it
 * (the stack file parser, config validation, the program under the offline engine, the plan document). Loads the
 * Pulumi SDK: imported lazily, after the live audit.
 */
import { resolve } from "node:path";
import { parseStackFile } from "../../config/stack-file";
import { validateConfig } from "../../config/validate";
import type { PreviewDocument } from "../preview/report";

export type TextPlan =
  | { readonly ok: true; readonly doc: PreviewDocument }
  | { readonly ok: false; readonly stage: "config" | "program"; readonly reason: string };

const PROJECT_DIR = resolve(__dirname, "..", "..");

/** Whether the text passes the stack config validation, with the issues when not. */
export function validateStackText(text: string, stack: string, shown: string): readonly string[] {
  const file = parseStackFile(text, stack, shown);
  return validateConfig(file.config, { secretPaths: file.secretPaths }).errors.map((e) => `${e.path}: ${e.message}`);
}

export async function planOfText(text: string, stack: string, shown: string, now: Date): Promise<TextPlan> {
  const file = parseStackFile(text, stack, shown);
  const report = validateConfig(file.config, { secretPaths: file.secretPaths });
  if (report.errors.length > 0) return { ok: false, stage: "config", reason: report.errors.map((e) => `${e.path}: ${e.message}`).join("; ") };
  const [{ runOffline }, { planDocument }] = await Promise.all([import("../../engine/run"), import("../preview/plan-document")]);
  const run = await runOffline({ stack: file, projectDir: PROJECT_DIR, preview: true });
  if (run.errors.length > 0) return { ok: false, stage: "program", reason: run.errors.join("; ") };
  return { ok: true, doc: planDocument(stack, "preview", run, report, now) };
}
