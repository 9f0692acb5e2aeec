import type * as pulumi from "@pulumi/pulumi";

/** One secret to store in Secrets Manager. */
export interface SecretArgs {
  /** Its name, lower-case letters, digits and hyphens, e.g. `session-signing-key`; stored as `${namePrefix}${name}`. */
  readonly name: string;
  /** Length of the generated value, 16 to 4096. Default 64. Letters and digits, by `@pulumi/random` and then by the rotation function. */
  readonly length?: number;
  /** Rotate at least every this many days, 1 to 365. Default 90. */
  readonly rotateAfterDays?: number;
  /**
   * The first value, instead of a generated one: a Pulumi secret such as `config.requireSecret("stripeKey")`. A plain
   * string is refused (it would sit in the program and the state as plaintext). Default: generated.
   */
  readonly initialValue?: pulumi.Input<string>;
  /**
   * Rotation function for this secret, e.g. one that asks the issuer for a new API key. Default: the toolkit's
   * function, which generates a new value; a secret with an `initialValue` from elsewhere needs its own.
   */
  readonly rotationFunctionArn?: pulumi.Input<string>;
}

export interface SecretsArgs {
  /** The secrets. */
  readonly secrets: readonly SecretArgs[];
  /** The customer-managed KMS key to encrypt them with (its ARN). Default: a new `KmsKey` child, `${name}-kms`. */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** Prefix of every secret's name in Secrets Manager. Default `launch-ready/`. */
  readonly namePrefix?: string;
  /** Days a deleted secret can still be restored, 7 to 30. Default 30. */
  readonly recoveryWindowInDays?: number;
}
