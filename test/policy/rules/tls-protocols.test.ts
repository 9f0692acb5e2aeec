import { describe, expect, it } from "vitest";
import { tlsProtocols } from "../../../policy/rules/tls-protocols";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge, withSetting, withoutSetting } from "./support/edge-plan";

describe("tls.protocols: only TLS 1.2 and 1.3, judged on the versions the settings will offer", () => {
  it("passes min 1.2 with 1.3 on (or 0-RTT), and min 1.3", () => {
    expect(evaluateRule(tlsProtocols, edgePlan()).status).toBe("pass");
    expect(evaluateRule(tlsProtocols, edgePlan({ settings: withSetting("tls_1_3", "zrt") })).status).toBe("pass");
    expect(evaluateRule(tlsProtocols, edgePlan({ settings: withSetting("min_tls_version", "1.3") })).status).toBe("pass");
  });

  it.each([
    ["1.0", /offers TLSv1 and TLSv1\.1 \(deprecated by RFC 8996\)/],
    ["1.1", /offers TLSv1\.1 \(deprecated by RFC 8996\)/],
  ])("fails min_tls_version %s, naming the deprecated versions and no fix", (v, message) => {
    const verdict = evaluateRule(tlsProtocols, edgePlan({ settings: withSetting("min_tls_version", v) }));
    expect(verdict).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(message) }] });
    expect(JSON.stringify(verdict)).not.toMatch(/set it to/);
  });

  it("fails a missing minimum (Cloudflare's default is 1.0)", () => {
    expect(evaluateRule(tlsProtocols, edgePlan({ settings: withoutSetting("min_tls_version") }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/TLSv1 and TLSv1\.1.*default minimum is 1\.0/) }] });
  });

  it("warns when TLS 1.3 is off (nothing deprecated offered), as the auditor does", () => {
    expect(evaluateRule(tlsProtocols, edgePlan({ settings: withSetting("tls_1_3", "off") }))).toMatchObject({ status: "warn", violations: [{ message: expect.stringMatching(/offers TLSv1\.2, not TLSv1\.3/) }] });
  });

  it("cannot tell when tls_1_3 is not managed", () => {
    expect(evaluateRule(tlsProtocols, edgePlan({ settings: withoutSetting("tls_1_3") })).status).toBe("cannot-tell");
  });

  it("is not applicable without a web zone", () => {
    expect(evaluateRule(tlsProtocols, noEdge()).status).toBe("not-applicable");
  });
});
