import { describe, expect, it } from "vitest";
import { hstsMaxAge } from "../../../policy/rules/hsts-max-age";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge, withoutSetting } from "./support/edge-plan";

const hsts = (maxAgeSeconds: number) => ({ hsts: { maxAgeSeconds, includeSubdomains: true, preload: false } });

describe("hsts.max_age: the checklist's table (≥ 1 year pass, ≥ 180 days warn, less fail)", () => {
  it("passes 31536000 and more", () => {
    expect(evaluateRule(hstsMaxAge, edgePlan()).status).toBe("pass");
    expect(evaluateRule(hstsMaxAge, edgePlan({ hsts: { maxAgeSeconds: 63072000, includeSubdomains: true, preload: true } })).status).toBe("pass");
  });

  it("warns from 15552000 to 31535999, as the auditor does", () => {
    expect(evaluateRule(hstsMaxAge, edgePlan(hsts(15552000)))).toMatchObject({ status: "warn", violations: [{ message: expect.stringMatching(/max-age=15552000/) }] });
    expect(evaluateRule(hstsMaxAge, edgePlan(hsts(31535999))).status).toBe("warn");
  });

  it("fails max-age 300, stating the value and no fix text", () => {
    const v = evaluateRule(hstsMaxAge, edgePlan(hsts(300)));
    expect(v).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/max-age=300/) }] });
    expect(JSON.stringify(v)).not.toMatch(/maxAgeSeconds|Set `/);
  });

  it("is not applicable when no HSTS header will be sent, or with SSL off (hsts.present fails those)", () => {
    expect(evaluateRule(hstsMaxAge, edgePlan({ settings: withoutSetting("security_header") })).status).toBe("not-applicable");
    expect(evaluateRule(hstsMaxAge, edgePlan({ ssl: "off" })).status).toBe("not-applicable");
    expect(evaluateRule(hstsMaxAge, noEdge()).status).toBe("not-applicable");
  });
});
