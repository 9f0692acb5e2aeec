/**
 * What `--json` prints when a command stops before it has a report: still exactly one JSON document on stdout, so
 * CI that parses stdout gets the reason with the exit status instead of an empty string.
 *
 *   { "command": "preview", "exitCode": 2, "errors": [{ "path": "launch-ready:domains[0].name", "message": "…" }] }
 *
 * `errors` is what tells it apart from a report; `path` names the config field, option or argument when there is one.
 */
import type { ExitCode } from "./exit-codes";

export type CommandName = "preview" | "audit" | "scan" | "probe" | "init" | "adopt";

export interface InputError {
  /** A config field path (`launch-ready:domains[0].web.hsts.maxAgeSeconds`), an option (`--stack`) or an argument. */
  readonly path?: string;
  readonly message: string;
}

export interface ErrorDocument {
  readonly command: CommandName;
  readonly exitCode: ExitCode;
  readonly errors: readonly InputError[];
}

export function errorDocument(command: CommandName, exitCode: ExitCode, errors: readonly InputError[]): ErrorDocument {
  return { command, exitCode, errors: errors.map((e) => (e.path !== undefined ? { path: e.path, message: e.message } : { message: e.message })) };
}

export function formatErrorDocument(doc: ErrorDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * The command `argv` runs with `--json`, if any: the first word that is not an option, when it is a command that
 * has `--json`, and `--json` among the options before any `--`. Used where commander rejected the arguments
 * before the command ran, but far enough to know a JSON document was asked for.
 */
export function jsonCommandOf(argv: readonly string[]): CommandName | undefined {
  const args = argv.slice(2);
  const end = args.indexOf("--");
  const opts = end < 0 ? args : args.slice(0, end);
  const command = opts.find((a) => !a.startsWith("-"));
  if (command !== "preview" && command !== "audit" && command !== "scan" && command !== "probe" && command !== "init" && command !== "adopt") return undefined;
  return opts.includes("--json") ? command : undefined;
}
