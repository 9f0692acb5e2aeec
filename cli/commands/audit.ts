import { Command } from "commander";
import { EXIT } from "../exit-codes";

/** Placeholder until the auditor lands: says so plainly and exits 3 ("could not complete"). */
export function auditCommand(setExitCode: (code: number) => void): Command {
  return new Command("audit")
    .description("Verify live domains against the launch checklist (not built yet)")
    .argument("<domains...>")
    .action(() => {
      process.stderr.write("launch-ready audit: not available in this build yet.\n");
      setExitCode(3);
      void EXIT;
    });
}
