/**
 * The plan's column of a combined run (`audit <domains…> --stack S --html FILE`): the offline preview of stack S,
 * built as `launch-ready preview` builds it (config validation, the program under the mock engine, the plan rules
 * with the stack's acknowledgements, the preview document), so the page's "before apply" column is the preview's
 * own verdict.
 *
 * It never throws and never fails the audit: when the plan cannot be built, the answer is the reason, which the page
 * states in place of the column. The Pulumi SDK is loaded here, on demand, and only by this path: the audit itself
 * must not load it. Not exported from `./index` for that reason: import this file directly, lazily.
 */
import { resolve } from "node:path";
import type { PreviewDocument } from "../../cli/preview/report";

export type StackPlan = { readonly ok: true; readonly doc: PreviewDocument } | { readonly ok: false; readonly reason: string };

export interface StackPlanOptions {
  readonly stack: string;
  readonly stacksDir: string;
  /** The project holding Pulumi.yaml and index.ts; by default this repository. */
  readonly projectDir?: string;
  readonly now?: Date;
}

const PROJECT_DIR = resolve(__dirname, "..", "..");

export async function planOfStack(opts: StackPlanOptions): Promise<StackPlan> {
  // Config errors quote the values they reject, and a program's error may quote an input: a credential pasted in the
  // wrong field must not reach the page through the reason (the preview redacts its errors the same way).
  const { createRedactor, defaultScanner } = await import("../../core/secrets");
  const failed = (reason: string): StackPlan => {
    const redactor = createRedactor({ scanner: defaultScanner });
    redactor.prime(reason);
    return { ok: false, reason: redactor.text(reason) };
  };
  try {
    const [{ readStackFile, StackFileError }, { validateConfig }] = await Promise.all([import("../../config/stack-file"), import("../../config/validate")]);
    let stack;
    try {
      stack = readStackFile(resolve(opts.stacksDir), opts.stack);
    } catch (e) {
      if (e instanceof StackFileError) return failed(`The stack file ${e.file} cannot be read (${issues(e.issues)}); run \`launch-ready preview --stack ${opts.stack}\` for details.`);
      throw e;
    }
    const report = validateConfig(stack.config, { secretPaths: stack.secretPaths });
    if (report.errors.length > 0) {
      return failed(`${stack.path} has ${report.errors.length} config error(s), so the plan was not built (${issues(report.errors)}); run \`launch-ready preview --stack ${stack.stack}\` to see them all.`);
    }
    const [{ runOffline }, { planDocument }] = await Promise.all([import("../../engine/run"), import("../../cli/preview/plan-document")]);
    const run = await runOffline({ stack, projectDir: opts.projectDir ?? PROJECT_DIR, preview: true });
    if (run.errors.length > 0) {
      return failed(`The Pulumi program failed for stack ${stack.stack} under the offline preview (${run.errors.join("; ")}); run \`launch-ready preview --stack ${stack.stack}\` for details.`);
    }
    return { ok: true, doc: planDocument(stack.stack, "preview", run, report, opts.now ?? new Date()) };
  } catch (err) {
    return failed(`The offline preview of stack ${opts.stack} stopped: ${err instanceof Error ? err.message : String(err)}.`);
  }
}

/** At most three issues, `path: message`, then how many more. */
function issues(list: readonly { readonly path?: string; readonly message: string }[]): string {
  const shown = list.slice(0, 3).map((i) => (i.path !== undefined && i.path !== "" ? `${i.path}: ${i.message}` : i.message));
  return `${shown.join("; ")}${list.length > 3 ? `; and ${list.length - 3} more` : ""}`;
}
