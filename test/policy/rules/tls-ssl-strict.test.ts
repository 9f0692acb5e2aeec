import { describe, expect, it } from "vitest";
import { tlsSslStrict } from "../../../policy/rules/tls-ssl-strict";
import { evaluateRule } from "../../../policy/scorecard";
import { UNKNOWN } from "../../../policy/unknowns";
import { edgePlan, noEdge, withSetting, withoutSetting } from "./support/edge-plan";

describe("tls.ssl_strict: Cloudflare validates the origin certificate", () => {
  it("passes SSL mode strict", () => {
    expect(evaluateRule(tlsSslStrict, edgePlan())).toMatchObject({ status: "pass", message: expect.stringMatching(/strict/) });
  });

  it.each(["flexible", "full"] as const)("fails ssl: %s, saying how to fix it", (ssl) => {
    const v = evaluateRule(tlsSslStrict, edgePlan({ ssl }));
    expect(v).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(new RegExp(`\`${ssl}\`.*web\\.ssl: strict`)) }] });
  });

  it("fails a web zone whose ssl setting the stack does not manage", () => {
    expect(evaluateRule(tlsSslStrict, edgePlan({ settings: withoutSetting("ssl") }))).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/does not set the `ssl` zone setting/) }] });
  });

  it("cannot decide (never passes) when the mode is unknown until apply", () => {
    expect(evaluateRule(tlsSslStrict, edgePlan({ settings: withSetting("ssl", UNKNOWN) }))).toMatchObject({ status: "cannot-tell", message: expect.stringMatching(/Cannot be decided before apply/) });
  });

  it("is not applicable without a web zone", () => {
    expect(evaluateRule(tlsSslStrict, noEdge()).status).toBe("not-applicable");
  });
});
