import { caaProblem } from "../../core/edge/caa";
import { failWith, notApplicable, pass, type PlanRule, type Violation } from "../rule";
import { caaRecords } from "./support/caa";
import { edgeZones } from "./support/edge";

/** Every planned CAA record is well formed (RFC 8659 §4): an unknown critical tag would stop all issuance. */
export const caaSyntax: PlanRule = {
  id: "caa.syntax",
  evaluate(resources) {
    const all = edgeZones(resources).flatMap(caaRecords);
    if (all.length === 0) return notApplicable("The stack plans no CAA records.");
    const violations: Violation[] = [];
    for (const c of all) {
      const problem = c.problem ?? (c.record !== undefined ? caaProblem(c.record) : "cannot be read");
      if (problem !== undefined) violations.push({ urn: c.urn, message: `CAA record at ${c.name}: ${problem}. Use \`0 issue "<ca>"\`, \`0 issuewild "<ca>"\` or \`0 iodef "mailto:…"\`.` });
    }
    return violations.length > 0 ? failWith(violations) : pass(`${all.length} CAA record(s) are well formed.`, all.map((c) => c.urn));
  },
};
