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
import { Domain } from "./lib";

const report = stackDomains(namespaceFromPulumiConfig(pulumi.runtime.allConfig(), NAMESPACE));
if (report.errors.length > 0 || report.value === undefined) {
  throw new pulumi.RunError(`The stack config has ${report.errors.length} problem(s):\n${formatIssues(report.errors, "✗")}`);
}
for (const w of report.value.stackWarnings) pulumi.log.warn(`${w.path}: ${w.message}`);

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
