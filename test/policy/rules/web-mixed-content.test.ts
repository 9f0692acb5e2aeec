import { describe, expect, it } from "vitest";
import { webMixedContent } from "../../../policy/rules/web-mixed-content";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge, withSetting } from "./support/edge-plan";

describe("web.mixed_content: Automatic HTTPS Rewrites on", () => {
  it("passes it on", () => {
    expect(evaluateRule(webMixedContent, edgePlan()).status).toBe("pass");
  });

  it("fails it off, saying how to fix it", () => {
    expect(evaluateRule(webMixedContent, edgePlan({ settings: withSetting("automatic_https_rewrites", "off") }))).toMatchObject({
      status: "fail",
      violations: [{ message: expect.stringMatching(/automatic_https_rewrites` is `off`: set it to `on`/) }],
    });
  });

  it("is not applicable without a web zone", () => {
    expect(evaluateRule(webMixedContent, noEdge()).status).toBe("not-applicable");
  });
});
