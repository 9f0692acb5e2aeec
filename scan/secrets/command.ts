/**
 * `launch-ready scan secrets` after its arguments are parsed: scan, print one format, return the exit status
 * (`cli/exit-codes.ts`): 1 when a credential is found, 3 when the scan cannot vouch for the history (a shallow
 * clone), 0 when clean, 2 when `--repo` is not a git repository.
 */
import { errorDocument, formatErrorDocument } from "../../cli/error-document";
import { EXIT, type ExitCode } from "../../cli/exit-codes";
import { formatJson, formatMarkdown, formatSarif, formatText, scanVerdict } from "./report";
import { RepoInputError, scanRepository } from "./scan";

export type ScanFormat = "human" | "json" | "sarif" | "markdown";

export interface ScanCommandOptions {
  readonly repo: string;
  readonly format: ScanFormat;
  readonly maxFileBytes?: number;
  readonly toolVersion: string;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

export async function runScanSecretsCommand(opts: ScanCommandOptions): Promise<ExitCode> {
  let report;
  try {
    report = await scanRepository({ repo: opts.repo, ...(opts.maxFileBytes !== undefined ? { maxFileBytes: opts.maxFileBytes } : {}) });
  } catch (err) {
    if (!(err instanceof RepoInputError)) throw err;
    opts.stderr(`launch-ready scan secrets: --repo ${err.message}\n`);
    if (opts.format === "json") opts.stdout(formatErrorDocument(errorDocument("scan", EXIT.invalidInput, [{ path: "--repo", message: err.message }])));
    return EXIT.invalidInput;
  }
  const text =
    opts.format === "json" ? formatJson(report) : opts.format === "sarif" ? formatSarif(report, opts.toolVersion) : opts.format === "markdown" ? formatMarkdown(report) : formatText(report);
  opts.stdout(text);
  const v = scanVerdict(report);
  return v.status === "fail" ? EXIT.checkFailed : v.status === "cannot-tell" ? EXIT.incomplete : EXIT.ok;
}
