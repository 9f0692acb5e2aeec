import { failWith, notApplicable, ofType, pass, type PlanRule, TYPES } from "../rule";

/** The zone is looked up (`cloudflare.getZone`), never declared: a declared zone can be deleted with the stack. */
export const dnsZoneAdopted: PlanRule = {
  id: "dns.zone_adopted",
  evaluate(resources) {
    const zones = ofType(resources, TYPES.cloudflareZone);
    if (zones.length > 0) {
      return failWith(
        zones.map((z) => ({
          urn: z.urn,
          message: `The stack declares the Cloudflare zone '${z.name}': \`pulumi destroy\` would delete it and every record in it. Remove the cloudflare.Zone resource and look the zone up by id or name instead.`,
        })),
      );
    }
    const records = ofType(resources, TYPES.dnsRecord);
    if (records.length === 0) return notApplicable("The stack manages no Cloudflare DNS.");
    return pass(`No zone is declared; ${records.length} record(s) go into existing zones.`);
  },
};
