import { describe, expect, it } from "vitest";
import { caaPresent } from "../../../policy/rules/caa-present";
import { evaluateRule } from "../../../policy/scorecard";
import { planned } from "../../helpers/planned";
import { edgePlan, noEdge, T, ZONE_ID } from "./support/edge-plan";

describe("caa.present: an issue CAA set at the zone apex", () => {
  it("passes the toolkit's CAA set, naming where it is", () => {
    expect(evaluateRule(caaPresent, edgePlan())).toMatchObject({ status: "pass", message: expect.stringMatching(/^CAA at acme\.example: .*0 issue "letsencrypt\.org"/) });
  });

  // One verdict with the auditor: no CAA anywhere is a warning (any CA may issue; nothing is broken), where the
  // plan used to fail and the audit to warn. The fix comes from the checklist's remediation.
  it("warns about a zone without CAA, as the auditor does", () => {
    expect(evaluateRule(caaPresent, edgePlan({ caa: false }))).toMatchObject({ status: "warn", violations: [{ message: "no CAA record at acme.example or any parent name: any CA may issue certificates for it" }] });
  });

  it("warns about a set with no issue property: any CA may still issue", () => {
    const iodefOnly = planned(T.record, { zoneId: ZONE_ID, name: "acme.example", type: "CAA", data: { flags: 0, tag: "iodef", value: "mailto:sec@acme.example" }, ttl: 1 });
    expect(evaluateRule(caaPresent, [...edgePlan({ caa: false }), iodefOnly])).toMatchObject({ status: "warn", violations: [{ urn: iodefOnly.urn, message: expect.stringContaining("has no issue property") }] });
  });

  it("is not applicable without DNS records", () => {
    expect(evaluateRule(caaPresent, noEdge()).status).toBe("not-applicable");
  });
});
