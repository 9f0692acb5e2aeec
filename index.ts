/**
 * The launch-ready stack program: one user of the component library (`lib/`). It reads the `launch-ready:` stack
 * config, validates all of it (nothing is registered when anything is wrong), then makes one `Domain` per entry.
 * A program of your own can use the same components directly: examples/typescript-program.
 */
import * as pulumi from "@pulumi/pulumi";
import { formatIssues, namespaceFromPulumiConfig } from "./config/format";
import { stackDomains } from "./config/stack-domains";
import { NAMESPACE } from "./config/validate";
import { withArgsPath } from "./components/domain/args-path";
import { programSecretKeys, stackAws } from "./components/aws-stack";
import { fromConfigIssues } from "./config/stack-aws";
import { Domain } from "./lib";

const report = stackDomains(namespaceFromPulumiConfig(pulumi.runtime.allConfig(), NAMESPACE));
if (report.errors.length > 0 || report.value === undefined) {
  throw new pulumi.RunError(`The stack config has ${report.errors.length} problem(s):\n${formatIssues(report.errors, "✗")}`);
}
for (const w of report.value.stackWarnings) pulumi.log.warn(`${w.path}: ${w.message}`);
// A secret read from config must be set with --secret (checked here too: the program sees every config key).
const allConfig = pulumi.runtime.allConfig();
const plaintext = fromConfigIssues(report.value.spec.secrets, allConfig, programSecretKeys(Object.keys(allConfig)));
if (plaintext.length > 0) throw new pulumi.RunError(`The stack config has ${plaintext.length} problem(s):\n${formatIssues(plaintext, "✗")}`);

// Each component reports its entry's warnings under the entry's stack-file path.
const domains = report.value.domains.map(({ path, args }) => ({ name: args.name, component: new Domain(resourceSlug(args.name), withArgsPath(args, path)) }));

/**
 * Per domain: the zone id, Cloudflare's name servers (give them to the registrar), the managed records and, with
 * DNSSEC on, the DS record to publish at the registrar (runbooks/dnssec.md).
 */
export const zones = pulumi.output(
  Object.fromEntries(
    domains.map(({ name, component: d }) => [
      name,
      pulumi.output({ zoneId: d.zoneId, nameServers: d.nameServers, records: d.records, ...(d.ds !== undefined ? { dnssecDs: d.ds } : {}) }),
    ]),
  ),
);

function resourceSlug(domain: string): string {
  return domain.replace(/\./g, "-");
}

// AWS (issue 12): the stack's KMS key, secrets and backups. No alert topic yet: the vault is protected but silent.
const aws = stackAws(report.value.spec);

/** Per secret: its ARN and the least-privilege policy (JSON) an application role needs to read it. */
export const secrets = aws.secrets
  ? pulumi.all([aws.secrets.arns, aws.secrets.readPolicies]).apply(([arns, policies]) =>
      Object.fromEntries(Object.entries(arns).map(([name, arn]) => [name, { arn, readPolicy: policies[name] ?? "" }])),
    )
  : undefined;

/** What the restore runbook and command need: vault, plan, role and restore testing plan ARNs, RPO and RTO. */
export const backups = aws.backups?.outputs;

/** The stack's KMS key (secrets and backups). */
export const kmsKeyArn = aws.key?.arn;
