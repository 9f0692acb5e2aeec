import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { Command, Option } from "commander";
import { exitCodesHelp, type ExitCode } from "../exit-codes";

/** The hand-written example program (examples/typescript-program), from the sources or from the build in dist/. */
export function exampleProgramDir(): string {
  const root = resolve(__dirname, "..", "..");
  const dir = join(root, "examples", "typescript-program");
  return existsSync(dir) ? dir : join(root, "..", "examples", "typescript-program");
}

/**
 * `launch-ready preview --stack <name> [--json]`, or `--program [dir]` for any Pulumi TypeScript program: the
 * offline preview. The Pulumi SDK is loaded only here.
 */
export function previewCommand(setExitCode: (code: ExitCode) => void): Command {
  return new Command("preview")
    .description("Offline preview of a stack: the resources `pulumi up` would create and the launch checklist scorecard")
    .option("--stack <name>", "stack name: reads stacks/Pulumi.<name>.yaml (with --program, the program's own stack file)")
    .option("--program [dir]", "preview this Pulumi TypeScript/JavaScript project instead of the launch-ready stack program (default: examples/typescript-program); the same checklist judges whatever it builds")
    .option("--json", "print one JSON document (resources, checks, scorecard; errors when it stops early); see docs/CHECKS.md")
    .addOption(new Option("--mode <mode>", "`preview` (ids unknown, as `pulumi preview`) or `up` (as after apply)").choices(["preview", "up"]).default("preview"))
    .option("--stacks-dir <dir>", "where the stack files live", "stacks")
    .option("--html <file>", "also write the report as one self-contained HTML page to this file")
    .option("--probe-report <file>", "a `launch-ready probe authz --json` report for this stack: the Auth protection and API authorization rows then show what it verified")
    .addHelpText("after", `\n${exitCodesHelp("preview")}\n\nThe checks, their outcomes and the JSON contract: docs/CHECKS.md\n`)
    .action(async (opts: { stack?: string; program?: string | true; json?: boolean; mode: "preview" | "up"; stacksDir: string; html?: string; probeReport?: string }) => {
      const { runPreview } = await import("../preview/run");
      const program = opts.program === true ? exampleProgramDir() : opts.program;
      setExitCode(await runPreview({ ...(opts.stack !== undefined ? { stack: opts.stack } : {}), ...(program !== undefined ? { program } : {}), ...(opts.probeReport !== undefined ? { probeReport: opts.probeReport } : {}), json: opts.json === true, mode: opts.mode, stacksDir: opts.stacksDir, ...(opts.html !== undefined ? { html: opts.html } : {}) }));
    });
}
