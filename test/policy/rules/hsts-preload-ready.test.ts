import { describe, expect, it } from "vitest";
import { hstsPreloadReady } from "../../../policy/rules/hsts-preload-ready";
import { evaluateRule } from "../../../policy/scorecard";
import { planned } from "../../helpers/planned";
import { edgePlan, T, ZONE_ID } from "./support/edge-plan";

const preload = { maxAgeSeconds: 63072000, includeSubdomains: true, preload: true };

describe("hsts.preload_ready: preload only when eligible", () => {
  it("passes preload with a long max-age, includeSubDomains and every host proxied", () => {
    expect(evaluateRule(hstsPreloadReady, edgePlan({ hsts: preload })).status).toBe("pass");
  });

  it("fails preload while a host is not proxied, naming it", () => {
    const plain = planned(T.record, { zoneId: ZONE_ID, name: "legacy.acme.example", type: "A", content: "192.0.2.7", ttl: 300, proxied: false });
    expect(evaluateRule(hstsPreloadReady, [...edgePlan({ hsts: preload }), plain])).toMatchObject({
      status: "fail",
      violations: [{ message: expect.stringMatching(/legacy\.acme\.example is not proxied.*preload: false/) }],
    });
  });

  it("is not applicable when preload is not requested", () => {
    expect(evaluateRule(hstsPreloadReady, edgePlan()).status).toBe("not-applicable");
  });
});
