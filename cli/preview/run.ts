/**
 * Orchestrates the offline preview: stack file → config validation (exit 2, nothing run) → the program under
 * mocks (exit 3 when it fails) → the plan rules → the report. With `--json`, every exit prints one document.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ScorecardRowId } from "../../checklist/types";
import type { ProbedRow } from "../../policy/probe-rows";
import { formatIssues } from "../../config/format";
import { readStackFile, StackFileError } from "../../config/stack-file";
import type { ConfigReport } from "../../config/issues";
import type { LaunchReadySpec } from "../../config/spec";
import { validateConfig } from "../../config/validate";
import { errorDocument, formatErrorDocument, type InputError } from "../error-document";
import { EXIT, type ExitCode } from "../exit-codes";
import { programStack } from "./program-stack";
import { renderPreview } from "./report";

export interface PreviewOptions {
  /** The stack; with `program`, optional when the program's folder has exactly one stack file. */
  readonly stack?: string;
  /**
   * `--program <dir>`: preview this Pulumi project instead of launch-ready's own stack program; its stack files are
   * read from its own folder (Pulumi.yaml's `stackConfigDir`, else the folder itself).
   */
  readonly program?: string;
  readonly json: boolean;
  readonly mode: "preview" | "up";
  readonly stacksDir: string;
  readonly projectDir?: string;
  /** `--probe-report FILE`: a `launch-ready probe authz --json` report for this stack, for the application rows. */
  readonly probeReport?: string;
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
  let projectDir = opts.projectDir ?? PROJECT_DIR;
  try {
    if (opts.program !== undefined) {
      const program = programStack(resolve(opts.program), opts.stack);
      stack = program.stack;
      projectDir = program.dir;
    } else {
      if (opts.stack === undefined) return stop(EXIT.invalidInput, "launch-ready: preview needs --stack <name> (or --program <dir>)\n", [{ path: "--stack", message: "is required without --program" }]);
      stack = readStackFile(resolve(opts.stacksDir), opts.stack);
    }
  } catch (e) {
    if (e instanceof StackFileError) {
      return stop(EXIT.invalidInput, `launch-ready: cannot read ${e.file}:\n${formatIssues(e.issues, "✗")}\n`, e.issues);
    }
    throw e;
  }
  // A program of the user's own need not use the launch-ready: namespace; where its stack file does, it is held
  // to the same contract as launch-ready's own stacks.
  const usesNamespace = opts.program === undefined || Object.keys(stack.config).some((k) => k.startsWith("launch-ready:"));
  const report: ConfigReport<LaunchReadySpec> = usesNamespace ? validateConfig(stack.config, { secretPaths: stack.secretPaths }) : { errors: [], warnings: [] };
  if (report.errors.length > 0) {
    return stop(EXIT.invalidInput, `launch-ready: ${stack.path} has ${report.errors.length} config error(s); nothing was previewed:\n${formatIssues(report.errors, "✗")}\n`, report.errors);
  }
  let probed: Awaited<ReturnType<typeof readProbeReport>> = new Map();
  if (opts.probeReport !== undefined) {
    const read = await readProbeReport(opts.probeReport, report.value);
    if (typeof read === "string") return stop(EXIT.invalidInput, `launch-ready: --probe-report ${opts.probeReport}: ${read}\n`, [{ path: "--probe-report", message: read }]);
    probed = read;
  }
  // The Pulumi SDK costs about a second to load: only once the config is known to be good.
  const [{ runOffline }, { planDocument }] = await Promise.all([import("../../engine/run"), import("./plan-document")]);
  let run;
  try {
    run = await runOffline({ stack, projectDir, preview: opts.mode === "preview" });
  } catch (e) {
    const { ProgramError } = await import("../../engine/program");
    if (e instanceof ProgramError) return stop(EXIT.invalidInput, `launch-ready: ${e.message}\n`, [{ path: "--program", message: e.message }]);
    throw e;
  }
  if (run.errors.length > 0) {
    const text = `launch-ready: the program failed for stack ${stack.stack}:\n${run.errors.map((e) => `  ✗ ${e}`).join("\n")}\n`;
    return stop(EXIT.incomplete, text, run.errors.map((message) => ({ message })));
  }
  const doc = planDocument(stack.stack, opts.mode, run, report, new Date(), probed);
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

/** The probe's rows, or why the file cannot serve (unreadable, not a probe report, or a stack with no routes). */
async function readProbeReport(file: string, spec: LaunchReadySpec | undefined): Promise<ReadonlyMap<ScorecardRowId, ProbedRow> | string> {
  if (spec === undefined) return "needs a stack with `launch-ready:routes`: the report is checked against its inventory";
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    return `cannot be read (${e instanceof Error ? e.message : String(e)}): give the file \`launch-ready probe authz --json\` wrote`;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return "is not JSON: give the file `launch-ready probe authz --json` wrote";
  }
  const { probeRows } = await import("../../policy/probe-rows");
  const rows = probeRows(doc, spec);
  return rows.ok ? rows.rows : `${rows.reason}: give the file \`launch-ready probe authz --stack <stack> --json\` wrote`;
}
