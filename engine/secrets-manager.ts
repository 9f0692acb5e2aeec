/**
 * What a second `pulumi up` plans for a Secrets Manager secret version after the secret was rotated out of band,
 * modelled from primary sources so the offline engine can show it:
 *
 * - Rotation (Secrets Manager, "How rotation works"; PutSecretValue and UpdateSecretVersionStage): a rotation stores
 *   a new version and moves AWSCURRENT to it; AWSPREVIOUS moves to the version AWSCURRENT left. Other labels stay
 *   where they are. A version left with no label is deprecated, and Secrets Manager may delete it (DescribeSecret:
 *   "Versions that don't have staging labels are considered deprecated and Secrets Manager can delete them").
 * - The provider's SecretVersion (terraform-provider-aws docs, `aws_secretsmanager_secret_version`) manages one
 *   specific version, read back by its version id: after a rotation its `secretString` is still the first value and
 *   its `versionStages` no longer hold AWSCURRENT. A staging label it plans is moved to it on update. A version that
 *   is gone is created again.
 * - Pulumi's `ignoreChanges`: for an ignored property the engine diffs with the old value from the state instead of
 *   the program's, so a change there plans no update.
 */
import { isDeepStrictEqual } from "node:util";

/** The provider's state of one SecretVersion, as far as the plan reads it. */
export interface SecretVersionState {
  readonly secretString: string;
  readonly versionStages: readonly string[];
}

/** The version the stack wrote, after `rotations` rotations by someone else; `undefined` once it is deleted. */
export function afterRotations(state: SecretVersionState, rotations: number): SecretVersionState | undefined {
  let stages = [...state.versionStages];
  for (let i = 0; i < rotations; i++) {
    if (stages.includes("AWSCURRENT")) stages = [...stages.filter((s) => s !== "AWSCURRENT"), "AWSPREVIOUS"];
    else stages = stages.filter((s) => s !== "AWSPREVIOUS");
  }
  // No label left: deprecated, and Secrets Manager may delete it (the model assumes it does: the worst case).
  if (stages.length === 0) return undefined;
  return { secretString: state.secretString, versionStages: stages };
}

export type PlannedStep =
  | { readonly op: "same" }
  | { readonly op: "update"; readonly keys: readonly string[]; readonly movesCurrentBack: boolean; readonly writesValue: boolean }
  /** The version is gone, so the provider creates it again: the planned value becomes a new version. */
  | { readonly op: "create"; readonly writesValue: true; readonly movesCurrentBack: boolean };

/** What `pulumi up` plans for the version, given its refreshed state and the program's inputs and `ignoreChanges`. */
export function planSecretVersion(refreshed: SecretVersionState | undefined, inputs: SecretVersionState, ignoreChanges: readonly string[]): PlannedStep {
  // PutSecretValue without VersionStages moves AWSCURRENT to the new version.
  if (refreshed === undefined) return { op: "create", writesValue: true, movesCurrentBack: inputs.versionStages.length === 0 || inputs.versionStages.includes("AWSCURRENT") };
  // `versionStages` is optional and computed: not planned, it is not diffed.
  const keys = (["secretString", "versionStages"] as const).filter(
    (k) => !ignoreChanges.includes(k) && !(k === "versionStages" && inputs.versionStages.length === 0) && !isDeepStrictEqual(sameOrder(refreshed[k]), sameOrder(inputs[k])),
  );
  if (keys.length === 0) return { op: "same" };
  return {
    op: "update",
    keys,
    movesCurrentBack: keys.includes("versionStages") && inputs.versionStages.includes("AWSCURRENT") && !refreshed.versionStages.includes("AWSCURRENT"),
    writesValue: keys.includes("secretString"),
  };
}

function sameOrder(v: string | readonly string[]): string | readonly string[] {
  return typeof v === "string" ? v : [...v].sort();
}
