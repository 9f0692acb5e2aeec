/** The judges of the AWS secrets family: one per checklist ID, pure. */
import type { CheckId } from "../../../checklist";
import { judgeSecretsGenerated } from "./generated";
import { judgeKmsRotation } from "./kms-rotation";
import { judgeSecretsRotation } from "./rotation";

export const SECRETS_JUDGES: Partial<Record<CheckId, (...args: never[]) => unknown>> = {
  "secrets.generated": judgeSecretsGenerated,
  "secrets.rotation": judgeSecretsRotation,
  "secrets.kms_rotation": judgeKmsRotation,
};

export { judgeKmsRotation, judgeSecretsGenerated, judgeSecretsRotation };
export type { StoredSecretFacts } from "./generated";
export type { KmsKeyFacts } from "./kms-rotation";
export { WRITE_ONCE_IGNORED, type SecretRotationFacts } from "./rotation";
