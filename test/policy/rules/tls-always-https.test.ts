import { describe, expect, it } from "vitest";
import { tlsAlwaysHttps } from "../../../policy/rules/tls-always-https";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge, withSetting, withoutSetting } from "./support/edge-plan";

describe("tls.always_https: every http:// request is redirected to https://", () => {
  it("passes always_use_https on", () => {
    expect(evaluateRule(tlsAlwaysHttps, edgePlan()).status).toBe("pass");
  });

  it("fails it off or missing, saying how to fix it", () => {
    expect(evaluateRule(tlsAlwaysHttps, edgePlan({ settings: withSetting("always_use_https", "off") }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/is `off`: set it to `on`/) }] });
    expect(evaluateRule(tlsAlwaysHttps, edgePlan({ settings: withoutSetting("always_use_https") }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/does not set `always_use_https`/) }] });
  });

  it("is not applicable without a web zone", () => {
    expect(evaluateRule(tlsAlwaysHttps, noEdge()).status).toBe("not-applicable");
  });
});
