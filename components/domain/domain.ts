import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import type { DomainSpec } from "../../config/spec";
import { planDomainRecords } from "../../core/dns/record-plan";
import { DnsRecords } from "../dns/records";

export interface DomainArgs {
  /** The validated, normalised domain spec (see `config/validate.ts`). */
  readonly spec: DomainSpec;
}

/**
 * One launch-ready domain: its existing Cloudflare zone (looked up, never created or deleted) and everything the
 * checklist needs in it. Later capabilities (edge settings, email, rate limits, monitoring) are children here.
 */
export class Domain extends pulumi.ComponentResource {
  public readonly zoneId: pulumi.Output<string>;
  public readonly nameServers: pulumi.Output<string[]>;
  public readonly records: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: DomainArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch-ready:index:Domain", name, {}, opts);
    const { spec } = args;
    // Adopt, never create: a zone the stack owned could be deleted with it (DESIGN: "Adoption").
    const zone = cloudflare.getZoneOutput(
      spec.cloudflare.zoneId !== undefined ? { zoneId: spec.cloudflare.zoneId } : { filter: { name: spec.name } },
      { parent: this },
    );
    this.zoneId = zone.apply((z) => {
      if (z.name !== spec.name) {
        throw new pulumi.ResourceError(
          `Cloudflare zone ${z.zoneId} is '${z.name}', not '${spec.name}': check launch-ready:domains[].cloudflare.zoneId.`,
          this,
        );
      }
      return z.zoneId;
    });
    this.nameServers = zone.nameServers;
    const dns = new DnsRecords(`${name}-dns`, { zoneId: this.zoneId, records: planDomainRecords(spec) }, { parent: this });
    this.records = dns.names;
    this.registerOutputs({ zoneId: this.zoneId, nameServers: this.nameServers, records: this.records });
  }
}
