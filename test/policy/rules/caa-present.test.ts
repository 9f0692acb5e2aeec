import { describe, expect, it } from "vitest";
import { caaPresent } from "../../../policy/rules/caa-present";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge } from "./support/edge-plan";

describe("caa.present: an issue CAA set at the zone apex", () => {
  it("passes the toolkit's CAA set", () => {
    expect(evaluateRule(caaPresent, edgePlan()).status).toBe("pass");
  });

  it("fails a zone without CAA, saying how to fix it", () => {
    expect(evaluateRule(caaPresent, edgePlan({ caa: false }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/acme\.example: no CAA issue record.*web\.caa\.issuers/) }] });
  });

  it("is not applicable without DNS records", () => {
    expect(evaluateRule(caaPresent, noEdge()).status).toBe("not-applicable");
  });
});
