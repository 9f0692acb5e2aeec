import { describe, expect, it } from "vitest";
import { dnssecChain } from "../../../policy/rules/dnssec-chain";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge } from "./support/edge-plan";

describe("dnssec.chain (pre-apply): the zone is signed", () => {
  it("passes an active ZoneDnssec, pointing at the DS step", () => {
    expect(evaluateRule(dnssecChain, edgePlan())).toMatchObject({ status: "pass", message: expect.stringMatching(/dnssecDs.*registrar/) });
  });

  it("fails DNSSEC missing or disabled, saying how to fix it", () => {
    expect(evaluateRule(dnssecChain, edgePlan({ dnssec: "none" }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/not enabled.*dnssec: true.*runbooks\/dnssec\.md/) }] });
    expect(evaluateRule(dnssecChain, edgePlan({ dnssec: "disabled" }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/status `disabled`/) }] });
  });

  it("is not applicable without DNS", () => {
    expect(evaluateRule(dnssecChain, noEdge()).status).toBe("not-applicable");
  });
});
