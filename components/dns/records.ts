import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import type { PlannedRecord } from "../../core/dns/record-plan";

export interface DnsRecordsArgs {
  /** The zone the records go into (looked up, never created). */
  readonly zoneId: pulumi.Input<string>;
  /** The records, planned by `planDomainRecords`. */
  readonly records: readonly PlannedRecord[];
}

/** Shown in the Cloudflare dashboard beside each record, so nobody edits a managed record by hand. */
export const MANAGED_COMMENT = "managed by launch-ready: change it in the stack config, not here";

/** The Cloudflare DNS records of one domain. */
export class DnsRecords extends pulumi.ComponentResource {
  /** Resource name → FQDN of every record this component manages. */
  public readonly names: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: DnsRecordsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch-ready:dns:Records", name, {}, opts);
    const names: Record<string, string> = {};
    for (const r of args.records) {
      const resourceName = `${name}-${r.key}`;
      new cloudflare.DnsRecord(
        resourceName,
        {
          zoneId: args.zoneId,
          name: r.name,
          type: r.type,
          content: r.content,
          ttl: r.ttl,
          proxied: r.proxied,
          ...(r.priority !== undefined ? { priority: r.priority } : {}),
          comment: MANAGED_COMMENT,
        },
        { parent: this },
      );
      names[resourceName] = r.name;
    }
    this.names = pulumi.output(names);
    this.registerOutputs({ names: this.names });
  }
}
