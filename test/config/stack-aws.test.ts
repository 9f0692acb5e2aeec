/** `launch-ready:secrets[].fromConfig`: the named key must be set, and set with --secret; its value is never echoed. */
import { describe, expect, it } from "vitest";
import { validateConfig } from "../../config/validate";
import { tempDir } from "../helpers/temp-dir";
import { cli } from "../cli/run-cli";

// Built at run time so that the repository itself holds no credential-shaped string (see test/scan).
const PLANTED = ["sk", "live", "51HqLyjWDarjtT1zdp7dcVbQ2"].join("_");
const base = (extra: Record<string, unknown>) => ({
  "launch-ready:domains": [{ name: "acme.example" }],
  "launch-ready:secrets": [{ name: "stripe-key", fromConfig: "acme:stripeKey" }],
  ...extra,
});

describe("a secret read from config", () => {
  it("set with --secret: valid, and the spec names the key, not the value", () => {
    const r = validateConfig(base({ "acme:stripeKey": "[secret]" }), { secretPaths: ["acme:stripeKey"] });
    expect(r.errors).toEqual([]);
    expect(r.value?.secrets).toEqual([{ name: "stripe-key", length: 64, rotateAfterDays: 90, fromConfig: "acme:stripeKey" }]);
  });

  it("set in plaintext: an error naming the field and the fix, never the value", () => {
    const r = validateConfig(base({ "acme:stripeKey": PLANTED }), { secretPaths: [] });
    expect(r.errors).toEqual([
      { path: "launch-ready:secrets[0].fromConfig", message: expect.stringMatching(/`acme:stripeKey`, which is set in plaintext \(value withheld\).*pulumi config set --secret acme:stripeKey/) },
    ]);
    expect(JSON.stringify(r)).not.toContain(PLANTED);
  });

  it("not set: an error saying how to set it", () => {
    const r = validateConfig(base({}), { secretPaths: [] });
    expect(r.errors[0]).toMatchObject({ path: "launch-ready:secrets[0].fromConfig", message: expect.stringMatching(/does not set: run `pulumi config set --secret acme:stripeKey <value>`/) });
  });

  it("the CLI refuses a stack whose secret is in plaintext (exit 2), in text and JSON, without printing it", () => {
    const dir = tempDir("from-config");
    try {
      dir.write(
        "Pulumi.leak.yaml",
        ["config:", `  acme:stripeKey: ${PLANTED}`, "  launch-ready:domains:", "    - name: acme.example", "  launch-ready:secrets:", "    - name: stripe-key", "      fromConfig: acme:stripeKey", ""].join("\n"),
      );
      const text = cli("preview", "--stack", "leak", "--stacks-dir", dir.dir);
      expect(text.status).toBe(2);
      expect(text.stderr).toMatch(/launch-ready:secrets\[0\]\.fromConfig: names `acme:stripeKey`, which is set in plaintext \(value withheld\)/);
      const json = cli("preview", "--stack", "leak", "--stacks-dir", dir.dir, "--json");
      expect(json.status).toBe(2);
      for (const out of [text.stdout, text.stderr, json.stdout, json.stderr]) expect(out).not.toContain(PLANTED);
    } finally {
      dir.cleanup();
    }
  });
});
