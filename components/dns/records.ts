import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { isIP } from "node:net";
import { hostNameProblem, toALabels } from "../../core/dns/names";
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
  /**
   * This `pulumi up` imports the adopted records (`cloudflare.imported: false`): the import must match the live
   * record, so everything but its identity (zone, name, type) is kept as it is live until the next up.
   */
  readonly importStep?: boolean;
  /**
   * Planned content → the value it stands for, when that value comes from another resource (an origin given as
   * an output, `components/domain/inputs.ts`): the record gets the output, checked to be a host name.
   */
  readonly contentInputs?: ReadonlyMap<string, pulumi.Input<string>>;
}

/** What identifies a record; every other input an adopted record keeps from the live record in its import step. */
export const RECORD_IDENTITY = ["zoneId", "name", "type"] as const;

/** Shown in the Cloudflare dashboard beside each record, so nobody edits a managed record by hand. */
export const MANAGED_COMMENT = "managed by launch-ready: change it in the stack config, not here";

/**
 * The Cloudflare DNS records of one domain. Records that already exist are adopted with Pulumi's `import` option and
 * kept on delete (`retainOnDelete`): the toolkit never deletes a record it did not create. Records the stack does
 * not plan are never touched.
 *
 * Adoption takes two `pulumi up`s. Pulumi's `import` option requires the declared inputs to equal the live resource
 * ("inputs to import do not match the existing resource" fails the update; pulumi/pulumi
 * https://github.com/pulumi/pulumi/blob/master/developer-docs/architecture/import.md), and the stack cannot know a live record's TTL, proxying or comment. So
 * in the import step every input but the identity is in `ignoreChanges` (Pulumi copies ignored inputs from the live
 * resource before it compares); once `cloudflare.imported` is true, the next up applies the stack's values in place.
 * The `import` option stays: for a resource already in the state with that id Pulumi treats it like any other.
 */
export class DnsRecords extends pulumi.ComponentResource {
  /** Resource name → FQDN of every record this component manages. */
  public readonly names: pulumi.Output<Record<string, string>>;
  /** Resource name (`${name}-<key>`) → the record. */
  public readonly records: Readonly<Record<string, cloudflare.DnsRecord>>;

  constructor(name: string, args: DnsRecordsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch-ready:dns:Records", name, {}, opts);
    const names: Record<string, string> = {};
    const records: Record<string, cloudflare.DnsRecord> = {};
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
          : { ...common, content: this.content(r, args.contentInputs), proxied: r.proxied, ...(r.priority !== undefined ? { priority: r.priority } : {}) };
      const ignoreChanges = r.importId !== undefined && args.importStep === true ? Object.keys(recordArgs).filter((k) => !(RECORD_IDENTITY as readonly string[]).includes(k)) : [];
      records[resourceName] = new cloudflare.DnsRecord(resourceName, recordArgs, {
        parent: this,
        ...(r.importId !== undefined ? { import: `${args.configuredZoneId}/${r.importId}`, retainOnDelete: true } : {}),
        ...(ignoreChanges.length > 0 ? { ignoreChanges } : {}),
      });
      names[resourceName] = r.name;
    }
    this.names = pulumi.output(names);
    this.records = records;
    this.registerOutputs({ names: this.names });
  }

  /** A CNAME to another resource's output: the value must turn out a host name, not an address. */
  private content(r: PlannedRecord, inputs: ReadonlyMap<string, pulumi.Input<string>> | undefined): pulumi.Input<string> {
    const input = inputs?.get(r.content);
    if (input === undefined) return r.content;
    return pulumi.output(input).apply((value) => {
      const problem = originHostProblem(value);
      if (problem !== undefined) throw new pulumi.ResourceError(`${r.name} ${r.type}: the origin output '${value}' ${problem}`, this);
      return value;
    });
  }
}

/** Why an origin given as an output cannot be a CNAME target, or undefined. */
export function originHostProblem(value: string): string | undefined {
  if (isIP(value) !== 0) return "is an IP address: give an address origin as a plain string (it needs an A/AAAA record, decided before apply)";
  const ascii = toALabels(value.replace(/\.$/, ""));
  const problem = ascii === undefined ? "is not a host name" : hostNameProblem(ascii);
  return problem === undefined ? undefined : `${problem}: an origin output must be a host name such as lb-1.eu-west-1.elb.amazonaws.com`;
}
