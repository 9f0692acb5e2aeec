/** The I/O of `launch-ready runbook`: read the runbook file and the outputs, fill, print or name what is missing. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EXIT, type ExitCode } from "../exit-codes";
import { RUNBOOKS, runbookNamed } from "../../core/runbooks/catalog";
import { fillRunbook, type VariableName } from "../../core/runbooks/template";
import { loadOutputs, OutputsError } from "./outputs";

/** `runbooks/` ships at the package root: two levels up from the sources, three from dist/. */
export function runbooksDir(): string {
  const candidates = [join(__dirname, "..", "..", "runbooks"), join(__dirname, "..", "..", "..", "runbooks")];
  return candidates.find((d) => existsSync(d)) ?? candidates[0] ?? "runbooks";
}

export interface PrintRunbookOptions {
  readonly name: string;
  readonly stack: string;
  readonly outputsFile: string | undefined;
  readonly given: Partial<Record<VariableName, string>>;
}

export function printRunbook(o: PrintRunbookOptions, out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): ExitCode {
  const entry = runbookNamed(o.name);
  if (entry === undefined) {
    err(`launch-ready runbook: no runbook \`${o.name}\`; there are: ${RUNBOOKS.map((r) => r.name).join(", ")}\n`);
    return EXIT.invalidInput;
  }
  let outputs;
  try {
    outputs = loadOutputs(o.stack, o.outputsFile);
  } catch (e) {
    if (!(e instanceof OutputsError)) throw e;
    err(`launch-ready runbook: ${e.message}\n`);
    return EXIT.invalidInput;
  }
  const file = join(runbooksDir(), `${entry.name}.md`);
  const filled = fillRunbook(readFileSync(file, "utf8"), outputs, o.given);
  if (!filled.ok) {
    const lines = [
      `launch-ready runbook: cannot fill in runbooks/${entry.name}.md for stack ${o.stack}; nothing printed rather than a half-filled runbook:`,
      ...filled.errors.map((e) => `  ${e}`),
      ...filled.unresolved.map((u) => `  line ${u.placeholder.line}: {{${u.placeholder.expression}}}: ${u.reason}`),
      `The unfilled runbook is runbooks/${entry.name}.md.`,
    ];
    err(`${lines.join("\n")}\n`);
    return EXIT.invalidInput;
  }
  out(`<!-- runbooks/${entry.name}.md, filled in for stack ${o.stack} -->\n${filled.text}`);
  return EXIT.ok;
}
