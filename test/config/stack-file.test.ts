import { describe, expect, it } from "vitest";
import { parseStackFile, readStackFile, SECRET_PLACEHOLDER, StackFileError } from "../../config/stack-file";
import { tempDir } from "../helpers/temp-dir";

describe("stack file reading", () => {
  it("reads every namespaced key and keeps encrypted values secret: a placeholder, their paths, their keys", () => {
    const file = parseStackFile(
      [
        "config:",
        "  aws:region: eu-west-1",
        "  cloudflare:apiToken:",
        "    secure: v1:AAAA",
        "  launch-ready:alerts:",
        "    emails:",
        "      - secure: v1:BBBB",
        "      - oncall@acme.example",
      ].join("\n"),
      "dev",
      "stacks/Pulumi.dev.yaml",
    );
    expect(file.config["aws:region"]).toBe("eu-west-1");
    expect(file.config["cloudflare:apiToken"]).toBe(SECRET_PLACEHOLDER);
    expect(file.config["launch-ready:alerts"]).toEqual({ emails: [SECRET_PLACEHOLDER, "oncall@acme.example"] });
    expect(file.secretPaths).toEqual(["cloudflare:apiToken", "launch-ready:alerts.emails[0]"]);
    expect([...file.secretKeys].sort()).toEqual(["cloudflare:apiToken", "launch-ready:alerts"]);
    expect(JSON.stringify(file)).not.toMatch(/v1:AAAA|v1:BBBB/);
  });

  it("reports a YAML syntax error with its line instead of a stack trace", () => {
    const bad = () => parseStackFile("config:\n  launch-ready:domains: [\n", "dev", "stacks/Pulumi.dev.yaml");
    expect(bad).toThrow(StackFileError);
    try {
      bad();
    } catch (e) {
      expect(e instanceof StackFileError && e.issues[0]?.path).toMatch(/^line \d+, column \d+$/);
    }
  });

  it("rejects a config key without a namespace and says how to fix it", () => {
    expect(() => parseStackFile("config:\n  domains: []\n", "dev", "f")).toThrow(/add the namespace/);
  });

  it("names the known stacks when the asked one does not exist", () => {
    const t = tempDir("stacks");
    try {
      t.write("Pulumi.prod.yaml", "config: {}\n");
      t.write("Pulumi.staging.yaml", "config: {}\n");
      expect(() => readStackFile(t.dir, "prdo")).toThrow(/Known stacks: prod, staging/);
      expect(() => readStackFile(t.dir, "../etc")).toThrow(/not a stack name/);
      expect(readStackFile(t.dir, "prod").config).toEqual({});
    } finally {
      t.cleanup();
    }
  });
});
