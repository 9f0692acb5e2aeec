import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { launchReadyJsonSchema, launchReadyJsonSchemaText } from "../../config/json-schema";
import { PROJECT_DIR } from "../helpers/temp-dir";

describe("config JSON Schema for editors", () => {
  it("is committed exactly as generated (run `npm run schema` after changing config/schema.ts)", () => {
    const committed = readFileSync(join(PROJECT_DIR, "config", "launch-ready.schema.json"), "utf8");
    expect(committed).toBe(launchReadyJsonSchemaText());
  });

  it("describes the fields users write, with their defaults and descriptions", () => {
    const schema = launchReadyJsonSchema();
    const text = JSON.stringify(schema);
    expect(schema["required"]).toEqual(["launch-ready:domains"]);
    expect(text).toContain("HSTS max-age in seconds");
    expect(text).toContain('"default":31536000');
    expect(text).toContain('"additionalProperties":false');
  });
});
