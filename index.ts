/**
 * The launch-ready Pulumi program: read the `launch-ready:` stack config, validate it (all errors at once, nothing
 * registered when any), then build one Domain component per domain.
 */
import * as pulumi from "@pulumi/pulumi";
import { Domain } from "./components/domain/domain";
import { formatIssues, namespaceFromPulumiConfig } from "./config/format";
import { NAMESPACE, validateConfig } from "./config/validate";

const report = validateConfig(namespaceFromPulumiConfig(pulumi.runtime.allConfig(), NAMESPACE));
if (report.errors.length > 0 || report.value === undefined) {
  throw new pulumi.RunError(`The stack config has ${report.errors.length} problem(s):\n${formatIssues(report.errors, "✗")}`);
}
for (const w of report.warnings) pulumi.log.warn(`${w.path}: ${w.message}`);

const domains = report.value.domains.map((spec) => ({ name: spec.name, component: new Domain(resourceSlug(spec.name), { spec }) }));

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
