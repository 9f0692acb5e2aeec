import { describe, expect, it } from "vitest";
import { hstsPresent } from "../../../policy/rules/hsts-present";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge, withSetting, withoutSetting } from "./support/edge-plan";

describe("hsts.present: the security_header setting sends HSTS", () => {
  it("passes the toolkit's snake_case value", () => {
    expect(evaluateRule(hstsPresent, edgePlan()).status).toBe("pass");
  });

  it("fails a missing setting, a camelCase value (drifts forever) and a disabled header", () => {
    expect(evaluateRule(hstsPresent, edgePlan({ settings: withoutSetting("security_header") }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/no `security_header`.*web\.hsts/) }] });
    const camel = { strictTransportSecurity: { enabled: true, maxAge: 31536000, includeSubdomains: true, preload: false, nosniff: true } };
    expect(evaluateRule(hstsPresent, edgePlan({ settings: withSetting("security_header", camel) }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/camelCase.*snake_case/) }] });
    const off = { strict_transport_security: { enabled: false, max_age: 31536000, include_subdomains: true, preload: false, nosniff: true } };
    expect(evaluateRule(hstsPresent, edgePlan({ settings: withSetting("security_header", off) }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/enabled: false/) }] });
  });

  it("is not applicable without a web zone", () => {
    expect(evaluateRule(hstsPresent, noEdge()).status).toBe("not-applicable");
  });
});
