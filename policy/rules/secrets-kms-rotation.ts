import { judgeKmsRotation, type KmsKeyFacts } from "../../core/judges/secrets";
import { AWS_TYPES, num, read, str } from "./support/aws";
import { judgedRule, type JudgedRule } from "./support/setting-rule";

/**
 * Each planned symmetric KMS key has automatic rotation on. Provider docs (`aws_kms_key`): `enable_key_rotation`
 * defaults to false; `customer_master_key_spec` defaults to SYMMETRIC_DEFAULT; `key_usage` ENCRYPT_DECRYPT.
 */
export const secretsKmsRotation: JudgedRule = judgedRule(
  "secrets.kms_rotation",
  (resources) =>
    resources
      .filter((r) => r.type === AWS_TYPES.kmsKey)
      .map((r) => {
        const rotation = read(r.inputs, "enableKeyRotation");
        const period = num(read(r.inputs, "rotationPeriodInDays"));
        const spec = str(read(r.inputs, "customerMasterKeySpec")) ?? "SYMMETRIC_DEFAULT";
        const usage = str(read(r.inputs, "keyUsage")) ?? "ENCRYPT_DECRYPT";
        const facts: KmsKeyFacts = {
          label: r.name,
          ...(typeof rotation === "boolean" ? { rotation } : {}),
          ...(period !== undefined ? { periodDays: period } : {}),
          symmetric: spec === "SYMMETRIC_DEFAULT" && usage === "ENCRYPT_DECRYPT",
        };
        return { verdict: judgeKmsRotation({ keys: [facts] }), urn: r.urn };
      }),
  "The stack plans no customer-managed KMS key.",
);
