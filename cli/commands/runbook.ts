import { Command } from "commander";
import { EXIT_CODES, type ExitCode } from "../exit-codes";
import { RUNBOOKS } from "../../core/runbooks/catalog";

/**
 * `launch-ready runbook <name> --stack <stack> [--outputs FILE|-]`: prints `runbooks/<name>.md` with every
 * `{{output.path}}` placeholder filled in from the stack's outputs. If any placeholder does not resolve it prints
 * none of the runbook, names each missing output, and exits 2: never a half-filled runbook.
 */
interface RawOptions {
  stack: string;
  outputs?: string;
  domain?: string;
  secret?: string;
}

export function runbookCommand(setExitCode: (code: ExitCode) => void): Command {
  return new Command("runbook")
    .description("Print a runbook (runbooks/<name>.md) filled in with the stack's real values from `pulumi stack output --json`")
    .argument("<name>", `the runbook: ${RUNBOOKS.map((r) => r.name).join(", ")}`)
    .requiredOption("--stack <name>", "the stack whose outputs fill the runbook in")
    .option("--outputs <file>", "read the outputs from this file (the output of `pulumi stack output --json`), or - for stdin; default: run that command")
    .option("--domain <domain>", "the domain a zone placeholder is about (default: the stack's only zone)")
    .option("--secret <name>", "the secret a secret placeholder is about (default: the stack's only secret)")
    .addHelpText("after", `\nRunbooks:\n${RUNBOOKS.map((r) => `  ${r.name.padEnd(17)} ${r.title}: ${r.when}`).join("\n")}\n\nExit status: ${EXIT_CODES.map((r) => `${r.code} ${r.meaning}`).join("; ")}.\n`)
    .action(async (name: string, raw: RawOptions) => {
      const { printRunbook } = await import("../restore/runbook");
      setExitCode(printRunbook({ name, stack: raw.stack, outputsFile: raw.outputs, given: { ...(raw.domain !== undefined ? { $domain: raw.domain } : {}), ...(raw.secret !== undefined ? { $secret: raw.secret } : {}) } }));
    });
}


