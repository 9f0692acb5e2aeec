import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import type { PlannedRecord } from "../../core/dns/record-plan";

export interface DnsRecordsArgs {
  /** The zone the records go into (looked up, never created). */
  readonly zoneId: pulumi.Input<string>;
  /**
   * The zone id as written in config, needed to adopt records: the import id is `<zoneId>/<recordId>` and must be
   * known before the zone lookup runs. Validation requires it whenever a record is adopted.
   */
  readonly configuredZoneId?: string;
  /** The records, planned by `planDomainRecords` (names are FQDNs, TXT content in its normal form). */
  readonly records: readonly PlannedRecord[];
}

/** Shown in the Cloudflare dashboard beside each record, so nobody edits a managed record by hand. */
export const MANAGED_COMMENT = "managed by launch-ready: change it in the stack config, not here";

/**
 * The Cloudflare DNS records of one domain. Records that already exist are adopted with Pulumi's `import` option and
 * kept on delete (`retainOnDelete`): the toolkit never deletes a record it did not create. Records the stack does
 * not plan are never touched.
 */
export class DnsRecords extends pulumi.ComponentResource {
  /** Resource name → FQDN of every record this component manages. */
  public readonly names: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: DnsRecordsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch-ready:dns:Records", name, {}, opts);
    const names: Record<string, string> = {};
    for (const r of args.records) {
      const resourceName = `${name}-${r.key}`;
      if (r.importId !== undefined && args.configuredZoneId === undefined) {
        throw new pulumi.ResourceError(
          `${r.name} ${r.type} is adopted, but the zone id is not in config: set launch-ready:domains[].cloudflare.zoneId so the import id <zoneId>/<recordId> is known.`,
          this,
        );
      }
      const common = { zoneId: args.zoneId, name: r.name, type: r.type, ttl: r.ttl, comment: MANAGED_COMMENT };
      const recordArgs: cloudflare.DnsRecordArgs =
        r.caa !== undefined
          ? // The API takes CAA as structured data; content is derived from it.
            { ...common, data: { flags: r.caa.flags, tag: r.caa.tag, value: r.caa.value } }
          : { ...common, content: r.content, proxied: r.proxied, ...(r.priority !== undefined ? { priority: r.priority } : {}) };
      new cloudflare.DnsRecord(resourceName, recordArgs, {
        parent: this,
        ...(r.importId !== undefined ? { import: `${args.configuredZoneId}/${r.importId}`, retainOnDelete: true } : {}),
      });
      names[resourceName] = r.name;
    }
    this.names = pulumi.output(names);
    this.registerOutputs({ names: this.names });
  }
}
