import { describe, expect, it } from "vitest";
import { tlsProtocols } from "../../../policy/rules/tls-protocols";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge, withSetting, withoutSetting } from "./support/edge-plan";

describe("tls.protocols: only TLS 1.2 and 1.3", () => {
  it("passes min 1.2 with 1.3 on, and min 1.3", () => {
    expect(evaluateRule(tlsProtocols, edgePlan()).status).toBe("pass");
    expect(evaluateRule(tlsProtocols, edgePlan({ settings: withSetting("min_tls_version", "1.3") })).status).toBe("pass");
  });

  it.each(["1.0", "1.1"])("fails min_tls_version %s, citing RFC 8996", (v) => {
    expect(evaluateRule(tlsProtocols, edgePlan({ settings: withSetting("min_tls_version", v) }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/RFC 8996\); set it to 1\.2/) }] });
  });

  it("fails TLS 1.3 off or a missing minimum", () => {
    expect(evaluateRule(tlsProtocols, edgePlan({ settings: withSetting("tls_1_3", "off") }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/`tls_1_3` is `off`: turn it on/) }] });
    expect(evaluateRule(tlsProtocols, edgePlan({ settings: withoutSetting("min_tls_version") }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/not set .*accepts TLS 1\.0/) }] });
  });

  it("is not applicable without a web zone", () => {
    expect(evaluateRule(tlsProtocols, noEdge()).status).toBe("not-applicable");
  });
});
