import { judgeSecretsRotation, type SecretRotationFacts } from "../../core/judges/secrets";
import { AWS_TYPES, componentInputs, isRecord, labelOf, list, num, read, refersTo, SECRETS_COMPONENT, str } from "./support/aws";
import { NO_SECRETS } from "./secrets-generated";
import { judgedRule, type JudgedRule } from "./support/setting-rule";

/** A secret no launch-ready `Secrets` component declared rotates at least every 90 days. */
export const DEFAULT_ROTATE_AFTER_DAYS = 90;

/**
 * Each planned secret has a rotation with a function and a schedule within its `rotateAfterDays` (from the
 * `Secrets` component's inputs), and its first version is written once (`secretString` and `versionStages`
 * ignored after create). Terraform provider docs, `aws_secretsmanager_secret_version`: the resource tracks its own
 * version; after a rotation AWSCURRENT is on another version, so a `versionStages` that still asks for AWSCURRENT
 * moves it back on the next apply.
 */
export const secretsRotation: JudgedRule = judgedRule(
  "secrets.rotation",
  (resources) => {
    const secrets = resources.filter((r) => r.type === AWS_TYPES.secret);
    const declared = new Map<string, number>();
    for (const c of componentInputs(resources, SECRETS_COMPONENT)) {
      for (const s of list(read(c.inputs, "secrets"))) {
        const name = str(read(s, "name"));
        const days = num(read(s, "rotateAfterDays"));
        if (name !== undefined && days !== undefined) declared.set(name, days);
      }
    }
    return secrets.map((s) => {
      const label = labelOf(s);
      const rotation = resources.find((r) => r.type === AWS_TYPES.secretRotation && refersTo(r, "secretId", s));
      const version = resources.find((r) => r.type === AWS_TYPES.secretVersion && refersTo(r, "secretId", s));
      const rules = rotation === undefined ? undefined : read(rotation.inputs, "rotationRules");
      const after = isRecord(rules) ? num(read(rules, "automaticallyAfterDays")) : undefined;
      const expr = isRecord(rules) ? str(read(rules, "scheduleExpression")) : undefined;
      const duration = isRecord(rules) ? str(read(rules, "duration")) : undefined;
      const hasFunction = rotation !== undefined && ((rotation.propertyDependencies["rotationLambdaArn"] ?? []).length > 0 || str(read(rotation.inputs, "rotationLambdaArn")) !== undefined);
      const facts: SecretRotationFacts = {
        label,
        rotateAfterDays: declared.get(label) ?? DEFAULT_ROTATE_AFTER_DAYS,
        ...(rotation !== undefined ? { rotation: { hasFunction, ...(after !== undefined ? { automaticallyAfterDays: after } : {}), ...(expr !== undefined ? { scheduleExpression: expr } : {}), ...(duration !== undefined ? { duration } : {}) } } : {}),
        ...(version !== undefined ? { firstVersion: { ignoreChanges: version.options.ignoreChanges } } : {}),
      };
      return { verdict: judgeSecretsRotation({ secrets: [facts] }), urn: s.urn };
    });
  },
  NO_SECRETS,
);
