/**
 * The stack of a user's Pulumi project for `preview --program <dir>`: its stack files live where Pulumi keeps them
 * (Pulumi.yaml's `stackConfigDir`, else the project folder). Without `--stack`, the only stack file there is used;
 * with none, the program runs with an empty config, as a new stack would.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parse } from "yaml";
import { listStacks, readStackFile, type StackFile, StackFileError } from "../../config/stack-file";

export function programStack(dir: string, stack: string | undefined): { readonly dir: string; readonly stack: StackFile } {
  const shown = relative(process.cwd(), dir) || ".";
  const projectFile = join(dir, "Pulumi.yaml");
  if (!existsSync(projectFile)) {
    throw new StackFileError(join(shown, "Pulumi.yaml"), [{ path: "--program", message: `${shown} has no Pulumi.yaml: give the folder of a Pulumi project (where \`pulumi preview\` runs)` }]);
  }
  let configDir: unknown;
  try {
    const doc: unknown = parse(readFileSync(projectFile, "utf8"));
    configDir = typeof doc === "object" && doc !== null ? Reflect.get(doc, "stackConfigDir") : undefined;
  } catch {
    configDir = undefined; // the engine reports an unreadable Pulumi.yaml, naming the file
  }
  const stacksDir = typeof configDir === "string" && configDir !== "" ? resolve(dir, configDir) : dir;
  if (stack !== undefined) return { dir, stack: readStackFile(stacksDir, stack) };
  const known = listStacks(stacksDir);
  if (known.length === 1 && known[0] !== undefined) return { dir, stack: readStackFile(stacksDir, known[0]) };
  if (known.length > 1) {
    throw new StackFileError(relative(process.cwd(), stacksDir) || ".", [{ path: "--stack", message: `is needed: ${shown} has several stacks (${known.join(", ")}); name one` }]);
  }
  return { dir, stack: { stack: "dev", path: join(stacksDir, "Pulumi.dev.yaml"), config: {}, secretPaths: [], secretKeys: [] } };
}
