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
import { AlertRoute, Domain, Monitoring } from "./lib";
import { monitoringArgsOf, alertRegions } from "./config/stack-monitoring";
import { programSecretKeys, stackAws } from "./components/aws-stack";
import { fromConfigIssues } from "./config/stack-aws";

const report = stackDomains(namespaceFromPulumiConfig(pulumi.runtime.allConfig(), NAMESPACE));
if (report.errors.length > 0 || report.value === undefined) {
  throw new pulumi.RunError(`The stack config has ${report.errors.length} problem(s):\n${formatIssues(report.errors, "✗")}`);
}
for (const w of report.value.stackWarnings) pulumi.log.warn(`${w.path}: ${w.message}`);
// A secret read from config must be set with --secret (checked here too: the program sees every config key).
const allConfig = pulumi.runtime.allConfig();
const plaintext = fromConfigIssues(report.value.spec.secrets, allConfig, programSecretKeys(Object.keys(allConfig)));
if (plaintext.length > 0) throw new pulumi.RunError(`The stack config has ${plaintext.length} problem(s):\n${formatIssues(plaintext, "✗")}`);

// Where every alarm goes (launch-ready:alerts): made first, so anything that should page the on-call (monitoring,
// backups, secret rotation) can take `alertRoute.topicArns[region]` (one encrypted topic per region an alarm is in).
const spec = report.value.spec;
const stackRegion = new pulumi.Config("aws").get("region");
const alertRoute =
  spec.alerts !== undefined
    ? new AlertRoute("alerts", {
        emails: spec.alerts.emails,
        ...(spec.alerts.webhookUrl !== undefined ? { webhookUrl: pulumi.secret(spec.alerts.webhookUrl) } : {}),
        regions: alertRegions(spec, stackRegion),
        // AWS Backup publishes the vault's notifications itself: it must be allowed to use the topic and its key.
        ...(spec.backups !== undefined ? { publisherServices: ["backup.amazonaws.com"] } : {}),
      })
    : undefined;

const entries = report.value.domains;

/**
 * The stack's outputs, once everything is built. Pulumi awaits a program's exported promise, and the stack outputs
 * are what it resolves to. Domains are built one at a time with a turn of the event loop between them, so that the
 * engine registers one domain's resources before the next domain is built: built all at once, every resource of a
 * large stack waits in memory with its pending promises until the last one exists (on a 200-domain offline preview,
 * about twice the peak memory and time).
 */
export = (async () => {
  // Each component reports its entry's warnings under the entry's stack-file path.
  const domains: { readonly name: string; readonly component: Domain }[] = [];
  for (const { path, args } of entries) {
    domains.push({ name: args.name, component: new Domain(resourceSlug(args.name), withArgsPath(args, path)) });
    await nextTurn();
  }

  // Per domain with `monitoring:`: uptime, p95 latency, 5xx and certificate-expiry alarms, routed to the alert topics.
  const monitors = alertRoute === undefined ? [] : spec.domains.flatMap((d) => {
    const args = monitoringArgsOf(d, spec.routes, alertRoute.topicArns);
    return args === undefined ? [] : [new Monitoring(`${resourceSlug(d.name)}-monitoring`, args)];
  });

  // The stack's KMS key, secrets and backups; the vault's failure notifications go to the alert topic in the stack's
  // region (AWS Backup publishes only to a topic in the vault's region).
  const aws = stackAws(spec, stackRegion !== undefined && alertRoute?.topicArns[stackRegion] !== undefined ? { alertTopicArn: alertRoute.topicArns[stackRegion] } : {});

  return {
    /**
     * Where alarms go: the topic ARN per region and each subscription with whether AWS still waits for its
     * confirmation click (`pendingConfirmation`, known after `pulumi up`). Absent without `launch-ready:alerts`.
     */
    alerts: alertRoute === undefined ? undefined : pulumi.output({ topicArns: alertRoute.topicArns, subscriptions: alertRoute.subscriptionStates, alarms: pulumi.all(monitors.map((m) => m.alarmNames)).apply((n) => n.flat()) }),
    /**
     * Per domain: the zone id, Cloudflare's name servers (give them to the registrar), the managed records and, with
     * DNSSEC on, the DS record to publish at the registrar (runbooks/dnssec.md).
     */
    zones: pulumi.output(
      Object.fromEntries(
        domains.map(({ name, component: d }) => [
          name,
          pulumi.output({ zoneId: d.zoneId, nameServers: d.nameServers, records: d.records, ...(d.ds !== undefined ? { dnssecDs: d.ds } : {}) }),
        ]),
      ),
    ),
    /** Per secret: its ARN and the least-privilege policy (JSON) an application role needs to read it. */
    secrets: aws.secrets
      ? pulumi.all([aws.secrets.arns, aws.secrets.readPolicies]).apply(([arns, policies]) =>
          Object.fromEntries(Object.entries(arns).map(([name, arn]) => [name, { arn, readPolicy: policies[name] ?? "" }])),
        )
      : undefined,
    /** What the restore runbook and command need: vault, plan, role and restore testing plan ARNs, RPO and RTO. */
    backups: aws.backups?.outputs,
    /** The stack's KMS key (secrets and backups). */
    kmsKeyArn: aws.key?.arn,
  };
})();

function resourceSlug(domain: string): string {
  return domain.replace(/\./g, "-");
}

/** One turn of the event loop: the registrations the last domain queued run before the next domain is built. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
