/**
 * The stack outputs the program (index.ts) exports, as a shape the runbooks may reference. A runbook placeholder
 * must name a path in this shape (test/core/runbooks/no-dangling.test.ts), and this shape must match the program's
 * exports, so a renamed output fails a test instead of leaving on-call with a command that prints nothing.
 */

/** A leaf value; an object of named keys; or `{ "*": … }`, a map keyed by a domain, secret name or region. */
export type OutputShape = "value" | { readonly [key: string]: OutputShape };

const DS_RECORD: OutputShape = { ds: "value", keyTag: "value", algorithm: "value", digestType: "value", digest: "value" };

export const STACK_OUTPUTS: { readonly [name: string]: OutputShape } = {
  /** launch-ready:alerts (components/monitoring): topic ARN per region, subscriptions, alarm names. */
  alerts: { topicArns: { "*": "value" }, subscriptions: "value", alarms: "value" },
  /** Per domain: Cloudflare zone id, name servers, managed records, the DS record with DNSSEC on. */
  zones: { "*": { zoneId: "value", nameServers: "value", records: "value", dnssecDs: DS_RECORD } },
  /** launch-ready:secrets: per secret, its ARN and the read policy for the application's role. */
  secrets: { "*": { arn: "value", readPolicy: "value" } },
  /** launch-ready:backups: vault, plan, role, restore testing plan, RPO and RTO in hours. */
  backups: { vaultArn: "value", vaultName: "value", planArn: "value", roleArn: "value", restoreTestingPlanArn: "value", rpoHours: "value", rtoHours: "value" },
  /** The stack's KMS key (secrets and backups). */
  kmsKeyArn: "value",
};

/** Which variable stands for the keys of a map: `zones.$domain`, `secrets.$secret`. */
const MAP_VARIABLES: { readonly [output: string]: string } = { zones: "$domain", secrets: "$secret" };

/** Whether a placeholder's path exists in the shape; the reason when not. */
export function pathInShape(segments: readonly string[]): { ok: true } | { ok: false; reason: string } {
  const [first, ...rest] = segments;
  if (first === undefined || !(first in STACK_OUTPUTS)) return { ok: false, reason: `no stack output \`${first ?? ""}\` (the program exports ${Object.keys(STACK_OUTPUTS).join(", ")})` };
  let shape: OutputShape | undefined = STACK_OUTPUTS[first];
  const walked = [first];
  for (const segment of rest) {
    if (shape === undefined || shape === "value") return { ok: false, reason: `\`${walked.join(".")}\` is a value, it has no \`${segment}\`` };
    if ("*" in shape) {
      const expected = MAP_VARIABLES[walked[0] ?? ""];
      if (segment.startsWith("$") && expected !== undefined && segment !== expected && walked.length === 1) return { ok: false, reason: `\`${walked.join(".")}\` is keyed by ${expected}, not ${segment}` };
      shape = shape["*"];
    } else {
      if (!(segment in shape)) return { ok: false, reason: `\`${walked.join(".")}\` has no \`${segment}\` (it has ${Object.keys(shape).join(", ")})` };
      shape = shape[segment];
    }
    walked.push(segment);
  }
  return { ok: true };
}
