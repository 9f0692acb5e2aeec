import { describe, expect, it } from "vitest";
import { caaSyntax } from "../../../policy/rules/caa-syntax";
import { evaluateRule } from "../../../policy/scorecard";
import { planned } from "../../helpers/planned";
import { edgePlan, T, ZONE_ID } from "./support/edge-plan";

describe("caa.syntax: CAA records are well formed (RFC 8659 §4)", () => {
  it("passes the toolkit's records (structured data) and a well-formed content record", () => {
    const content = planned(T.record, { zoneId: ZONE_ID, name: "acme.example", type: "CAA", content: '0 iodef "mailto:sec@acme.example"', ttl: 1 });
    expect(evaluateRule(caaSyntax, [...edgePlan(), content]).status).toBe("pass");
  });

  it("fails an unknown critical tag and a bad iodef, saying what to use", () => {
    const critical = planned(T.record, { zoneId: ZONE_ID, name: "acme.example", type: "CAA", data: { flags: 128, tag: "tbs", value: "x" }, ttl: 1 });
    const iodef = planned(T.record, { zoneId: ZONE_ID, name: "acme.example", type: "CAA", data: { flags: 0, tag: "iodef", value: "http://acme.example" }, ttl: 1 });
    const v = evaluateRule(caaSyntax, [...edgePlan(), critical, iodef]);
    expect(v).toMatchObject({
      status: "fail",
      violations: [
        { urn: critical.urn, message: expect.stringMatching(/unknown and marked critical.*0 issue/) },
        { urn: iodef.urn, message: expect.stringMatching(/not a mailto: or https: URL/) },
      ],
    });
  });

  it("is not applicable without CAA records", () => {
    expect(evaluateRule(caaSyntax, edgePlan({ caa: false })).status).toBe("not-applicable");
  });
});
