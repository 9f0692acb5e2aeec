/**
 * Every Markdown file the product cites (code, help text, README, docs) exists: no research note
 * that lives only outside the repository.
 */
import { existsSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../helpers/temp-dir";

const CITATION = /[A-Za-z0-9_./-]+\.md\b/g;

/** The product: tracked and new files outside test/, as git sees them (node_modules and .tmp are ignored). */
function productFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: PROJECT_DIR, encoding: "utf8" });
  return out
    .split("\n")
    .filter((f) => /\.(ts|mts|js|md)$/.test(f) && !f.startsWith("test/") && existsSync(join(PROJECT_DIR, f)));
}

function missingCitations(file: string): string[] {
  // A URL names someone else's document (e.g. Pulumi's developer docs), not a file of ours.
  const text = readFileSync(join(PROJECT_DIR, file), "utf8").replace(/https?:\/\/\S+/g, "");
  return [...new Set(text.match(CITATION) ?? [])].filter((cited) => !existsSync(join(PROJECT_DIR, cited)) && !existsSync(join(PROJECT_DIR, dirname(file), cited)));
}

describe("citations", () => {
  it("every .md the product cites exists in the repository", () => {
    const missing = productFiles().flatMap((f) => missingCitations(f).map((c) => `${f}: ${c}`));
    expect(missing).toEqual([]);
  });

  it("the catalog the code and help text point at is there", () => {
    expect(existsSync(join(PROJECT_DIR, "docs/CHECKS.md"))).toBe(true);
  });
});
