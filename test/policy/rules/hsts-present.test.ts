import { describe, expect, it } from "vitest";
import { hstsPresent } from "../../../policy/rules/hsts-present";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge, withSetting, withoutSetting } from "./support/edge-plan";

describe("hsts.present: the security_header setting makes the apex's HTTPS answer carry one valid header", () => {
  it("passes the toolkit's snake_case value, naming the header the edge will send", () => {
    expect(evaluateRule(hstsPresent, edgePlan())).toMatchObject({ status: "pass", message: expect.stringMatching(/max-age=31536000; includeSubDomains/) });
  });

  it("fails a missing setting, a camelCase value (drifts forever) and a disabled header, stating facts only", () => {
    expect(evaluateRule(hstsPresent, edgePlan({ settings: withoutSetting("security_header") }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/sends no Strict-Transport-Security header; no `security_header` setting is planned/) }] });
    const camel = { strictTransportSecurity: { enabled: true, maxAge: 31536000, includeSubdomains: true, preload: false, nosniff: true } };
    expect(evaluateRule(hstsPresent, edgePlan({ settings: withSetting("security_header", camel) }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/camelCase.*snake_case/) }] });
    const off = { strict_transport_security: { enabled: false, max_age: 31536000, include_subdomains: true, preload: false, nosniff: true } };
    const disabled = evaluateRule(hstsPresent, edgePlan({ settings: withSetting("security_header", off) }));
    expect(disabled).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/enabled: false/) }] });
    expect(JSON.stringify(disabled)).not.toMatch(/Enable it|Add `web/);
  });

  it("fails with SSL off: no HTTPS answer carries the header", () => {
    expect(evaluateRule(hstsPresent, edgePlan({ ssl: "off" }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/serves no HTTPS response to carry the header/) }] });
  });

  it("is not applicable without a web zone", () => {
    expect(evaluateRule(hstsPresent, noEdge()).status).toBe("not-applicable");
  });
});
