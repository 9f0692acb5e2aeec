import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";

export interface DnssecArgs {
  /** The zone to sign. */
  readonly zoneId: pulumi.Input<string>;
}

/** What the registrar needs to publish the DS record (see runbooks/dnssec.md). */
export interface DsRecord {
  /** The whole DS record as Cloudflare shows it. */
  readonly ds: string;
  readonly keyTag: number;
  readonly algorithm: string;
  readonly digestType: string;
  readonly digest: string;
}

/**
 * DNSSEC for one zone (`cloudflare.ZoneDnssec`, status active). Cloudflare signs the zone; the chain of trust only
 * validates once the DS record is published at the registrar, so it is exported for that step (RFC 4035 §5).
 */
export class Dnssec extends pulumi.ComponentResource {
  public readonly ds: pulumi.Output<DsRecord>;
  /** The zone's `cloudflare.ZoneDnssec` (`${name}-zone`). */
  public readonly zoneDnssec: cloudflare.ZoneDnssec;

  constructor(name: string, args: DnssecArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch-ready:dns:Dnssec", name, {}, opts);
    // Kept on delete: disabling signing while the registrar still publishes the DS makes the zone bogus, and it
    // stops resolving for validating resolvers. Turning DNSSEC off is a deliberate, ordered step (runbooks/dnssec.md).
    // `status` is set once, on create, then ignored: Cloudflare reads it back `pending` until the registrar publishes
    // the DS (the API's DNSSEC states: active, pending, disabled, pending-disabled, error), so comparing it would
    // show a change on every refresh and re-send `active` on every up. Whether the chain validates is the
    // auditor's call (`dnssec.chain`), not this resource's.
    const dnssec = (this.zoneDnssec = new cloudflare.ZoneDnssec(`${name}-zone`, { zoneId: args.zoneId, status: "active" }, { parent: this, retainOnDelete: true, ignoreChanges: ["status"] }));
    this.ds = pulumi
      .all([dnssec.ds, dnssec.keyTag, dnssec.algorithm, dnssec.digestType, dnssec.digest])
      .apply(([ds, keyTag, algorithm, digestType, digest]) => ({ ds, keyTag, algorithm, digestType, digest }));
    this.registerOutputs({ ds: this.ds });
  }
}
