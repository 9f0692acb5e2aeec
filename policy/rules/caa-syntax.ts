import { caaRecordIssues } from "../../core/edge/caa";
import { judgeCaaSyntax } from "../../core/judges/dns";
import { fromVerdicts, type PlanRule, type SubjectVerdict } from "../rule";
import type { PlannedResource } from "../resource";
import { caaRecords } from "./support/caa";
import { edgeZones } from "./support/edge";

/** The judge's verdict for each name that has planned CAA records, pointing at its first faulty record. */
export function caaSyntaxSubjects(resources: readonly PlannedResource[]): SubjectVerdict[] {
  return edgeZones(resources).flatMap((z) => {
    const all = caaRecords(z);
    return [...new Set(all.map((c) => c.name))].map((name) => {
      const here = all.filter((c) => c.name === name);
      // Point at the first record the judge will name, so the violation lands on a resource to change.
      const faulty = here.find((c) => !("record" in c.entry) || caaRecordIssues(c.entry.record).length > 0) ?? here[0];
      return { verdict: judgeCaaSyntax({ at: name, entries: here.map((c) => c.entry) }), ...(faulty !== undefined ? { urn: faulty.urn } : {}) };
    });
  });
}

/** Every planned CAA record is well formed (RFC 8659 §4): an unknown critical tag would stop all issuance. */
export const caaSyntax: PlanRule = {
  id: "caa.syntax",
  evaluate: (resources) => fromVerdicts(caaSyntaxSubjects(resources), "The stack plans no CAA records."),
};
