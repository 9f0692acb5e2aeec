import { describe, expect, it } from "vitest";
import { webMixedContent } from "../../../policy/rules/web-mixed-content";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge, withSetting, withoutSetting } from "./support/edge-plan";

describe("web.mixed_content before apply: Automatic HTTPS Rewrites", () => {
  it("passes it on", () => {
    expect(evaluateRule(webMixedContent, edgePlan()).status).toBe("pass");
  });

  it("warns it off (no page is seen before apply), stating the value", () => {
    const v = evaluateRule(webMixedContent, edgePlan({ settings: withSetting("automatic_https_rewrites", "off") }));
    expect(v).toMatchObject({ status: "warn", violations: [{ message: expect.stringMatching(/`automatic_https_rewrites` is `off`/) }] });
    expect(JSON.stringify(v)).not.toMatch(/set it to/);
  });

  it("cannot tell when the stack does not manage the setting", () => {
    expect(evaluateRule(webMixedContent, edgePlan({ settings: withoutSetting("automatic_https_rewrites") })).status).toBe("cannot-tell");
  });

  it("is not applicable with SSL off (no HTTPS page) or without a web zone", () => {
    expect(evaluateRule(webMixedContent, edgePlan({ ssl: "off" })).status).toBe("not-applicable");
    expect(evaluateRule(webMixedContent, noEdge()).status).toBe("not-applicable");
  });
});
