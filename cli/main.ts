/**
 * `launch-ready` command line. Each command's implementation is loaded only when it runs, so `audit` never pays
 * for (or depends on) the Pulumi SDK that `preview` needs.
 */
import { Command, CommanderError } from "commander";
import { auditCommand } from "./commands/audit";
import { previewCommand } from "./commands/preview";
import { EXIT } from "./exit-codes";

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  const program = new Command("launch-ready")
    .description("Make a B2B SaaS domain launch-ready and keep it so.")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
    .showHelpAfterError("(run `launch-ready --help` for usage)");
  program.addCommand(previewCommand(setExitCode));
  program.addCommand(auditCommand(setExitCode));
  // addCommand() does not pass these settings down: without them commander calls process.exit(1) itself.
  for (const sub of program.commands) {
    sub.exitOverride().showHelpAfterError(`(run \`launch-ready ${sub.name()} --help\` for usage)`);
  }
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version are not failures; anything else is a usage error.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw err;
  }
  return exitCode;
}
