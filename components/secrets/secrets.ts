import { lambdaCode, ROTATION_LAMBDA } from "../lambda/code";
import * as aws from "../aws/services";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { SecretsArgs } from "./args";
import { KmsKey } from "./key";
import { secretReadPolicy } from "./policy";
import { LENGTH_TAG } from "./rotation/length-tag";
import { type SecretPlan, validateSecretsArgs } from "./validate";

export type { SecretArgs, SecretsArgs } from "./args";

/** The component's type token: part of every child's URN, so it never changes. */
export const SECRETS_TYPE = "launch-ready:aws:Secrets";

/**
 * The staging label the first version keeps for ever. A version with no label left is deprecated and Secrets
 * Manager may delete it (DescribeSecret: "Versions that don't have staging labels are considered deprecated");
 * the provider would then find its version gone and create it again with the first value, as AWSCURRENT. With
 * this label the version stays, so the stack never writes the first value twice.
 */
export const INITIAL_STAGE = "LAUNCHREADY_INITIAL";

/**
 * What the first version ignores after create. After a rotation AWSCURRENT is on another version, so the
 * provider reads this version's `versionStages` without it; planned with AWSCURRENT and not ignored, the next
 * `pulumi up` would move AWSCURRENT back to the first value (terraform-provider-aws docs,
 * `aws_secretsmanager_secret_version`: the resource manages one specific version, and a staging label given is
 * moved to it). A changed generated value (a replaced random password) is ignored for the same reason.
 */
export const FIRST_VERSION_IGNORED = ["secretString", "versionStages"];

/** What the component registers as its inputs, for the plan rules: each secret's stored name and rotation bound. */
export interface SecretsInputs {
  readonly secrets: readonly { readonly name: string; readonly rotateAfterDays: number; readonly generated: boolean }[];
}

/** One stored secret and the resources around it. */
export interface StoredSecret {
  readonly secret: aws.secretsmanager.Secret;
  /** The generated first value (`${name}-${secret}-initial`), when not supplied. */
  readonly password?: random.RandomPassword;
  readonly firstVersion: aws.secretsmanager.SecretVersion;
  readonly rotation?: aws.secretsmanager.SecretRotation;
  /** The least-privilege policy (JSON) an application role needs to read it. */
  readonly readPolicy: pulumi.Output<string>;
}

/**
 * Secrets Manager secrets encrypted with a customer-managed KMS key, each with a generated first value
 * (`@pulumi/random`, a Pulumi secret end to end) or a supplied Pulumi secret, written once, and rotated by the
 * toolkit's rotation function on a schedule within `rotateAfterDays`.
 */
export class Secrets extends pulumi.ComponentResource {
  /** The key, when the component made its own (`${name}-kms`). */
  public readonly kms?: KmsKey;
  public readonly kmsKeyArn: pulumi.Output<string>;
  /** By secret name (as declared, without the prefix). */
  public readonly secrets: Readonly<Record<string, StoredSecret>>;
  /** The rotation function (`${name}-rotation`), when a generated secret needs it. */
  public readonly rotationFunction?: aws.lambda.Function;
  public readonly rotationRole?: aws.iam.Role;
  /** Secret ARNs by name. */
  public readonly arns: pulumi.Output<Record<string, string>>;
  /** The read policy document (JSON) for each secret, by name: attach it to the application's role. */
  public readonly readPolicies: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: SecretsArgs, opts?: pulumi.ComponentResourceOptions) {
    const report = validateSecretsArgs(args);
    const prefix = args.namePrefix ?? "launch-ready/";
    const plans: SecretPlan[] = report.value ?? [];
    const inputs: SecretsInputs = { secrets: plans.map((p) => ({ name: `${prefix}${p.name}`, rotateAfterDays: p.rotateAfterDays, generated: !p.supplied })) };
    super(SECRETS_TYPE, name, { ...inputs }, opts);
    if (report.value === undefined) {
      throw new pulumi.ResourceError(`Secrets ${name} has ${report.errors.length} problem(s) in its args:\n${report.errors.map((e) => `  ✗ ${e.path}: ${e.message}`).join("\n")}`, this);
    }
    for (const w of report.warnings) pulumi.log.warn(`${w.path}: ${w.message}`, this);

    if (args.kmsKeyArn === undefined) this.kms = new KmsKey(`${name}-kms`, { description: `launch-ready: secrets of ${name}` }, { parent: this });
    const keyArn = pulumi.output(args.kmsKeyArn ?? this.kms?.arn ?? "");
    this.kmsKeyArn = keyArn;

    const created = plans.map((p) => {
      const secret = new aws.secretsmanager.Secret(
        `${name}-${p.name}`,
        {
          name: `${prefix}${p.name}`,
          description: `${p.supplied ? "Supplied" : "Generated"} secret, rotated at least every ${p.rotateAfterDays} days (managed by launch-ready)`,
          kmsKeyId: keyArn,
          recoveryWindowInDays: args.recoveryWindowInDays ?? 30,
          tags: { [LENGTH_TAG]: String(p.length), "launch-ready:managed": "true" },
        },
        { parent: this },
      );
      return { plan: p, secret };
    });

    const generated = created.filter((c) => !c.plan.supplied);
    if (generated.length > 0) {
      const { fn, role } = this.rotationFunction_(name, generated.map((c) => c.secret.arn), keyArn);
      this.rotationFunction = fn;
      this.rotationRole = role;
    }

    const stored: Record<string, StoredSecret> = {};
    for (const { plan, secret } of created) {
      const given = args.secrets.find((s) => s.name === plan.name);
      const password = plan.supplied ? undefined : new random.RandomPassword(`${name}-${plan.name}-initial`, { length: plan.length, special: false }, { parent: this });
      const value = given?.initialValue !== undefined ? pulumi.secret(given.initialValue) : (password?.result ?? pulumi.secret(""));
      const firstVersion = new aws.secretsmanager.SecretVersion(
        `${name}-${plan.name}-v1`,
        { secretId: secret.id, secretString: value, versionStages: ["AWSCURRENT", INITIAL_STAGE] },
        { parent: this, ignoreChanges: FIRST_VERSION_IGNORED },
      );
      const fnArn = given?.rotationFunctionArn ?? (plan.supplied ? undefined : this.rotationFunction?.arn);
      const rotation =
        fnArn === undefined
          ? undefined
          : new aws.secretsmanager.SecretRotation(
              `${name}-${plan.name}-rotation`,
              // Not immediately: the first value stays until the first scheduled rotation (RotateSecret rotates at once by default).
              { secretId: secret.id, rotationLambdaArn: fnArn, rotationRules: rotationRulesFor(plan.rotateAfterDays), rotateImmediately: false },
              { parent: this, dependsOn: [firstVersion, ...(this.rotationPermission ? [this.rotationPermission] : [])] },
            );
      const readPolicy = pulumi.all([secret.arn, keyArn]).apply(([s, k]) => JSON.stringify(secretReadPolicy(s, k)));
      stored[plan.name] = { secret, ...(password ? { password } : {}), firstVersion, ...(rotation ? { rotation } : {}), readPolicy };
    }
    this.secrets = stored;
    const entries = Object.entries(stored);
    this.arns = pulumi.output(Object.fromEntries(entries.map(([n, s]) => [n, s.secret.arn])));
    this.readPolicies = pulumi.output(Object.fromEntries(entries.map(([n, s]) => [n, s.readPolicy])));
    this.registerOutputs({ arns: this.arns, readPolicies: this.readPolicies, kmsKeyArn: this.kmsKeyArn });
  }

  private rotationPermission?: aws.lambda.Permission;

  /** The rotation function, its role (least privilege: these secrets and this key) and Secrets Manager's permission to call it. */
  private rotationFunction_(name: string, secretArns: pulumi.Output<string>[], keyArn: pulumi.Output<string>): { fn: aws.lambda.Function; role: aws.iam.Role } {
    const role = new aws.iam.Role(
      `${name}-rotation-role`,
      {
        description: "launch-ready secret rotation function",
        assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
      },
      { parent: this },
    );
    new aws.iam.RolePolicyAttachment(`${name}-rotation-logs`, { role: role.name, policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" }, { parent: this });
    new aws.iam.RolePolicy(
      `${name}-rotation-policy`,
      {
        role: role.id,
        policy: pulumi.all([pulumi.all(secretArns), keyArn]).apply(([arns, key]) =>
          JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              {
                Sid: "RotateTheseSecrets",
                Effect: "Allow",
                Action: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"],
                Resource: arns,
              },
              { Sid: "GeneratePasswords", Effect: "Allow", Action: ["secretsmanager:GetRandomPassword"], Resource: "*" },
              { Sid: "UseTheKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: key },
            ],
          }),
        ),
      },
      { parent: this },
    );
    const fn = new aws.lambda.Function(
      `${name}-rotation`,
      {
        description: "launch-ready: rotates generated Secrets Manager secrets (createSecret, setSecret, testSecret, finishSecret)",
        runtime: "nodejs20.x",
        handler: "index.handler",
        role: role.arn,
        timeout: 30,
        code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(rotationCode()) }),
      },
      { parent: this },
    );
    this.rotationPermission = new aws.lambda.Permission(
      `${name}-rotation-invoke`,
      // sourceAccount: only Secrets Manager acting for this account may invoke it (the confused-deputy guard).
      { action: "lambda:InvokeFunction", function: fn.name, principal: "secretsmanager.amazonaws.com", sourceAccount: aws.getCallerIdentityOutput({}, { parent: this }).accountId },
      { parent: this },
    );
    return { fn, role };
  }
}

/** The rotation function's code: one file, the handler bundled, the AWS SDK left to the Lambda runtime. */
export function rotationCode(): string {
  return lambdaCode(ROTATION_LAMBDA);
}

/**
 * Rotation rules that rotate within `rotateAfterDays`, the rotation window included: Secrets Manager rotates any time
 * in the window, which for a schedule in days closes at the end of the UTC day (API `RotationRulesType.Duration`), so
 * every N-1 days; for a single day, every 12 hours (a schedule in hours has a one-hour window).
 */
export function rotationRulesFor(rotateAfterDays: number): { automaticallyAfterDays: number } | { scheduleExpression: string } {
  return rotateAfterDays >= 2 ? { automaticallyAfterDays: rotateAfterDays - 1 } : { scheduleExpression: "rate(12 hours)" };
}
