/**
 * A second `pulumi up` after an out-of-band rotation plans no change to the secret's value.
 *
 * The demonstration: the real `Secrets` component runs under the offline engine; its captured first version (inputs,
 * `ignoreChanges`) is the state after the first up. The rotation is applied to that state as Secrets Manager does it
 * and as the provider reads it back (engine/secrets-manager.ts: AWSCURRENT moves to the new version, AWSPREVIOUS to
 * this one; the value read by version id is unchanged; a version with no label left is deleted). The program is then
 * run again, with a different first value, and the engine's diff (with `ignoreChanges`) is taken between the two.
 * What is modelled is the provider's read and Pulumi's diff, not AWS itself; the naive plans beside it show the model
 * tells the two apart.
 */
import { describe, expect, it } from "vitest";
import type { CapturedResource } from "../../../engine/capture";
import { afterRotations, planSecretVersion, type SecretVersionState } from "../../../engine/secrets-manager";
import { runProgram } from "../../lib/program";

const VERSION = "aws:secretsmanager/secretVersion:SecretVersion";

async function firstVersion(value: string): Promise<CapturedResource> {
  const run = await runProgram(
    `import { Secrets } from "launch-ready";
new Secrets("app", { secrets: [{ name: "api-key", initialValue: pulumi.secret(${JSON.stringify(value)}), rotationFunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:rotate" }] });`,
    false,
  );
  expect(run.errors).toEqual([]);
  const v = run.resources.find((r) => r.type === VERSION);
  if (v === undefined) throw new Error("no secret version planned");
  return v;
}

function stateOf(v: CapturedResource): SecretVersionState {
  const stages: unknown = v.inputs["versionStages"];
  return { secretString: String(v.inputs["secretString"]), versionStages: Array.isArray(stages) ? stages.map(String) : [] };
}

describe("a second pulumi up after an out-of-band rotation", () => {
  it("plans no change to the version, after one, two or five rotations, even when the program's first value changed", async () => {
    const first = await firstVersion("first-value-A1b2C3d4E5f6G7h8");
    const second = await firstVersion("other-value-Z9y8X7w6V5u4T3s2");
    expect(second.options.ignoreChanges).toEqual(["secretString", "versionStages"]);
    for (const n of [1, 2, 5]) {
      const refreshed = afterRotations(stateOf(first), n);
      expect(refreshed?.versionStages).toContain("LAUNCHREADY_INITIAL");
      expect(refreshed?.versionStages).not.toContain("AWSCURRENT");
      expect(planSecretVersion(refreshed, stateOf(second), second.options.ignoreChanges)).toEqual({ op: "same" });
    }
  });

  it("the naive plans the model tells apart: without ignoreChanges AWSCURRENT moves back; without a label of its own the version is written again", async () => {
    const v = await firstVersion("first-value-A1b2C3d4E5f6G7h8");
    const state = stateOf(v);
    // The same inputs, nothing ignored: the update asks for AWSCURRENT on the first version again.
    expect(planSecretVersion(afterRotations(state, 1), state, [])).toMatchObject({ op: "update", keys: ["versionStages"], movesCurrentBack: true });
    // A plain version (no versionStages planned, nothing ignored) survives one rotation, but after two it has no
    // label left, is deleted, and the next up creates it again with the first value as AWSCURRENT.
    const plainVersion: SecretVersionState = { secretString: state.secretString, versionStages: [] };
    const written = { ...plainVersion, versionStages: ["AWSCURRENT"] };
    expect(planSecretVersion(afterRotations(written, 1), plainVersion, [])).toEqual({ op: "same" });
    expect(planSecretVersion(afterRotations(written, 2), plainVersion, [])).toEqual({ op: "create", writesValue: true, movesCurrentBack: true });
    // Ignoring only the value is not enough either.
    expect(planSecretVersion(afterRotations(state, 1), state, ["secretString"])).toMatchObject({ op: "update", movesCurrentBack: true });
  });
});
