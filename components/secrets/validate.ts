import type { SecretArgs, SecretsArgs } from "./args";

export interface ArgsIssue {
  readonly path: string;
  readonly message: string;
}

/** A secret with every default applied. */
export interface SecretPlan {
  readonly name: string;
  readonly length: number;
  readonly rotateAfterDays: number;
  /** The first value is supplied (`initialValue`) rather than generated. */
  readonly supplied: boolean;
}

const NAME = /^[a-z][a-z0-9-]{1,63}$/;

/**
 * Validates `SecretsArgs` the way the stack file's `launch-ready:secrets` is validated: every problem with its
 * field path under `root`, never a secret's value.
 */
export function validateSecretsArgs(args: SecretsArgs, root = "args"): { value?: SecretPlan[]; errors: ArgsIssue[]; warnings: ArgsIssue[] } {
  const errors: ArgsIssue[] = [];
  const warnings: ArgsIssue[] = [];
  const seen = new Set<string>();
  const plans = args.secrets.map((s: SecretArgs, i): SecretPlan => {
    const at = (field: string) => `${root}.secrets[${i}].${field}`;
    if (!NAME.test(s.name)) errors.push({ path: at("name"), message: "must be lower-case letters, digits and hyphens, such as `session-signing-key`" });
    if (seen.has(s.name)) errors.push({ path: at("name"), message: `\`${s.name}\` is declared twice: secret names must be unique` });
    seen.add(s.name);
    const length = s.length ?? 64;
    if (!Number.isInteger(length) || length < 16 || length > 4096) errors.push({ path: at("length"), message: "must be a whole number from 16 to 4096" });
    const days = s.rotateAfterDays ?? 90;
    if (!Number.isInteger(days) || days < 1 || days > 365) errors.push({ path: at("rotateAfterDays"), message: "must be a whole number of days from 1 to 365" });
    if (typeof s.initialValue === "string") {
      // Never echo it: the value is a credential.
      errors.push({ path: at("initialValue"), message: "is a plain string (value withheld): pass a Pulumi secret, e.g. `config.requireSecret(\"key\")` after `pulumi config set --secret key …`, or leave it out to generate one" });
    }
    const supplied = s.initialValue !== undefined;
    if (supplied && s.rotationFunctionArn === undefined) {
      warnings.push({ path: at("rotationFunctionArn"), message: "is not set: a supplied secret is not rotated by the toolkit's function (it would replace the value with a generated one), so it has no rotation and secrets.rotation fails; give a function that rotates it at its issuer" });
    }
    return { name: s.name, length, rotateAfterDays: days, supplied };
  });
  const w = args.recoveryWindowInDays;
  if (w !== undefined && (!Number.isInteger(w) || w < 7 || w > 30)) errors.push({ path: `${root}.recoveryWindowInDays`, message: "must be a whole number of days from 7 to 30 (Secrets Manager)" });
  if (args.namePrefix !== undefined && !/^[a-zA-Z0-9/_+=.@-]{0,200}$/.test(args.namePrefix)) errors.push({ path: `${root}.namePrefix`, message: "may hold only letters, digits and /_+=.@-" });
  return errors.length > 0 ? { errors, warnings } : { value: plans, errors, warnings };
}
