/**
 * What the rotation function's archive holds: the built handler, which loads only what the Lambda Node.js 20 runtime
 * provides (the AWS SDK v3 Secrets Manager client), so the one-file archive runs as is.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../helpers/temp-dir";

describe("the rotation function's code", () => {
  const built = join(PROJECT_DIR, "dist", "components", "secrets", "rotation", "handler.js");

  it("is the built handler, exporting `handler`, requiring nothing but the Secrets Manager client", async () => {
    const { rotationHandlerPath } = await import("../../../components/secrets/secrets");
    expect(rotationHandlerPath()).toBe(built);
    const code = readFileSync(built, "utf8");
    const requires = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect([...new Set(requires)]).toEqual(["@aws-sdk/client-secrets-manager"]);
    expect(code).toMatch(/handler: \(\) => handler/);
  });
});
