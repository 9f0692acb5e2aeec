/**
 * `launch-ready` command line. Each command's implementation is loaded only when it runs, so `audit` never pays
 * for (or depends on) the Pulumi SDK that `preview` needs. Exit statuses: `cli/exit-codes.ts`, one table for all.
 */
import { Command, CommanderError } from "commander";
import { auditCommand } from "./commands/audit";
import { previewCommand } from "./commands/preview";
import { scanCommand } from "./commands/scan";
import { probeCommand } from "./commands/probe";
import { runbookCommand } from "./commands/runbook";
import { restoreCommand } from "./commands/restore";
import { initCommand } from "./commands/init";
import { adoptCommand } from "./commands/adopt";
import { errorDocument, formatErrorDocument, jsonCommandOf, type InputError } from "./error-document";
import { EXIT, EXIT_CODES, type ExitCode } from "./exit-codes";
import { toolVersion } from "./version";

/** commander's message as an input error: its first quoted word names the option or argument. */
function fromCommanderError(err: CommanderError): InputError {
  const message = err.message.replace(/^error: /, "");
  const quoted = /'([^' ]+)/.exec(message)?.[1];
  return quoted !== undefined ? { path: quoted, message } : { message };
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: ExitCode = EXIT.ok;
  const setExitCode = (code: ExitCode): void => {
    exitCode = code;
  };
  const json = jsonCommandOf(argv);
  const program = new Command("launch-ready")
    .description("Make a B2B SaaS domain launch-ready and keep it so.")
    .version(toolVersion(), "-V, --version", "print the version (package.json) and exit")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
    .showHelpAfterError("(run `launch-ready --help` for usage)")
    .addHelpText("after", `\nExit status, for every command: ${EXIT_CODES.map((r) => `${r.code} ${r.meaning}`).join("; ")}.\nThe checks, their outcomes and the JSON contracts: docs/CHECKS.md\n`);
  program.addCommand(previewCommand(setExitCode));
  program.addCommand(auditCommand(setExitCode));
  program.addCommand(scanCommand(setExitCode));
  program.addCommand(probeCommand(setExitCode));
  program.addCommand(runbookCommand(setExitCode));
  program.addCommand(restoreCommand(setExitCode));
  program.addCommand(initCommand(setExitCode));
  program.addCommand(adoptCommand(setExitCode));
  // addCommand() does not pass these settings down: without them commander calls process.exit(1) itself.
  for (const sub of program.commands) {
    sub.exitOverride().showHelpAfterError(`(run \`launch-ready ${sub.name()} --help\` for usage)`);
  }
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version are not failures; anything else is a usage error: invalid input, nothing checked.
      if (err.exitCode === 0) return EXIT.ok;
      if (json !== undefined) process.stdout.write(formatErrorDocument(errorDocument(json, EXIT.invalidInput, [fromCommanderError(err)])));
      return EXIT.invalidInput;
    }
    // A bug, not the user's doing: one line (no stack trace), exit 70, and still one document for --json.
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`launch-ready: internal error: ${message}\n(please report this, with the command you ran)\n`);
    if (json !== undefined) process.stdout.write(formatErrorDocument(errorDocument(json, EXIT.internal, [{ message: `internal error: ${message}` }])));
    return EXIT.internal;
  }
  return exitCode;
}
