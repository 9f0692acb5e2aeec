/**
 * A stack's outputs, as `pulumi stack output --json` prints them: from a file, from stdin (`-`), or by running
 * `pulumi stack output --json --stack <stack>` (secret outputs stay masked: never `--show-secrets`).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { isRecord, type JsonValue } from "../../core/runbooks/template";

export class OutputsError extends Error {}

export function parseOutputs(text: string, from: string): { readonly [key: string]: JsonValue } {
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(text) as JsonValue;
  } catch (e) {
    throw new OutputsError(`${from}: not JSON (${e instanceof Error ? e.message : String(e)}); give the output of \`pulumi stack output --json\``);
  }
  if (!isRecord(parsed)) throw new OutputsError(`${from}: expected a JSON object of stack outputs, as \`pulumi stack output --json\` prints`);
  return parsed;
}

export function loadOutputs(stack: string, file: string | undefined): { readonly [key: string]: JsonValue } {
  if (file === "-") return parseOutputs(readFileSync(0, "utf8"), "stdin");
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw new OutputsError(`--outputs ${file}: cannot read it (${e instanceof Error ? e.message : String(e)})`);
    }
    return parseOutputs(text, `--outputs ${file}`);
  }
  const r = spawnSync("pulumi", ["stack", "output", "--json", "--stack", stack], { encoding: "utf8", timeout: 60_000 });
  if (r.error !== undefined || r.status !== 0) {
    const why = r.error !== undefined ? r.error.message : (r.stderr.trim().split("\n").pop() ?? `exit ${String(r.status)}`);
    throw new OutputsError(`could not run \`pulumi stack output --json --stack ${stack}\` (${why}); save its output on a machine that can and pass it with --outputs FILE (or - for stdin)`);
  }
  return parseOutputs(r.stdout, "pulumi stack output");
}
