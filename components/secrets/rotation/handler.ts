/**
 * The rotation function the `Secrets` component deploys (Node.js 20 on Lambda, whose runtime ships the AWS SDK v3):
 * Secrets Manager's four-step rotation protocol for generated secrets (AWS: "Rotation by Lambda function"):
 *
 * - `createSecret`: unless a version with this token is already AWSPENDING, generate a new value
 *   (`GetRandomPassword`, letters and digits, the length from the secret's `launch-ready:length` tag) and store it
 *   as that version, labelled AWSPENDING (`PutSecretValue` with the token as `ClientRequestToken`, so a retry is
 *   idempotent);
 * - `setSecret`: a generated secret lives only in Secrets Manager (the application reads it from there), so there
 *   is no other system to update;
 * - `testSecret`: read the pending version back and check it is the value shape the secret promises (a pending
 *   version with no value is Secrets Manager's own configuration test when rotation is set up without rotating at
 *   once: nothing to check);
 * - `finishSecret`: move AWSCURRENT to the pending version (`UpdateSecretVersionStage`); Secrets Manager moves
 *   AWSPREVIOUS to the old one.
 *
 * Every step first checks that rotation is enabled and that the token is a version of the secret (AWSPENDING, or
 * already AWSCURRENT when the step is a retry of a finished rotation). A failed step throws; Secrets Manager retries
 * the rotation, and every step is safe to run again. Never logs a value.
 */
import {
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from "@aws-sdk/client-secrets-manager";
import { LENGTH_TAG } from "./length-tag";

export type RotationStep = "createSecret" | "setSecret" | "testSecret" | "finishSecret";

export interface RotationEvent {
  readonly SecretId: string;
  readonly ClientRequestToken: string;
  readonly Step: RotationStep;
}

const DEFAULT_LENGTH = 64;

/** The subset of the client the steps use, so tests hand in a mocked client. */
type Client = Pick<SecretsManagerClient, "send">;

/** What each step did, for the function's log (never a value). */
export type StepResult = { readonly step: RotationStep; readonly action: string };

export async function rotate(event: RotationEvent, client: Client): Promise<StepResult> {
  const { SecretId: arn, ClientRequestToken: token, Step: step } = event;
  const meta = await client.send(new DescribeSecretCommand({ SecretId: arn }));
  if (meta.RotationEnabled !== true) throw new Error(`${arn}: rotation is not enabled`);
  const stages = meta.VersionIdsToStages?.[token];
  if (stages === undefined) throw new Error(`${arn}: version ${token} is not a version of the secret`);
  if (stages.includes("AWSCURRENT")) return { step, action: `version ${token} is already AWSCURRENT: nothing to do` };
  if (!stages.includes("AWSPENDING")) throw new Error(`${arn}: version ${token} is not AWSPENDING`);
  const lengthTag = meta.Tags?.find((t) => t.Key === LENGTH_TAG)?.Value;
  const length = lengthTag !== undefined && /^\d+$/.test(lengthTag) ? Number(lengthTag) : DEFAULT_LENGTH;
  switch (step) {
    case "createSecret":
      return createSecret(client, arn, token, length);
    case "setSecret":
      return { step, action: "a generated secret is only stored in Secrets Manager: nothing to set" };
    case "testSecret":
      return testSecret(client, arn, token, length);
    case "finishSecret":
      return finishSecret(client, arn, token, meta.VersionIdsToStages ?? {});
    default:
      throw new Error(`${arn}: unknown step ${String(step)}`);
  }
}

async function createSecret(client: Client, arn: string, token: string, length: number): Promise<StepResult> {
  // There must be a current value to rotate from.
  await client.send(new GetSecretValueCommand({ SecretId: arn, VersionStage: "AWSCURRENT" }));
  try {
    await client.send(new GetSecretValueCommand({ SecretId: arn, VersionId: token, VersionStage: "AWSPENDING" }));
    return { step: "createSecret", action: `version ${token} already holds the pending value (a retry)` };
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  const generated = await client.send(new GetRandomPasswordCommand({ PasswordLength: length, ExcludePunctuation: true, RequireEachIncludedType: true }));
  if (generated.RandomPassword === undefined) throw new Error(`${arn}: GetRandomPassword returned no value`);
  await client.send(new PutSecretValueCommand({ SecretId: arn, ClientRequestToken: token, SecretString: generated.RandomPassword, VersionStages: ["AWSPENDING"] }));
  return { step: "createSecret", action: `stored a new ${length}-character value as version ${token} (AWSPENDING)` };
}

async function testSecret(client: Client, arn: string, token: string, length: number): Promise<StepResult> {
  let value: string;
  try {
    const pending = await client.send(new GetSecretValueCommand({ SecretId: arn, VersionId: token, VersionStage: "AWSPENDING" }));
    value = pending.SecretString ?? "";
  } catch (err) {
    // Rotation configured without rotating at once: Secrets Manager tests the configuration by running testSecret
    // alone on an AWSPENDING version it creates and removes (RotateSecret, `RotateImmediately`). That version holds no
    // value of ours to check; a real rotation's createSecret always stores one first.
    if (err instanceof ResourceNotFoundException) return { step: "testSecret", action: `version ${token} holds no value: Secrets Manager's configuration test, nothing to check` };
    throw err;
  }
  if (value.length !== length || !/^[A-Za-z0-9]+$/.test(value)) throw new Error(`${arn}: the pending version is not a ${length}-character letters-and-digits value`);
  return { step: "testSecret", action: `the pending version is a ${length}-character value` };
}

async function finishSecret(client: Client, arn: string, token: string, versions: Record<string, string[]>): Promise<StepResult> {
  const current = Object.entries(versions).find(([, s]) => s.includes("AWSCURRENT"))?.[0];
  await client.send(
    new UpdateSecretVersionStageCommand({ SecretId: arn, VersionStage: "AWSCURRENT", MoveToVersionId: token, ...(current !== undefined ? { RemoveFromVersionId: current } : {}) }),
  );
  return { step: "finishSecret", action: `AWSCURRENT moved to version ${token}${current !== undefined ? ` from ${current}` : ""}` };
}

/** The Lambda entry point. */
export async function handler(event: RotationEvent): Promise<void> {
  const result = await rotate(event, new SecretsManagerClient({}));
  console.log(`${event.Step} ${event.SecretId}: ${result.action}`);
}
