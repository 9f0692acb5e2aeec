/**
 * core/ is the pure heart: judges and planners that the program, the policy rules and the auditor all use. It owns
 * its input types and reaches out to nothing of theirs (nor to Pulumi or I/O-bound layers).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../helpers/temp-dir";

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

const FORBIDDEN = /from\s+["'](?:\.\.\/)+(config|policy|audit|components|engine|cli|report)\/|from\s+["']@pulumi\//;

describe("core boundaries", () => {
  it("nothing in core/ imports from config/, policy/, audit/, components/, engine/, cli/ or the Pulumi SDK", () => {
    const offenders = tsFiles(join(PROJECT_DIR, "core")).flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .filter((line) => FORBIDDEN.test(line))
        .map((line) => `${relative(PROJECT_DIR, f)}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
