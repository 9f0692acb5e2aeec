import { Command, Option } from "commander";
import { exitCodesHelp, type ExitCode } from "../exit-codes";

/**
 * `launch-ready preview --stack <name> [--json]`: the offline preview. The Pulumi SDK is loaded only here.
 */
export function previewCommand(setExitCode: (code: ExitCode) => void): Command {
  return new Command("preview")
    .description("Offline preview of a stack: the resources `pulumi up` would create and the launch checklist scorecard")
    .requiredOption("--stack <name>", "stack name: reads stacks/Pulumi.<name>.yaml")
    .option("--json", "print one JSON document (resources, checks, scorecard; errors when it stops early); see docs/CHECKS.md")
    .addOption(new Option("--mode <mode>", "`preview` (ids unknown, as `pulumi preview`) or `up` (as after apply)").choices(["preview", "up"]).default("preview"))
    .option("--stacks-dir <dir>", "where the stack files live", "stacks")
    .option("--html <file>", "also write the report as one self-contained HTML page to this file")
    .addHelpText("after", `\n${exitCodesHelp("preview")}\n\nThe checks, their outcomes and the JSON contract: docs/CHECKS.md\n`)
    .action(async (opts: { stack: string; json?: boolean; mode: "preview" | "up"; stacksDir: string; html?: string }) => {
      const { runPreview } = await import("../preview/run");
      setExitCode(await runPreview({ stack: opts.stack, json: opts.json === true, mode: opts.mode, stacksDir: opts.stacksDir, ...(opts.html !== undefined ? { html: opts.html } : {}) }));
    });
}
