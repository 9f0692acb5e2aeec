import { Command, Option } from "commander";
import type { ExitCode } from "../exit-codes";

/**
 * `launch-ready adopt --stack <name> [--write] [--force] [--json]`: reads the stack's Cloudflare zones (GETs only)
 * and writes what adopting them needs into the stack file. The token comes from CLOUDFLARE_API_TOKEN only.
 */
interface RawOptions {
  stack: string;
  stacksDir: string;
  write?: boolean;
  force?: boolean;
  json?: boolean;
  token?: string;
}

export function adoptCommand(setExitCode: (code: ExitCode) => void): Command {
  return new Command("adopt")
    .description("Adopt existing Cloudflare zones: read their records, entrypoint rulesets and settings (read-only) and write the zone id, adoptRecords and rulesetIds into the stack file")
    .requiredOption("--stack <name>", "stack name: reads and updates stacks/Pulumi.<name>.yaml")
    .option("--stacks-dir <dir>", "where the stack files live", "stacks")
    .option("--write", "write the stack file (default: print the diff and the file it would write)")
    .option("--force", "with --write: replace adoption values the file already declares that the live zone contradicts")
    .option("--json", "print one JSON document (the diff per domain, the file's new text; errors when it stops early)")
    // Never an option: a token on the command line lands in shell history and process lists. Declared only so the
    // value is never echoed back in an "unknown option" message.
    .addOption(new Option("--token <token>").hideHelp())
    .addOption(new Option("--api-token <token>").hideHelp())
    .addHelpText(
      "after",
      [
        "",
        "The API token is read from CLOUDFLARE_API_TOKEN, never from the command line, and never printed. Read-only is",
        "enough: Zone Read, DNS Read, Zone Settings Read, and read access to the rulesets of the phases the stack",
        "manages (e.g. Single Redirect Read). CLOUDFLARE_API_BASE_URL points it at another API base URL (https, or http",
        "to this machine only).",
        "",
        "Exit status:",
        "   0  the diff is printed (with --write: the file is written, or already says all of it)",
        "   1  a planned record conflicts with a live one: the first `pulumi up` would fail (the diff says which)",
        "   2  the stack file is missing or invalid, the token is missing or refused, the zone is not found, or the",
        "      file declares adoption values the live zone contradicts (--write without --force)",
        "   3  Cloudflare could not be read: network error, timeout, rate limited after the retries",
        "  70  an unexpected error (a bug in launch-ready)",
        "",
      ].join("\n"),
    )
    .action(async (raw: RawOptions & { apiToken?: string }) => {
      const { runAdopt } = await import("../adopt/run");
      if (raw.token !== undefined || raw.apiToken !== undefined) {
        const { refuseTokenOption } = await import("../adopt/token-option");
        setExitCode(refuseTokenOption(raw.json === true));
        return;
      }
      setExitCode(await runAdopt({ stack: raw.stack, stacksDir: raw.stacksDir, write: raw.write === true, force: raw.force === true, json: raw.json === true }));
    });
}
