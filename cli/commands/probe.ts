import { Command, InvalidArgumentError, Option } from "commander";
import { errorDocument, formatErrorDocument } from "../error-document";
import { EXIT, EXIT_CODES, type ExitCode } from "../exit-codes";
import { toolVersion } from "../version";

/**
 * `launch-ready probe authz --stack S --base-url URL --credentials FILE`: replays every non-public route of the
 * stack's inventory as the wrong caller and reports whether each was refused. Opt-in by being its own command, and
 * bounded (concurrency, per-request timeout, deadline, request budget). Only the probe is loaded, never Pulumi.
 * Credentials come from the file and the environment variables it names, never from the command line.
 */

function boundedInt(option: string, min: number, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new InvalidArgumentError(`${option} must be a whole number from ${min} to ${max}`);
    return Number(value);
  };
}

interface RawOptions {
  stack: string;
  stacksDir: string;
  baseUrl: string;
  credentials: string;
  allowWrites?: boolean;
  json?: boolean;
  sarif?: boolean;
  markdown?: boolean;
  concurrency: number;
  timeout: number;
  deadline: number;
  maxRequests: number;
  ca?: string;
}

function authzCommand(setExitCode: (code: ExitCode) => void): Command {
  return new Command("authz")
    .description("Replay the stack's non-public routes without credentials, with bad tokens, a lower role, another tenant's account and tampered IDs; each must be refused")
    .exitOverride()
    .requiredOption("--stack <name>", "the stack whose launch-ready:routes inventory is probed")
    .option("--stacks-dir <dir>", "where the stack files live", "stacks")
    .requiredOption("--base-url <url>", "the application's origin (https; http only on loopback), e.g. https://staging.acme.example")
    .requiredOption("--credentials <file>", "YAML/JSON file with the test accounts (two tenants); secrets inline or as `env:` names (README: probe authz)")
    .option("--allow-writes", "also replay POST/PUT/PATCH/DELETE routes the inventory marks `replaySafe` (never others)")
    .option("--json", "print one JSON document (the audit contract: docs/CHECKS.md)")
    .option("--sarif", "print SARIF 2.1.0")
    .option("--markdown", "print a Markdown report")
    .addOption(new Option("--concurrency <n>", "requests in flight at once").argParser(boundedInt("--concurrency", 1, 16)).default(4))
    .addOption(new Option("--timeout <ms>", "per request, in milliseconds").argParser(boundedInt("--timeout", 1, 120_000)).default(5000))
    .addOption(new Option("--deadline <ms>", "the whole probe; unsent or unanswered requests decide nothing").argParser(boundedInt("--deadline", 1, 3_600_000)).default(120_000))
    .addOption(new Option("--max-requests <n>", "request budget: the probe refuses to start when its plan needs more").argParser(boundedInt("--max-requests", 1, 10_000)).default(500))
    .option("--ca <file>", "also trust the CA certificates in this PEM file (pre-production)")
    .addHelpText("after", `\nExit status: ${EXIT_CODES.map((r) => `${r.code} ${r.meaning}`).join("; ")}.\n`)
    .action(async (raw: RawOptions) => {
      const formats = (["json", "sarif", "markdown"] as const).filter((f) => raw[f] === true);
      const fail = (path: string, message: string): void => {
        process.stderr.write(`launch-ready probe authz: ${path}: ${message}\n`);
        if (raw.json === true) process.stdout.write(formatErrorDocument(errorDocument("probe", EXIT.invalidInput, [{ path, message }])));
        setExitCode(EXIT.invalidInput);
      };
      if (formats.length > 1) return fail(`--${formats[0] ?? "json"}`, `choose one output format: ${formats.map((f) => `--${f}`).join(" and ")} were both given`);
      let caPem: string | undefined;
      if (raw.ca !== undefined) {
        const { readCaFile } = await import("../../audit/run/command");
        try {
          caPem = readCaFile(raw.ca);
        } catch (err) {
          return fail("--ca", err instanceof Error ? err.message : String(err));
        }
      }
      const { runProbeAuthz } = await import("../../audit/probe/authz");
      setExitCode(
        await runProbeAuthz({
          stack: raw.stack,
          stacksDir: raw.stacksDir,
          baseUrl: raw.baseUrl,
          credentialsFile: raw.credentials,
          env: process.env,
          allowWrites: raw.allowWrites === true,
          format: formats[0] ?? "human",
          concurrency: raw.concurrency,
          timeoutMs: raw.timeout,
          deadlineMs: raw.deadline,
          maxRequests: raw.maxRequests,
          ...(caPem !== undefined ? { caPem } : {}),
          toolVersion: toolVersion(),
          stdout: (s) => process.stdout.write(s),
          stderr: (s) => process.stderr.write(s),
        }),
      );
    });
}

export function probeCommand(setExitCode: (code: ExitCode) => void): Command {
  const probe = new Command("probe").description("Opt-in active probes of a running application (authz)").exitOverride();
  probe.addCommand(authzCommand(setExitCode));
  return probe;
}
