/**
 * A secret's value never reaches an output: the preview of a program storing a planted value, in text and JSON, in
 * `up` mode (values known, as after apply), and its HTML report.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../../helpers/temp-dir";
import { cli } from "../../cli/run-cli";

const PLANTED = "wh_sec_Kq83NfV0zPp2LmX7Rt5Yc1Ud9Ba4Ge6S";

describe("the preview never prints a stored secret", () => {
  const dir = tempDir("secret-outputs");
  afterAll(() => dir.cleanup());
  dir.write("app/Pulumi.yaml", "name: secret-outputs\nruntime: nodejs\n");
  dir.write(
    "app/index.ts",
    `import * as pulumi from "@pulumi/pulumi";
import { Backups, Secrets } from "launch-ready";
const s = new Secrets("app", { secrets: [{ name: "webhook-secret", initialValue: pulumi.secret(${JSON.stringify(PLANTED)}), rotationFunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:rotate" }, { name: "session-key" }] });
new Backups("db", { selectionTag: { backup: "daily" }, kmsKeyArn: s.kmsKeyArn });
export const policies = s.readPolicies;
export const leaked = s.secrets["webhook-secret"]?.firstVersion.secretString;
`,
  );

  it("text, JSON and HTML of an up-mode preview hold neither the supplied value nor a generated one", () => {
    const html = `${dir.dir}/report.html`;
    const text = cli("preview", "--program", `${dir.dir}/app`, "--mode", "up", "--html", html);
    const json = cli("preview", "--program", `${dir.dir}/app`, "--mode", "up", "--json");
    expect(text.stderr).not.toMatch(/error/i);
    expect(text.stdout).toMatch(/aws SecretVersion\s+app-webhook-secret-v1/);
    expect(text.stdout).toMatch(/secretString=\[secret\]/);
    const doc: unknown = JSON.parse(json.stdout);
    expect(JSON.stringify(doc)).toMatch(/secrets\.generated/);
    for (const out of [text.stdout, text.stderr, json.stdout, json.stderr, readFileSync(html, "utf8")]) {
      expect(out).not.toContain(PLANTED);
      expect(out).not.toContain(PLANTED.slice(8, 24));
      expect(out).not.toContain("x".repeat(64));
    }
  });
});
