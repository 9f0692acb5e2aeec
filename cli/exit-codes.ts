/**
 * The exit statuses of every `launch-ready` command, defined once. `preview` and `audit` return these, and the
 * README's table and docs/CHECKS.md are generated from `EXIT_CODES` (`npm run docs`), so code and docs cannot drift.
 *
 * One code per kind of outcome, whatever the command: a CI step tests `$? -eq 1` for "a check fails" and
 * `$? -eq 2` for "fix your input" without knowing which command ran. Usage errors share 2 with config errors
 * (both: nothing was checked, the fix is in what you typed); 70 is sysexits.h's EX_SOFTWARE.
 */
export const EXIT = {
  ok: 0,
  checkFailed: 1,
  invalidInput: 2,
  incomplete: 3,
  internal: 70,
} as const;

export type ExitName = keyof typeof EXIT;
export type ExitCode = (typeof EXIT)[ExitName];

export interface ExitCodeRow {
  readonly code: ExitCode;
  readonly name: ExitName;
  /** What the code means for every command. */
  readonly meaning: string;
  readonly preview: string;
  readonly audit: string;
}

/** The table the docs show, in code order. */
export const EXIT_CODES: readonly ExitCodeRow[] = [
  {
    code: EXIT.ok,
    name: "ok",
    meaning: "nothing at or above the fail-on level",
    preview: "no mandatory check fails (advisory failures, warnings and cannot-tell are reported, not failed)",
    audit: "no check at or above `--fail-on` (default `fail`): warnings alone exit 0 unless `--fail-on warn`",
  },
  {
    code: EXIT.checkFailed,
    name: "checkFailed",
    meaning: "a check fails",
    preview: "a mandatory check fails",
    audit: "a check fails (with `--fail-on warn`: or warns); outranks 3, since a proven failure is the thing to act on",
  },
  {
    code: EXIT.invalidInput,
    name: "invalidInput",
    meaning: "invalid input, nothing checked",
    preview: "the stack file is missing or its config is invalid, or a command-line argument is wrong",
    audit: "a command-line argument is wrong (option, domain, `--ca` file), or `--stack` names a missing or invalid stack",
  },
  {
    code: EXIT.incomplete,
    name: "incomplete",
    meaning: "incomplete: could not decide",
    preview: "the Pulumi program failed, so nothing could be checked",
    audit: "some check could not decide (`error`: lookups timed out, the deadline passed, no resolver) and none fails",
  },
  {
    code: EXIT.internal,
    name: "internal",
    meaning: "internal error (a bug in launch-ready)",
    preview: "an unexpected error; please report it with the output",
    audit: "an unexpected error; please report it with the output",
  },
];

/** The "Exit status" section of a command's `--help`, from the same table. */
export function exitCodesHelp(command: "preview" | "audit"): string {
  const rows = EXIT_CODES.map((r) => `  ${String(r.code).padStart(2)}  ${r[command]}`);
  return ["Exit status:", ...rows].join("\n");
}
