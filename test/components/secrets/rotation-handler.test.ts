/**
 * The rotation function's four steps against recorded Secrets Manager responses (aws-sdk-client-mock): the happy
 * path, a failed step that Secrets Manager retries, idempotent retries, and the guards every step runs first.
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
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { rotate, type RotationEvent } from "../../../components/secrets/rotation/handler";
import { LENGTH_TAG } from "../../../components/secrets/rotation/length-tag";

const ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:launch-ready/session-signing-key-AbCdEf";
const CURRENT = "11111111-1111-4111-8111-111111111111";
const TOKEN = "22222222-2222-4222-8222-222222222222";
const NEW_VALUE = "Q7w2E9r4T1y6U3i8O5p0A2s7D4f9G1h6J3k8L5z0X2c7V4b9N1m6Q3w8E5r0T2y7";
const sm = mockClient(SecretsManagerClient);
const client = new SecretsManagerClient({ region: "eu-west-1" });
const event = (Step: RotationEvent["Step"]): RotationEvent => ({ SecretId: ARN, ClientRequestToken: TOKEN, Step });

/** DescribeSecret as recorded during a rotation: the new token is AWSPENDING, the old one AWSCURRENT. */
function describing(stages: Record<string, string[]> = { [CURRENT]: ["AWSCURRENT", "LAUNCHREADY_INITIAL"], [TOKEN]: ["AWSPENDING"] }, rotationEnabled = true) {
  sm.on(DescribeSecretCommand).resolves({
    ARN,
    Name: "launch-ready/session-signing-key",
    RotationEnabled: rotationEnabled,
    VersionIdsToStages: stages,
    Tags: [{ Key: LENGTH_TAG, Value: "64" }],
  });
}

const notFound = () => new ResourceNotFoundException({ message: "Secrets Manager can't find the specified secret value for VersionId", $metadata: { httpStatusCode: 400 } });

beforeEach(() => sm.reset());

describe("createSecret", () => {
  it("generates a 64-character letters-and-digits value and stores it as the token's AWSPENDING version", async () => {
    describing();
    sm.on(GetSecretValueCommand, { SecretId: ARN, VersionStage: "AWSCURRENT" }).resolves({ VersionId: CURRENT, SecretString: "old" });
    sm.on(GetSecretValueCommand, { SecretId: ARN, VersionId: TOKEN, VersionStage: "AWSPENDING" }).rejects(notFound());
    sm.on(GetRandomPasswordCommand).resolves({ RandomPassword: NEW_VALUE });
    sm.on(PutSecretValueCommand).resolves({ ARN, VersionId: TOKEN, VersionStages: ["AWSPENDING"] });
    const r = await rotate(event("createSecret"), client);
    expect(r.action).toMatch(/stored a new 64-character value as version 2222/);
    expect(sm.commandCalls(GetRandomPasswordCommand)[0]?.args[0].input).toEqual({ PasswordLength: 64, ExcludePunctuation: true, RequireEachIncludedType: true });
    expect(sm.commandCalls(PutSecretValueCommand)[0]?.args[0].input).toEqual({ SecretId: ARN, ClientRequestToken: TOKEN, SecretString: NEW_VALUE, VersionStages: ["AWSPENDING"] });
    expect(JSON.stringify(r)).not.toContain(NEW_VALUE);
  });

  it("a failed PutSecretValue (throttled) fails the step; Secrets Manager's retry then stores the value once", async () => {
    describing();
    sm.on(GetSecretValueCommand, { SecretId: ARN, VersionStage: "AWSCURRENT" }).resolves({ VersionId: CURRENT, SecretString: "old" });
    sm.on(GetSecretValueCommand, { SecretId: ARN, VersionId: TOKEN, VersionStage: "AWSPENDING" }).rejects(notFound());
    sm.on(GetRandomPasswordCommand).resolves({ RandomPassword: NEW_VALUE });
    sm.on(PutSecretValueCommand)
      .rejectsOnce(Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" }))
      .resolves({ ARN, VersionId: TOKEN, VersionStages: ["AWSPENDING"] });
    await expect(rotate(event("createSecret"), client)).rejects.toThrow(/Rate exceeded/);
    const retry = await rotate(event("createSecret"), client);
    expect(retry.action).toMatch(/stored a new/);
    expect(sm.commandCalls(PutSecretValueCommand)).toHaveLength(2);
    // Both attempts used the rotation's token as the idempotency token: at most one version is ever created.
    expect(sm.commandCalls(PutSecretValueCommand).map((c) => c.args[0].input.ClientRequestToken)).toEqual([TOKEN, TOKEN]);
  });

  it("a retry after the pending value was stored writes nothing", async () => {
    describing();
    sm.on(GetSecretValueCommand, { SecretId: ARN, VersionStage: "AWSCURRENT" }).resolves({ VersionId: CURRENT, SecretString: "old" });
    sm.on(GetSecretValueCommand, { SecretId: ARN, VersionId: TOKEN, VersionStage: "AWSPENDING" }).resolves({ VersionId: TOKEN, SecretString: NEW_VALUE });
    const r = await rotate(event("createSecret"), client);
    expect(r.action).toMatch(/already holds the pending value/);
    expect(sm.commandCalls(PutSecretValueCommand)).toHaveLength(0);
    expect(sm.commandCalls(GetRandomPasswordCommand)).toHaveLength(0);
  });
});

describe("setSecret, testSecret, finishSecret", () => {
  it("setSecret has nothing to update for a generated secret", async () => {
    describing();
    expect((await rotate(event("setSecret"), client)).action).toMatch(/nothing to set/);
  });

  it("testSecret passes a 64-character value and fails a value of the wrong shape, without echoing it", async () => {
    describing();
    sm.on(GetSecretValueCommand, { SecretId: ARN, VersionId: TOKEN, VersionStage: "AWSPENDING" }).resolves({ SecretString: NEW_VALUE });
    expect((await rotate(event("testSecret"), client)).action).toMatch(/64-character value/);
    sm.on(GetSecretValueCommand, { SecretId: ARN, VersionId: TOKEN, VersionStage: "AWSPENDING" }).resolves({ SecretString: "short-secret-value!" });
    const err = await rotate(event("testSecret"), client).catch((e: unknown) => e);
    expect(String(err)).toMatch(/not a 64-character letters-and-digits value/);
    expect(String(err)).not.toContain("short-secret-value");
  });

  it("testSecret on Secrets Manager's configuration test (a pending version with no value, rotateImmediately false) passes without writing", async () => {
    describing();
    sm.on(GetSecretValueCommand, { SecretId: ARN, VersionId: TOKEN, VersionStage: "AWSPENDING" }).rejects(notFound());
    expect((await rotate(event("testSecret"), client)).action).toMatch(/configuration test, nothing to check/);
    expect(sm.commandCalls(PutSecretValueCommand)).toHaveLength(0);
  });

  it("finishSecret moves AWSCURRENT from the current version to the token", async () => {
    describing();
    sm.on(UpdateSecretVersionStageCommand).resolves({ ARN });
    const r = await rotate(event("finishSecret"), client);
    expect(sm.commandCalls(UpdateSecretVersionStageCommand)[0]?.args[0].input).toEqual({ SecretId: ARN, VersionStage: "AWSCURRENT", MoveToVersionId: TOKEN, RemoveFromVersionId: CURRENT });
    expect(r.action).toMatch(/AWSCURRENT moved to version 2222.* from 1111/);
  });

  it("a retried finishSecret after AWSCURRENT already moved does nothing", async () => {
    describing({ [CURRENT]: ["AWSPREVIOUS", "LAUNCHREADY_INITIAL"], [TOKEN]: ["AWSCURRENT"] });
    const r = await rotate(event("finishSecret"), client);
    expect(r.action).toMatch(/already AWSCURRENT/);
    expect(sm.commandCalls(UpdateSecretVersionStageCommand)).toHaveLength(0);
  });
});

describe("the guards every step runs first", () => {
  it("refuses a secret whose rotation is disabled", async () => {
    describing(undefined, false);
    await expect(rotate(event("createSecret"), client)).rejects.toThrow(/rotation is not enabled/);
  });

  it("refuses a token that is not a version of the secret, or not AWSPENDING", async () => {
    describing({ [CURRENT]: ["AWSCURRENT"] });
    await expect(rotate(event("createSecret"), client)).rejects.toThrow(/is not a version of the secret/);
    describing({ [CURRENT]: ["AWSCURRENT"], [TOKEN]: [] });
    await expect(rotate(event("testSecret"), client)).rejects.toThrow(/is not AWSPENDING/);
  });
});
