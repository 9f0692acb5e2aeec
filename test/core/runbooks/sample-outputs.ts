/**
 * A stack's outputs as `pulumi stack output --json` prints them for the example stack (acme.example, eu-west-1),
 * built from the declared shape so every path a runbook may use is present: one domain, one secret.
 */
import { STACK_OUTPUTS, type OutputShape } from "../../../core/runbooks/outputs";
import type { JsonValue } from "../../../core/runbooks/template";

const VALUES: { readonly [path: string]: JsonValue } = {
  "backups.vaultArn": "arn:aws:backup:eu-west-1:123456789012:backup-vault:acme-prod-vault",
  "backups.vaultName": "acme-prod-vault",
  "backups.planArn": "arn:aws:backup:eu-west-1:123456789012:backup-plan:8f0c1d2e",
  "backups.roleArn": "arn:aws:iam::123456789012:role/acme-prod-backup-role",
  "backups.restoreTestingPlanArn": "arn:aws:backup:eu-west-1:123456789012:restore-testing-plan:acme_prod_restore_tests",
  "backups.rpoHours": 24,
  "backups.rtoHours": 4,
  "kmsKeyArn": "arn:aws:kms:eu-west-1:123456789012:key/0b7e4c4e-2f1a-4e8e-9d51-6f1e0c0a9b11",
  "alerts.topicArns.*": "arn:aws:sns:us-east-1:123456789012:acme-prod-alerts",
  "alerts.subscriptions": [{ endpoint: "oncall@acme.example", protocol: "email", pendingConfirmation: false }],
  "alerts.alarms": ["acme-example-monitoring-down-https-acme-example", "acme-example-monitoring-5xx"],
  "zones.*.zoneId": "023e105f4ecef8ad9ca31a8372d0c353",
  "zones.*.nameServers": ["ada.ns.cloudflare.com", "bob.ns.cloudflare.com"],
  "zones.*.records": { apex: "acme.example" },
  "zones.*.dnssecDs.ds": "acme.example. 3600 IN DS 2371 13 2 1F987CC6583E92DF0890718C42",
  "zones.*.dnssecDs.keyTag": 2371,
  "zones.*.dnssecDs.algorithm": "13",
  "zones.*.dnssecDs.digestType": "2",
  "zones.*.dnssecDs.digest": "1F987CC6583E92DF0890718C42",
  "secrets.*.arn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:launch-ready/db-password-AbCdEf",
  "secrets.*.readPolicy": '{"Version":"2012-10-17","Statement":[]}',
};

const KEYS: { readonly [output: string]: string } = { zones: "acme.example", secrets: "db-password", topicArns: "us-east-1" };

function build(shape: OutputShape, path: string[]): JsonValue {
  const key = path.join(".");
  if (shape === "value") {
    const v = VALUES[key];
    if (v === undefined) throw new Error(`sample outputs: no value for ${key}`);
    return v;
  }
  if ("*" in shape) {
    const name = KEYS[path[path.length - 1] ?? ""] ?? "key";
    return { [name]: build(shape["*"] ?? "value", [...path, "*"]) };
  }
  return Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, build(s, [...path, k])]));
}

export function sampleOutputs(): { readonly [key: string]: JsonValue } {
  return Object.fromEntries(Object.entries(STACK_OUTPUTS).map(([name, shape]) => [name, build(shape, [name])]));
}
