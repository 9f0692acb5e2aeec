import { Command, InvalidArgumentError, Option } from "commander";
import { parseResolverAddress, type ResolverAddress } from "../../audit/dns/resolver-address";
import { parseDsRecord } from "../../audit/dnssec/ds-record";
import { parseConnectTo, type ConnectToRule } from "../../audit/http/connect-to";
import { errorDocument, formatErrorDocument, type InputError } from "../error-document";
import { EXIT, exitCodesHelp, type ExitCode } from "../exit-codes";
import { toolVersion } from "../version";

/**
 * `launch-ready audit <domains...>`: verify live domains against the checklist. Only the auditor is loaded, never
 * Pulumi, with one exception the user asks for: `--stack S --html FILE` puts the stack's offline plan on the page,
 * and that plan is built (with the Pulumi SDK) after the audit, for the page only. Every bad argument is named with
 * its option and exits 2 (invalid input); with `--json`, stdout still gets one document naming it.
 */

export function positiveInt(option: string, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
      throw new InvalidArgumentError(`${option} must be a whole number from 1 to ${max}, e.g. ${option} ${Math.min(max, 5000)}`);
    }
    return Number(value);
  };
}

export function collect<T>(parse: (s: string) => T) {
  return (value: string, previous: T[] | undefined): T[] => [...(previous ?? []), parse(value)];
}

/** Wraps a parser so its message reaches the user as commander's "option … argument … is invalid" (exit 2). */
export function asInvalid<T>(parse: (s: string) => T): (s: string) => T {
  return (s) => {
    try {
      return parse(s);
    } catch (err) {
      throw new InvalidArgumentError(err instanceof Error ? err.message : String(err));
    }
  };
}

const PROBES = ["rate", "smtp"] as const;
type Probe = (typeof PROBES)[number];

function parseProbes(value: string, previous: Probe[] | undefined): Probe[] {
  const out = [...(previous ?? [])];
  for (const raw of value.split(",")) {
    const p = PROBES.find((k) => k === raw.trim());
    if (!p) throw new InvalidArgumentError(`--probe takes a comma list of ${PROBES.join(", ")}; "${raw.trim()}" is not one`);
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

interface RawOptions {
  json?: boolean;
  sarif?: boolean;
  markdown?: boolean;
  failOn: "warn" | "fail";
  resolver?: ResolverAddress[];
  connectTo?: ConnectToRule[];
  ca?: string;
  timeout: number;
  deadline: number;
  concurrency: number;
  probe?: Probe[];
  stack?: string;
  stacksDir: string;
  trustAnchor?: string[];
  html?: string;
}

export function auditCommand(setExitCode: (code: ExitCode) => void): Command {
  return new Command("audit")
    .description("Verify live domains against the launch checklist (DNS, DNSSEC, CAA, email authentication, HTTPS, headers)")
    // A subcommand added with addCommand does not inherit the program's settings: without this, commander would
    // exit 1 on a bad argument instead of letting `main` return 2.
    .exitOverride()
    .showHelpAfterError("(run `launch-ready audit --help` for usage)")
    .argument("<domains...>", "domains to audit (IDNs welcome)")
    .option("--json", "print one JSON document (the contract: docs/CHECKS.md; errors too)")
    .option("--sarif", "print SARIF 2.1.0 for code-scanning UIs")
    .option("--markdown", "print a Markdown report for a pull-request comment")
    .addOption(new Option("--fail-on <level>", "lowest status that fails the run (exit 1)").choices(["warn", "fail"]).default("fail"))
    .option("--resolver <ip:port>", "send every DNS query here (repeatable); default: the nameservers in /etc/resolv.conf", collect(asInvalid((v) => parseResolverAddress(v))))
    .option("--connect-to <H1:P1:H2:P2>", "connect to H2:P2 for requests to H1:P1, keeping the name for SNI and Host (curl syntax, repeatable)", collect(asInvalid(parseConnectTo)))
    .option("--ca <file>", "also trust the CA certificates in this PEM file (pre-production)")
    .option("--timeout <ms>", "per DNS query / HTTP request, in milliseconds", positiveInt("--timeout", 600_000), 3000)
    .option("--deadline <ms>", "the whole audit, in milliseconds; unfinished checks report error", positiveInt("--deadline", 3_600_000), 60_000)
    .option("--concurrency <n>", "domains audited at once", positiveInt("--concurrency", 256), 4)
    .option("--probe <list>", "opt-in active probes: rate, smtp (comma list)", parseProbes)
    .option("--stack <name>", "expected state from stacks/Pulumi.<name>.yaml (exact checks instead of discovery); with --html, the page also shows the stack's plan")
    .option("--stacks-dir <dir>", "where the stack files live", "stacks")
    .option("--trust-anchor <ds>", "extra DNSSEC trust anchor as a DS record, e.g. \"test. DS 1234 13 2 AB…\" (repeatable)", collect(asInvalid((v) => (parseDsRecord(v), v))))
    .addHelpText("after", `\n${exitCodesHelp("audit")}\n\nThe checks, their outcomes and the JSON contract: docs/CHECKS.md\n`)
    .option("--html <file>", "also write the report as one self-contained HTML page to this file; with --stack, the stack's offline plan (as `preview` shows it) sits beside each live verdict")
    .action(async (domains: string[], raw: RawOptions) => {
      const usage = (path: string, message: string): void => {
        process.stderr.write(`launch-ready audit: ${message}\n(run \`launch-ready audit --help\` for usage)\n`);
        const error: InputError = { path, message };
        if (raw.json === true) process.stdout.write(formatErrorDocument(errorDocument("audit", EXIT.invalidInput, [error])));
        setExitCode(EXIT.invalidInput);
      };
      const formats = (["json", "sarif", "markdown"] as const).filter((f) => raw[f] === true);
      if (formats.length > 1) return usage(`--${formats[0] ?? "json"}`, `choose one output format: ${formats.map((f) => `--${f}`).join(" and ")} were both given`);
      const { parseTarget } = await import("../../audit/target");
      const targets = [];
      for (const [i, d] of domains.entries()) {
        try {
          targets.push(parseTarget(d));
        } catch (err) {
          return usage(`domains[${i}]`, `domain ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      const { runAuditCommand, readCaFile } = await import("../../audit/run/command");
      let caPem: string | undefined;
      if (raw.ca !== undefined) {
        try {
          caPem = readCaFile(raw.ca);
        } catch (err) {
          return usage("--ca", err instanceof Error ? err.message : String(err));
        }
      }
      let expected;
      let acknowledgements;
      if (raw.stack !== undefined) {
        const { loadStackExpectations } = await import("../../audit/expected");
        try {
          ({ expected, acknowledgements } = loadStackExpectations(raw.stacksDir, raw.stack));
        } catch (err) {
          return usage("--stack", err instanceof Error ? err.message : String(err));
        }
      }
      setExitCode(
        await runAuditCommand({
          targets,
          format: formats[0] ?? "human",
          failOn: raw.failOn,
          resolvers: raw.resolver ?? [],
          connectTo: raw.connectTo ?? [],
          ...(caPem !== undefined ? { caPem } : {}),
          timeoutMs: raw.timeout,
          deadlineMs: raw.deadline,
          concurrency: raw.concurrency,
          probes: new Set(raw.probe ?? []),
          ...(expected ? { expected } : {}),
          ...(acknowledgements ? { acknowledgements } : {}),
          trustAnchors: raw.trustAnchor ?? [],
          stdout: (s) => process.stdout.write(s),
          stderr: (s) => process.stderr.write(s),
          stderrIsTty: process.stderr.isTTY === true,
          toolVersion: toolVersion(),
          ...(raw.html !== undefined ? { html: raw.html } : {}),
          // Only the page needs the plan; without --html nothing loads the Pulumi SDK.
          ...(raw.html !== undefined && raw.stack !== undefined ? { planStack: { stack: raw.stack, stacksDir: raw.stacksDir } } : {}),
        }),
      );
    });
}

