import { Command } from "commander";

export function previewCommand(setExitCode: (code: number) => void): Command {
  return new Command("preview")
    .description("Offline preview of a stack: planned resources and the launch checklist scorecard")
    .requiredOption("--stack <name>", "stack name: reads stacks/Pulumi.<name>.yaml")
    .option("--json", "print one JSON document")
    .action(async () => {
      setExitCode(1);
    });
}
