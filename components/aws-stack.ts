/**
 * The stack program's AWS part (issue 12): from `launch-ready:secrets` and `launch-ready:backups`, one KMS key
 * shared by a `Secrets` and a `Backups` component. Stack-level, not per domain.
 */
import * as pulumi from "@pulumi/pulumi";
import * as runtimeConfig from "@pulumi/pulumi/runtime/config";
import type { LaunchReadySpec } from "../core/spec";
import { Backups } from "./backups/backups";
import { KmsKey } from "./secrets/key";
import { Secrets } from "./secrets/secrets";

export interface StackAwsOptions {
  /** The alert topic (`launch-ready:alerts`), once the stack makes one; without it the vault has no notifications. */
  readonly alertTopicArn?: pulumi.Input<string>;
}

export interface StackAws {
  readonly key?: KmsKey;
  readonly secrets?: Secrets;
  readonly backups?: Backups;
}

/** Reads a `fromConfig` key as a Pulumi secret (`config.requireSecret`), whatever its namespace. */
function secretFromConfig(fullKey: string): pulumi.Output<string> {
  const at = fullKey.indexOf(":");
  return new pulumi.Config(fullKey.slice(0, at)).requireSecret(fullKey.slice(at + 1));
}

export function stackAws(spec: LaunchReadySpec, options: StackAwsOptions = {}): StackAws {
  if (spec.secrets.length === 0 && spec.backups === undefined) return {};
  const key = new KmsKey("launch-ready", { alias: `launch-ready/${pulumi.getStack()}`, description: "launch-ready: the stack's secrets and backups" });
  const secrets =
    spec.secrets.length > 0
      ? new Secrets("launch-ready-secrets", {
          kmsKeyArn: key.arn,
          secrets: spec.secrets.map((s) => ({
            name: s.name,
            length: s.length,
            rotateAfterDays: s.rotateAfterDays,
            ...(s.fromConfig !== undefined ? { initialValue: secretFromConfig(s.fromConfig) } : {}),
            ...(s.rotationFunctionArn !== undefined ? { rotationFunctionArn: s.rotationFunctionArn } : {}),
          })),
        })
      : undefined;
  const b = spec.backups;
  const backups =
    b !== undefined
      ? new Backups("launch-ready-backups", {
          kmsKeyArn: key.arn,
          selectionTag: { [b.selectionTag.key]: b.selectionTag.value },
          retentionDays: b.retentionDays,
          rpoHours: b.rpoHours,
          rtoHours: b.rtoHours,
          restoreTesting: b.restoreTesting,
          restoreTestingResourceType: b.restoreTestingResourceType,
          ...(b.schedule !== undefined ? { schedule: b.schedule } : {}),
          ...(b.vaultLock !== undefined ? { vaultLock: b.vaultLock } : {}),
          ...(b.copyToVaultArn !== undefined ? { copyToVaultArn: b.copyToVaultArn } : {}),
          ...(options.alertTopicArn !== undefined
            ? { alertTopicArn: options.alertTopicArn }
            : { alertTopicNote: "no alert topic was given (set launch-ready:alerts)" }),
        })
      : undefined;
  return { key, ...(secrets ? { secrets } : {}), ...(backups ? { backups } : {}) };
}

/**
 * Of `keys`, those the running program holds encrypted. The engine tells the program which config keys are secret
 * (`PULUMI_CONFIG_SECRET_KEYS`); the SDK keeps them in its runtime store, read through its `isConfigSecret` (an SDK
 * internal, checked at runtime), else from the environment.
 */
export function programSecretKeys(keys: readonly string[]): string[] {
  const fn: unknown = Reflect.get(runtimeConfig, "isConfigSecret");
  if (typeof fn === "function") return keys.filter((k) => fn(k) === true);
  const raw = process.env["PULUMI_CONFIG_SECRET_KEYS"];
  const parsed: unknown = raw === undefined || raw === "" ? [] : JSON.parse(raw);
  return Array.isArray(parsed) ? keys.filter((k) => parsed.includes(k)) : [];
}
