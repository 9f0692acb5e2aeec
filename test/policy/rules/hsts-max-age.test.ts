import { describe, expect, it } from "vitest";
import { hstsMaxAge } from "../../../policy/rules/hsts-max-age";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge, withoutSetting } from "./support/edge-plan";

describe("hsts.max_age: at least one year", () => {
  it("passes 31536000 and more", () => {
    expect(evaluateRule(hstsMaxAge, edgePlan()).status).toBe("pass");
    expect(evaluateRule(hstsMaxAge, edgePlan({ hsts: { maxAgeSeconds: 63072000, includeSubdomains: true, preload: true } })).status).toBe("pass");
  });

  it("fails max-age 300, saying which value to set", () => {
    expect(evaluateRule(hstsMaxAge, edgePlan({ hsts: { maxAgeSeconds: 300, includeSubdomains: true, preload: false } }))).toMatchObject({
      status: "fail",
      violations: [{ message: expect.stringMatching(/max-age is 300 s.*web\.hsts\.maxAgeSeconds: 31536000/) }],
    });
  });

  it("is not applicable when no HSTS policy is planned", () => {
    expect(evaluateRule(hstsMaxAge, edgePlan({ settings: withoutSetting("security_header") })).status).toBe("not-applicable");
    expect(evaluateRule(hstsMaxAge, noEdge()).status).toBe("not-applicable");
  });
});
