import { describe, expect, it } from "vitest";
import { dnssecChain } from "../../../policy/rules/dnssec-chain";
import { evaluateRule } from "../../../policy/scorecard";
import { edgePlan, noEdge } from "./support/edge-plan";

describe("dnssec.chain (pre-apply): signing is all a plan can show", () => {
  // Defect: the preview passed "DNSSEC is on and the chain of trust validates" while Cloudflare reads back
  // `pending` until the DS is at the registrar. Publishing the DS is an action, so this is a warning, never a pass.
  it("warns that an active ZoneDnssec signs the zone but its DS is not yet published, never passes", () => {
    const v = evaluateRule(dnssecChain, edgePlan());
    expect(v.status).toBe("warn");
    expect(v).toMatchObject({ violations: [{ urn: expect.stringContaining("zoneDnssec"), message: expect.stringMatching(/acme\.example will be signed .*DS record is not yet published at the registrar/) }] });
  });

  it("warns about DNSSEC missing or disabled as an unsigned zone, as the auditor does", () => {
    expect(evaluateRule(dnssecChain, edgePlan({ dnssec: "none" }))).toMatchObject({ status: "warn", violations: [{ message: "acme.example is not signed: the stack plans no active ZoneDnssec for it" }] });
    expect(evaluateRule(dnssecChain, edgePlan({ dnssec: "disabled" }))).toMatchObject({ status: "warn", violations: [{ urn: expect.stringContaining("zoneDnssec"), message: expect.stringContaining("not signed") }] });
  });

  it("is not applicable without DNS", () => {
    expect(evaluateRule(dnssecChain, noEdge()).status).toBe("not-applicable");
  });
});
