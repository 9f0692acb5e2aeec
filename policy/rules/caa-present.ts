import { judgeCaaPresent } from "../../core/judges/dns";
import { fromVerdicts, type PlanRule, type SubjectVerdict } from "../rule";
import type { PlannedResource } from "../resource";
import { caaRecords, relevantSet } from "./support/caa";
import { edgeZones } from "./support/edge";

/** The judge's verdict for each zone apex the stack manages DNS in (its relevant planned CAA set). */
export function caaPresentSubjects(resources: readonly PlannedResource[]): SubjectVerdict[] {
  return edgeZones(resources)
    .filter((z) => z.records.length > 0)
    .map((z) => {
      const found = relevantSet(caaRecords(z), z.label);
      return { verdict: judgeCaaPresent({ name: z.label, set: found?.set }), ...(found?.urns[0] !== undefined ? { urn: found.urns[0] } : {}) };
    });
}

/** Each zone the stack manages DNS in has an `issue` CAA set at its apex (RFC 8659), so no other CA may issue. */
export const caaPresent: PlanRule = {
  id: "caa.present",
  evaluate: (resources) => fromVerdicts(caaPresentSubjects(resources), "The stack manages no DNS records."),
};
