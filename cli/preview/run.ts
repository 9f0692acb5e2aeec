/**
 * Orchestrates the offline preview: stack file → config validation (exit 2, nothing run) → the program under
 * mocks (exit 3 when it fails) → the plan rules → the report. With `--json`, every exit prints one document.
 */
import { resolve } from "node:path";
import { formatIssues } from "../../config/format";
import { readStackFile, StackFileError } from "../../config/stack-file";
import { validateConfig } from "../../config/validate";
import { errorDocument, formatErrorDocument, type InputError } from "../error-document";
import { EXIT, type ExitCode } from "../exit-codes";
import { renderPreview } from "./report";

export interface PreviewOptions {
  readonly stack: string;
  readonly json: boolean;
  readonly mode: "preview" | "up";
  readonly stacksDir: string;
  readonly projectDir?: string;
  /** `--html FILE`: also write the report as one HTML page. */
  readonly html?: string;
  readonly out?: (text: string) => void;
  readonly err?: (text: string) => void;
}

const PROJECT_DIR = resolve(__dirname, "..", "..");

export async function runPreview(opts: PreviewOptions): Promise<ExitCode> {
  const out = opts.out ?? ((t: string) => void process.stdout.write(t));
  const err = opts.err ?? ((t: string) => void process.stderr.write(t));
  /** Stops early: the message on stderr, and for --json the same errors as the one document on stdout. */
  const stop = async (code: ExitCode, raw: string, rawErrors: readonly InputError[]): Promise<ExitCode> => {
    // Config errors quote the value they reject: a credential pasted in the wrong field must not be echoed.
    const { createRedactor, defaultScanner } = await import("../../core/secrets");
    const redactor = createRedactor({ scanner: defaultScanner });
    redactor.prime([raw, rawErrors]);
    err(redactor.text(raw));
    const errors = rawErrors.map((e) => ({ ...e, message: redactor.text(e.message) }));
    if (opts.json) out(formatErrorDocument(errorDocument("preview", code, errors)));
    return code;
  };
  let stack;
  try {
    stack = readStackFile(resolve(opts.stacksDir), opts.stack);
  } catch (e) {
    if (e instanceof StackFileError) {
      return stop(EXIT.invalidInput, `launch-ready: cannot read ${e.file}:\n${formatIssues(e.issues, "✗")}\n`, e.issues);
    }
    throw e;
  }
  const report = validateConfig(stack.config, { secretPaths: stack.secretPaths });
  if (report.errors.length > 0) {
    return stop(EXIT.invalidInput, `launch-ready: ${stack.path} has ${report.errors.length} config error(s); nothing was previewed:\n${formatIssues(report.errors, "✗")}\n`, report.errors);
  }
  // The Pulumi SDK costs about a second to load: only once the config is known to be good.
  const [{ runOffline }, { planDocument }] = await Promise.all([import("../../engine/run"), import("./plan-document")]);
  const run = await runOffline({ stack, projectDir: opts.projectDir ?? PROJECT_DIR, preview: opts.mode === "preview" });
  if (run.errors.length > 0) {
    const text = `launch-ready: the program failed for stack ${stack.stack}:\n${run.errors.map((e) => `  ✗ ${e}`).join("\n")}\n`;
    return stop(EXIT.incomplete, text, run.errors.map((message) => ({ message })));
  }
  const doc = planDocument(stack.stack, opts.mode, run, report, new Date());
  out(opts.json ? `${JSON.stringify(doc, null, 2)}\n` : renderPreview(doc));
  if (opts.html !== undefined) {
    const { fromPreview, packageVersion, writeHtmlReport } = await import("../../report/html");
    const failed = writeHtmlReport(opts.html, fromPreview(doc, { generatedAt: new Date(), toolVersion: packageVersion() }));
    if (failed !== undefined) {
      err(`launch-ready: ${failed}\n`);
      return EXIT.incomplete;
    }
  }
  return doc.blocked ? EXIT.checkFailed : EXIT.ok;
}
