import { getDomain } from "tldts";
import { recordNameProblem } from "../../core/dns/names";
import { failWith, notApplicable, ofType, pass, type PlanRule, TYPES, type Violation } from "../rule";

/**
 * Record names must be FQDNs inside their zone. Cloudflare stores FQDNs; a short name (`www`, `@`) shows a diff on
 * every preview. Records of one zone must share one registrable domain: a name from another domain fails at apply.
 */
export const dnsRecordFqdn: PlanRule = {
  id: "dns.record_fqdn",
  evaluate(resources) {
    const records = ofType(resources, TYPES.dnsRecord);
    if (records.length === 0) return notApplicable("The stack manages no Cloudflare DNS records.");
    const violations: Violation[] = [];
    const domainsByZone = new Map<string, Map<string, string[]>>();
    for (const r of records) {
      const name = r.inputs["name"];
      if (typeof name !== "string") {
        violations.push({ urn: r.urn, message: `DNS record '${r.name}' has no name: give the record's fully qualified name.` });
        continue;
      }
      const problem = name === "@" ? "is `@`, a short form" : recordNameProblem(name);
      if (problem !== undefined) {
        violations.push({ urn: r.urn, message: `DNS record '${r.name}' has name '${name}', which ${problem}. Use the fully qualified name, e.g. www.acme.example.` });
        continue;
      }
      const zone = String(r.inputs["zoneId"] ?? "");
      // A wildcard owner (`*._domainkey.…`, RFC 4592) belongs to the domain under its `*`.
      const owner = name.replace(/^\*\./, "");
      const registrable = getDomain(owner, { allowPrivateDomains: true }) ?? owner;
      const byDomain = domainsByZone.get(zone) ?? new Map<string, string[]>();
      byDomain.set(registrable, [...(byDomain.get(registrable) ?? []), r.urn]);
      domainsByZone.set(zone, byDomain);
    }
    for (const byDomain of domainsByZone.values()) {
      if (byDomain.size < 2) continue;
      const [main] = [...byDomain.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
      for (const [domain, urns] of byDomain) {
        if (domain === main) continue;
        for (const urn of urns) {
          violations.push({ urn, message: `This record's name is under '${domain}' but its zone holds '${main}' records: put it in the zone of '${domain}'.` });
        }
      }
    }
    return violations.length > 0 ? failWith(violations) : pass(`${records.length} record name(s) are fully qualified inside their zone.`, records.map((r) => r.urn));
  },
};
