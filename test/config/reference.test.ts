import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readmeWithReference } from "../../config/write-generated";
import { PROJECT_DIR } from "../helpers/temp-dir";

describe("README's stack config reference", () => {
  it("is in sync with the schema (run `npm run schema` after changing config/schema.ts)", () => {
    const readme = readFileSync(join(PROJECT_DIR, "README.md"), "utf8");
    expect(readme).toBe(readmeWithReference(readme));
  });

  it("documents every top-level key and nested fields with their defaults", () => {
    const readme = readFileSync(join(PROJECT_DIR, "README.md"), "utf8");
    for (const key of ["launch-ready:domains", "launch-ready:alerts", "launch-ready:secrets", "launch-ready:backups"]) {
      expect(readme).toContain(`| \`${key}\``);
    }
    expect(readme).toMatch(/\| `launch-ready:domains\[\]\.web\.hsts\.maxAgeSeconds` \| integer \| `31536000` \|/);
  });
});
