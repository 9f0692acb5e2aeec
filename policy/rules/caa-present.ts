import { failWith, notApplicable, pass, type PlanRule, type Violation } from "../rule";
import { caaRecords } from "./support/caa";
import { edgeZones } from "./support/edge";

/** Each zone the stack manages DNS in has an `issue` CAA set at its apex (RFC 8659), so no other CA may issue. */
export const caaPresent: PlanRule = {
  id: "caa.present",
  evaluate(resources) {
    const zones = edgeZones(resources).filter((z) => z.records.length > 0);
    if (zones.length === 0) return notApplicable("The stack manages no DNS records.");
    const violations: Violation[] = [];
    const urns: string[] = [];
    for (const z of zones) {
      const atApex = caaRecords(z).filter((c) => c.name === z.label && c.record?.tag.toLowerCase() === "issue");
      if (atApex.length === 0) violations.push({ message: `${z.label}: no CAA issue record at the apex, so any CA may issue certificates for it. Keep the CAA set the toolkit plans for every domain; add further CAs under \`web.caa.issuers\`.` });
      urns.push(...atApex.map((c) => c.urn));
    }
    return violations.length > 0 ? failWith(violations) : pass(zones.map((z) => `${z.label}: CAA set at the apex`).join("; "), urns);
  },
};
