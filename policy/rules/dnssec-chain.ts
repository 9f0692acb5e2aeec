import { cannotTell } from "../../core/judge";
import { judgeDnssecChain } from "../../core/judges/dns";
import { fromVerdicts, type PlanRule, type SubjectVerdict } from "../rule";
import type { PlannedResource } from "../resource";
import { edgeZones } from "./support/edge";

/**
 * The judge's verdict per zone the stack manages DNS in, from its planned `cloudflare.ZoneDnssec`: signing is all a
 * plan can show. The DS at the registrar is outside the plan (stack output `dnssecDs`, runbooks/dnssec.md), and
 * `launch-ready audit` proves the whole chain live (RFC 4033–4035).
 */
export function dnssecChainSubjects(resources: readonly PlannedResource[]): SubjectVerdict[] {
  return edgeZones(resources)
    .filter((z) => z.records.length > 0 || z.dnssec.length > 0)
    .map((z) => {
      const odd = z.dnssec.find((d) => d.inputs["status"] !== "active" && d.inputs["status"] !== "disabled");
      // The provider takes only `active` or `disabled`; anything else is not a plan we can read.
      if (odd !== undefined) return { urn: odd.urn, verdict: cannotTell(`ZoneDnssec status ${JSON.stringify(odd.inputs["status"])} is neither active nor disabled`), label: z.label };
      const active = z.dnssec.find((d) => d.inputs["status"] === "active");
      const carrier = active ?? z.dnssec[0];
      return { verdict: judgeDnssecChain({ kind: "planned", zone: z.label, signing: active !== undefined }), ...(carrier !== undefined ? { urn: carrier.urn } : {}) };
    });
}

export const dnssecChain: PlanRule = {
  id: "dnssec.chain",
  evaluate: (resources) => fromVerdicts(dnssecChainSubjects(resources), "The stack manages no DNS zone."),
};
