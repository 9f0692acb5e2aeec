import { Command, InvalidArgumentError, Option } from "commander";
import { EXIT_CODES, type ExitCode } from "../exit-codes";

/**
 * `launch-ready restore --stack S --resource-arn ARN [--at TIME] [--yes]`: a guided AWS Backup restore into a new
 * resource (cli/restore/run.ts). Dry run unless `--yes`. Only the AWS SDK clients it needs are loaded, on use.
 */
interface RawOptions {
  stack: string;
  outputs?: string;
  resourceArn: string;
  at?: Date;
  yes?: boolean;
  region?: string;
  timeout?: number;
  poll: number;
  reportDir: string;
}

function wholeNumber(option: string, min: number, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new InvalidArgumentError(`${option} must be a whole number from ${min} to ${max}`);
    return Number(value);
  };
}

function instant(value: string): Date {
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(d.getTime())) throw new InvalidArgumentError("--at must be an ISO 8601 time with a zone, e.g. 2026-12-05T02:30:00Z");
  return d;
}

export function restoreCommand(setExitCode: (code: ExitCode) => void): Command {
  return new Command("restore")
    .description("Restore a resource from the stack's AWS Backup vault into a new resource, and report the recovery time against the RTO (dry run unless --yes)")
    .requiredOption("--stack <name>", "the stack whose `backups` output names the vault, role, RPO and RTO")
    .requiredOption("--resource-arn <arn>", "the ARN of the lost or damaged resource (its recovery points are listed)")
    .option("--outputs <file>", "read the stack outputs from this file (`pulumi stack output --json`), or - for stdin; default: run that command")
    .addOption(new Option("--at <time>", "restore the latest point at or before this time (ISO 8601), i.e. just before the loss; default: the latest point").argParser(instant))
    .option("--yes", "start the restore job (without it: a dry run that prints what it would do and starts nothing)")
    .option("--region <region>", "must match the vault's region (read from its ARN)")
    .addOption(new Option("--timeout <minutes>", "how long to wait for the job (default: the stack's RTO)").argParser(wholeNumber("--timeout", 1, 10_080)))
    .addOption(new Option("--poll <seconds>", "seconds between progress checks").argParser(wholeNumber("--poll", 1, 600)).default(30))
    .option("--report-dir <dir>", "where the restore report (Markdown and JSON) is written", ".")
    .addHelpText("after", `\nIt never deletes or overwrites the original: the restore creates a new resource (new name), and resource types\nwhere that cannot be guaranteed are refused. Runbook: runbooks/restore.md (\`launch-ready runbook restore --stack S\`).\nExit status: 0 restored (or dry run); 1 the job failed or no recovery point; 2 missing credentials, region,\npermission or outputs; 3 timed out or throttled (the job may still run); 70 internal error.\n(${EXIT_CODES.length} codes, as for every command.)\n`)
    .action(async (raw: RawOptions) => {
      const [{ runRestore }, { loadOutputs, OutputsError }, { BackupClient }, { STSClient }, fs] = await Promise.all([
        import("../restore/run"),
        import("../restore/outputs"),
        import("@aws-sdk/client-backup"),
        import("@aws-sdk/client-sts"),
        import("node:fs"),
      ]);
      let outputs;
      try {
        outputs = loadOutputs(raw.stack, raw.outputs);
      } catch (e) {
        if (!(e instanceof OutputsError)) throw e;
        process.stderr.write(`launch-ready restore: ${e.message}\n`);
        return setExitCode(2);
      }
      setExitCode(
        await runRestore(
          {
            stack: raw.stack,
            outputs,
            resourceArn: raw.resourceArn,
            ...(raw.at !== undefined ? { at: raw.at } : {}),
            yes: raw.yes === true,
            ...(raw.region !== undefined ? { region: raw.region } : {}),
            ...(raw.timeout !== undefined ? { timeoutMs: raw.timeout * 60_000 } : {}),
            pollMs: raw.poll * 1000,
            reportDir: raw.reportDir,
          },
          {
            clients: (region) => ({ backup: new BackupClient({ region }), sts: new STSClient({ region }) }),
            now: () => new Date(),
            sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
            out: (s) => process.stdout.write(s),
            err: (s) => process.stderr.write(s),
            writeFile: (path, text) => {
              fs.mkdirSync(raw.reportDir, { recursive: true });
              fs.writeFileSync(path, text);
            },
          },
        ),
      );
    });
}
