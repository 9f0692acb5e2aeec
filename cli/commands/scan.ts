import { Command, InvalidArgumentError } from "commander";
import { errorDocument, formatErrorDocument } from "../error-document";
import { EXIT, type ExitCode } from "../exit-codes";
import { toolVersion } from "../version";

/**
 * `launch-ready scan secrets`: credentials in the repository's whole git history and working tree
 * (`secrets.repo_scan`). The implementation (`scan/secrets/`) is loaded only when the command runs; neither it nor
 * this file loads the Pulumi SDK.
 */

const EXIT_HELP = [
  "Exit status:",
  "   0  no credential in the history or the working tree",
  "   1  a credential was found (each is named by file, line, commit or working tree, and rule; never its value)",
  "   2  invalid input: --repo is not a folder inside a git repository, or an option is wrong",
  "   3  incomplete: a shallow clone, whose history before the cut could not be scanned",
  "  70  internal error (a bug in launch-ready)",
].join("\n");

interface RawOptions {
  repo: string;
  json?: boolean;
  sarif?: boolean;
  markdown?: boolean;
  maxFileBytes?: number;
}

function byteCount(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1024 * 1024 * 1024) {
    throw new InvalidArgumentError("--max-file-bytes must be a whole number of bytes from 1 to 1073741824, e.g. --max-file-bytes 10485760");
  }
  return Number(value);
}

export function scanCommand(setExitCode: (code: ExitCode) => void): Command {
  // Set before `.command()`, which copies them: without them commander would call process.exit itself.
  const scan = new Command("scan")
    .description("Scan the repository for launch blockers (today: committed credentials, `scan secrets`)")
    .exitOverride()
    .showHelpAfterError("(run `launch-ready scan secrets --help` for usage)");
  scan
    .command("secrets")
    .description("Find credentials in every blob of the git history (all branches, tags and other refs) and in the working tree; values are never printed")
    .option("--repo <dir>", "a folder inside the git repository to scan", ".")
    .option("--json", "print one JSON document")
    .option("--sarif", "print SARIF 2.1.0 for code-scanning UIs")
    .option("--markdown", "print a Markdown report for a pull-request comment")
    .option("--max-file-bytes <n>", "files and blobs larger than this are counted and listed, not scanned (default 5 MiB)", byteCount)
    .addHelpText(
      "after",
      `\n${EXIT_HELP}\n\nTracked files and untracked files that git does not ignore are scanned; ignored files are not. Paths listed in\n.launch-ready-scan-ignore (globs, one per line) are counted, not reported. What to do on a finding: runbooks/secret-rotation.md\n`,
    )
    .action(async (raw: RawOptions) => {
      const formats = (["json", "sarif", "markdown"] as const).filter((f) => raw[f] === true);
      if (formats.length > 1) {
        const message = `choose one output format: ${formats.map((f) => `--${f}`).join(" and ")} were both given`;
        process.stderr.write(`launch-ready scan secrets: ${message}\n`);
        if (raw.json === true) process.stdout.write(formatErrorDocument(errorDocument("scan", EXIT.invalidInput, [{ path: `--${formats[0] ?? "json"}`, message }])));
        return setExitCode(EXIT.invalidInput);
      }
      const { runScanSecretsCommand } = await import("../../scan/secrets/command");
      setExitCode(
        await runScanSecretsCommand({
          repo: raw.repo,
          format: formats[0] ?? "human",
          ...(raw.maxFileBytes !== undefined ? { maxFileBytes: raw.maxFileBytes } : {}),
          toolVersion: toolVersion(),
          stdout: (s) => process.stdout.write(s),
          stderr: (s) => process.stderr.write(s),
        }),
      );
    });
  return scan;
}
