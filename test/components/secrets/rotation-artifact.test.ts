/**
 * What the rotation function's archive holds: the handler bundled into one file that loads only what the Lambda
 * Node.js runtime provides (the AWS SDK v3 Secrets Manager client), so the one-file archive runs as is.
 */
import { describe, expect, it } from "vitest";
import { rotationCode } from "../../../components/secrets/secrets";

describe("the rotation function's code", () => {
  it("is one file exporting `handler`, requiring nothing but the Secrets Manager client", () => {
    const code = rotationCode();
    const requires = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect([...new Set(requires)]).toEqual(["@aws-sdk/client-secrets-manager"]);
    expect(code).toMatch(/handler:\(\)=>\w+/);
    // The tag the component sets is the one the bundled handler reads.
    expect(code).toContain('"launch-ready:length"');
  });
});
