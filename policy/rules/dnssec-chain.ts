import { failWith, notApplicable, pass, type PlanRule, type Violation } from "../rule";
import { edgeZones } from "./support/edge";

/**
 * Every zone the stack manages DNS in is signed (`cloudflare.ZoneDnssec` active). The chain of trust also needs
 * the DS record at the registrar: that step is outside the plan (stack output `dnssecDs`, runbooks/dnssec.md), and
 * `launch-ready audit` proves the whole chain live (RFC 4033–4035).
 */
export const dnssecChain: PlanRule = {
  id: "dnssec.chain",
  evaluate(resources) {
    const zones = edgeZones(resources).filter((z) => z.records.length > 0 || z.dnssec.length > 0);
    if (zones.length === 0) return notApplicable("The stack manages no DNS zone.");
    const violations: Violation[] = [];
    const urns: string[] = [];
    for (const z of zones) {
      const active = z.dnssec.filter((d) => d.inputs["status"] === "active");
      if (active.length > 0) {
        urns.push(...active.map((d) => d.urn));
        continue;
      }
      const disabled = z.dnssec[0];
      violations.push({
        ...(disabled !== undefined ? { urn: disabled.urn } : {}),
        message: `${z.label}: DNSSEC is ${disabled !== undefined ? `planned with status \`${String(disabled.inputs["status"])}\`` : "not enabled"}, so answers can be spoofed. Set \`dnssec: true\` on the domain, then publish the DS record at the registrar (runbooks/dnssec.md).`,
      });
    }
    if (violations.length > 0) return failWith(violations);
    return pass(`${zones.map((z) => z.label).join(", ")} signed; publish the DS record (stack output \`dnssecDs\`) at the registrar, then \`launch-ready audit\` proves the chain.`, urns);
  },
};
