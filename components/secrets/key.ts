import * as aws from "../aws/services";
import * as pulumi from "@pulumi/pulumi";

export interface KmsKeyArgs {
  /** The key's description, as the KMS console shows it. Default: `launch-ready: secrets and backups`. */
  readonly description?: string;
  /** An alias for the key, without `alias/`. Default: none. */
  readonly alias?: string;
  /**
   * Rotate the key material automatically. Default `true`; the `secrets.kms_rotation` check fails when it is off.
   * (AWS KMS: automatic rotation is available for symmetric encryption keys and is off unless enabled.)
   */
  readonly enableKeyRotation?: boolean;
  /** Days between rotations, 90 to 2560. Default: AWS's 365. */
  readonly rotationPeriodInDays?: number;
  /** Waiting period before a scheduled deletion, 7 to 30 days. Default 30. */
  readonly deletionWindowInDays?: number;
}

/** The component's type token: part of every child's URN, so it never changes. */
export const KMS_KEY_TYPE = "launch-ready:aws:KmsKey";

/** Validates `KmsKeyArgs`: `{ errors, warnings }` with field paths under `args`. */
export function validateKmsKeyArgs(args: KmsKeyArgs): { errors: { path: string; message: string }[]; warnings: { path: string; message: string }[] } {
  const errors: { path: string; message: string }[] = [];
  const p = args.rotationPeriodInDays;
  if (p !== undefined && (!Number.isInteger(p) || p < 90 || p > 2560)) errors.push({ path: "args.rotationPeriodInDays", message: "must be a whole number of days from 90 to 2560 (AWS KMS)" });
  const d = args.deletionWindowInDays;
  if (d !== undefined && (!Number.isInteger(d) || d < 7 || d > 30)) errors.push({ path: "args.deletionWindowInDays", message: "must be a whole number of days from 7 to 30 (AWS KMS)" });
  if (args.alias !== undefined && !/^[a-zA-Z0-9/_-]{1,250}$/.test(args.alias)) errors.push({ path: "args.alias", message: "must be letters, digits, `/`, `_` and `-`, without the `alias/` prefix" });
  if (args.alias?.startsWith("aws/") === true) errors.push({ path: "args.alias", message: "`aws/` aliases are reserved for AWS-managed keys" });
  const warnings = args.enableKeyRotation === false ? [{ path: "args.enableKeyRotation", message: "is false: the key never rotates, and secrets.kms_rotation fails" }] : [];
  return { errors, warnings };
}

/**
 * A customer-managed symmetric KMS key that rotates, for the stack's secrets and backup vault. The key is kept on
 * delete (`retainOnDelete`): deleting it would make every secret version and recovery point it encrypted unreadable.
 */
export class KmsKey extends pulumi.ComponentResource {
  public readonly key: aws.kms.Key;
  public readonly alias?: aws.kms.Alias;
  public readonly arn: pulumi.Output<string>;

  constructor(name: string, args: KmsKeyArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super(KMS_KEY_TYPE, name, {}, opts);
    const report = validateKmsKeyArgs(args);
    if (report.errors.length > 0) throw new pulumi.ResourceError(`KmsKey ${name} has ${report.errors.length} problem(s) in its args:\n${report.errors.map((e) => `  ✗ ${e.path}: ${e.message}`).join("\n")}`, this);
    for (const w of report.warnings) pulumi.log.warn(`${w.path}: ${w.message}`, this);
    this.key = new aws.kms.Key(
      `${name}-key`,
      {
        description: args.description ?? "launch-ready: secrets and backups",
        enableKeyRotation: args.enableKeyRotation ?? true,
        ...(args.rotationPeriodInDays !== undefined ? { rotationPeriodInDays: args.rotationPeriodInDays } : {}),
        deletionWindowInDays: args.deletionWindowInDays ?? 30,
      },
      { parent: this, retainOnDelete: true },
    );
    if (args.alias !== undefined) this.alias = new aws.kms.Alias(`${name}-alias`, { name: `alias/${args.alias}`, targetKeyId: this.key.keyId }, { parent: this });
    this.arn = this.key.arn;
    this.registerOutputs({ arn: this.arn });
  }
}
