import { describe, expect, it } from "vitest";
import { hstsIncludeSubdomains } from "../../../policy/rules/hsts-include-subdomains";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge } from "./support/edge-plan";

describe("hsts.include_subdomains", () => {
  it("passes includeSubDomains", () => {
    expect(evaluateRule(hstsIncludeSubdomains, edgePlan()).status).toBe("pass");
  });

  it("fails without it, saying how to fix it", () => {
    expect(evaluateRule(hstsIncludeSubdomains, edgePlan({ hsts: { maxAgeSeconds: 31536000, includeSubdomains: false, preload: false } }))).toMatchObject({
      status: "fail",
      violations: [{ message: expect.stringMatching(/includeSubdomains: true/) }],
    });
  });

  it("is not applicable without a web zone", () => {
    expect(evaluateRule(hstsIncludeSubdomains, noEdge()).status).toBe("not-applicable");
  });
});
