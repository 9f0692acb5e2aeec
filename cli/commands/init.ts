import { isIP } from "node:net";
import { resolve } from "node:path";
import { Command } from "commander";
import { parseResolverAddress, type ResolverAddress } from "../../audit/dns/resolver-address";
import { parseDsRecord } from "../../audit/dnssec/ds-record";
import { parseConnectTo, type ConnectToRule } from "../../audit/http/connect-to";
import { errorDocument, formatErrorDocument, type InputError } from "../error-document";
import { EXIT, type ExitCode } from "../exit-codes";
import { hostNameProblem, toALabels } from "../../core/dns/names";
import { asInvalid, collect, positiveInt } from "./audit";

/** Why `--origin` is not an IP address or host name, if it is not. */
function originProblem(origin: string): string | undefined {
  if (isIP(origin) !== 0) return undefined;
  const ascii = toALabels(origin);
  return ascii === undefined ? "is not a host name" : hostNameProblem(ascii);
}

/**
 * `launch-ready init <domain>`: a starting stack file from the live domain alone (DNS and HTTPS through the
 * auditor's clients, no credentials), with the checks before (live) and after (the new stack's offline preview).
 * The lookup options are `audit`'s. Every bad argument is named with its option and exits 2.
 */

interface RawOptions {
  stack: string;
  stacksDir: string;
  out?: string;
  force?: boolean;
  json?: boolean;
  origin?: string;
  resolver?: ResolverAddress[];
  connectTo?: ConnectToRule[];
  ca?: string;
  timeout: number;
  deadline: number;
  trustAnchor?: string[];
}

const EXIT_HELP = [
  "Exit status:",
  "   0  the stack file was written and its offline preview fails no mandatory check",
  "   1  the stack file was written, but its preview still fails a mandatory check (the notes say what to add)",
  "   2  a bad argument, a domain that does not exist, or the stack file exists already (give --force); nothing written",
  "   3  a lookup did not answer (nothing is written from a guess), or the new stack's preview could not run",
  "  70  an unexpected error; please report it with the output",
].join("\n");

export function initCommand(setExitCode: (code: ExitCode) => void): Command {
  return new Command("init")
    .description("Write a starting stack file from what a live domain shows (web hosts, origin, mail senders, DKIM, DMARC, CAA), then show its checks before and after")
    .exitOverride()
    .showHelpAfterError("(run `launch-ready init --help` for usage)")
    .argument("<domain>", "the live domain (IDNs welcome)")
    .option("--stack <name>", "the stack to write: <stacks-dir>/Pulumi.<name>.yaml", "prod")
    .option("--stacks-dir <dir>", "where the stack files live", "stacks")
    .option("--out <file>", "write the stack file here instead")
    .option("--force", "replace the stack file if it exists")
    .option("--json", "print one JSON document (the contract: docs/CHECKS.md; errors too)")
    .option("--origin <host-or-ip>", "the origin, when the live one is hidden behind Cloudflare's proxy (it is never guessed)")
    .option("--resolver <ip:port>", "send every DNS query here (repeatable); default: the nameservers in /etc/resolv.conf", collect(asInvalid((v) => parseResolverAddress(v))))
    .option("--connect-to <H1:P1:H2:P2>", "connect to H2:P2 for requests to H1:P1, keeping the name for SNI and Host (curl syntax, repeatable)", collect(asInvalid(parseConnectTo)))
    .option("--ca <file>", "also trust the CA certificates in this PEM file (pre-production)")
    .option("--timeout <ms>", "per DNS query / HTTP request, in milliseconds", positiveInt("--timeout", 600_000), 3000)
    .option("--deadline <ms>", "the whole live audit, in milliseconds", positiveInt("--deadline", 3_600_000), 60_000)
    .option("--trust-anchor <ds>", "extra DNSSEC trust anchor as a DS record (repeatable)", collect(asInvalid((v) => (parseDsRecord(v), v))))
    .addHelpText("after", `\n${EXIT_HELP}\n\nThe checks and the JSON contract: docs/CHECKS.md\n`)
    .action(async (domain: string, raw: RawOptions) => {
      const usage = (path: string, message: string): void => {
        process.stderr.write(`launch-ready init: ${message}\n(run \`launch-ready init --help\` for usage)\n`);
        const error: InputError = { path, message };
        if (raw.json === true) process.stdout.write(formatErrorDocument(errorDocument("init", EXIT.invalidInput, [error])));
        setExitCode(EXIT.invalidInput);
      };
      const { parseTarget } = await import("../../audit/target");
      let target;
      try {
        target = parseTarget(domain);
      } catch (err) {
        return usage("domain", `domain ${err instanceof Error ? err.message : String(err)}`);
      }
      const { STACK_NAME, stackFilePath } = await import("../../config/stack-file");
      if (!STACK_NAME.test(raw.stack)) return usage("--stack", `"${raw.stack}" is not a stack name: use letters, digits, '-', '_' and '.', e.g. --stack prod`);
      if (raw.origin !== undefined) {
        const problem = originProblem(raw.origin);
        if (problem !== undefined) return usage("--origin", `"${raw.origin}" ${problem}: give the origin's host name (e.g. lb-123.eu-west-1.elb.amazonaws.com) or IP address`);
      }
      let caPem: string | undefined;
      if (raw.ca !== undefined) {
        const { readCaFile } = await import("../../audit/run/command");
        try {
          caPem = readCaFile(raw.ca);
        } catch (err) {
          return usage("--ca", err instanceof Error ? err.message : String(err));
        }
      }
      const { runInit } = await import("../init/run");
      setExitCode(
        await runInit({
          target,
          stack: raw.stack,
          file: resolve(raw.out ?? stackFilePath(raw.stacksDir, raw.stack)),
          force: raw.force === true,
          json: raw.json === true,
          resolvers: raw.resolver ?? [],
          connectTo: raw.connectTo ?? [],
          ...(caPem !== undefined ? { caPem } : {}),
          timeoutMs: raw.timeout,
          deadlineMs: raw.deadline,
          trustAnchors: raw.trustAnchor ?? [],
          ...(raw.origin !== undefined ? { origin: raw.origin } : {}),
          stdout: (s) => process.stdout.write(s),
          stderr: (s) => process.stderr.write(s),
        }),
      );
    });
}
