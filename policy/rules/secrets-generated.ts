import { judgeSecretsGenerated, type StoredSecretFacts } from "../../core/judges/secrets";
import { AWS_TYPES, labelOf, protectionOf, readKnown, refersTo } from "./support/aws";

const AWS_MANAGED_SECRETS_KEY = /(^|:)alias\/aws\/secretsmanager$/;
import { judgedRule, type JudgedRule } from "./support/setting-rule";

export const NO_SECRETS = "The stack plans no Secrets Manager secret.";

/**
 * Each planned Secrets Manager secret is encrypted with a KMS key the stack plans (its `kmsKeyId` computed from an
 * `aws:kms/key:Key`; `alias/aws/secretsmanager` is AWS's key), and its first version's value is generated (it depends
 * on a `random:index/randomPassword:RandomPassword`) or a Pulumi secret; a value computed from other resources only
 * cannot be told generated.
 */
export const secretsGenerated: JudgedRule = judgedRule(
  "secrets.generated",
  (resources) => {
    const keys = resources.filter((r) => r.type === AWS_TYPES.kmsKey);
    const secrets = resources.filter((r) => r.type === AWS_TYPES.secret);
    return secrets.map((s) => {
      const keyId = readKnown(s.inputs, "kmsKeyId");
      const fromStackKey = keys.some((k) => refersTo(s, "kmsKeyId", k));
      // Secrets Manager's AWS-managed key, named by alias (`alias/aws/secretsmanager` or its alias ARN).
      const awsManagedLiteral = typeof keyId === "string" && AWS_MANAGED_SECRETS_KEY.test(keyId);
      const versions = resources.filter((v) => v.type === AWS_TYPES.secretVersion && refersTo(v, "secretId", s));
      const values = versions.map((v) => protectionOf(v, "secretString"));
      const value = values.includes("literal") ? "literal" : values.includes("derived") ? "derived" : values.includes("generated") ? "generated" : values.includes("secret") ? "secret" : "none";
      const deps = (s.propertyDependencies["kmsKeyId"] ?? []).length > 0;
      const facts: StoredSecretFacts = { label: labelOf(s), key: fromStackKey ? "stack-key" : awsManagedLiteral || (keyId === undefined && !deps) ? "aws-managed" : "other", value };
      return { verdict: judgeSecretsGenerated({ secrets: [facts] }), urn: s.urn };
    });
  },
  NO_SECRETS,
);
