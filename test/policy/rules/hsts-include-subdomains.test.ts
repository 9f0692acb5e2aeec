import { describe, expect, it } from "vitest";
import { hstsIncludeSubdomains } from "../../../policy/rules/hsts-include-subdomains";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge } from "./support/edge-plan";

describe("hsts.include_subdomains", () => {
  it("passes includeSubDomains", () => {
    expect(evaluateRule(hstsIncludeSubdomains, edgePlan()).status).toBe("pass");
  });

  it("warns without it, as the auditor does (the checklist's outcome, not a block)", () => {
    const v = evaluateRule(hstsIncludeSubdomains, edgePlan({ hsts: { maxAgeSeconds: 31536000, includeSubdomains: false, preload: false } }));
    expect(v).toMatchObject({ status: "warn", violations: [{ message: expect.stringMatching(/includeSubDomains is not set/) }] });
    expect(JSON.stringify(v)).not.toMatch(/includeSubdomains: true/);
  });

  it("is not applicable without a web zone, and never passes with SSL off", () => {
    expect(evaluateRule(hstsIncludeSubdomains, noEdge()).status).toBe("not-applicable");
    expect(evaluateRule(hstsIncludeSubdomains, edgePlan({ ssl: "off" })).status).toBe("not-applicable");
  });
});
