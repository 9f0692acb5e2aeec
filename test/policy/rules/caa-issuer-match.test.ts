import { describe, expect, it } from "vitest";
import { caaIssuerMatch } from "../../../policy/rules/caa-issuer-match";
import { evaluateRule } from "../../../policy/scorecard";
import { planned } from "../../helpers/planned";
import { edgePlan, T, ZONE_ID } from "./support/edge-plan";

describe("caa.issuer_match: CAA allows the CAs the platform renews with", () => {
  it("passes the toolkit's set, with amazon.com for an AWS origin", () => {
    expect(evaluateRule(caaIssuerMatch, edgePlan()).status).toBe("pass");
  });

  it("fails an apex set of one foreign CA, naming the blocked CAs and the fix", () => {
    const only = planned(T.record, { zoneId: ZONE_ID, name: "acme.example", type: "CAA", data: { flags: 0, tag: "issue", value: "digicert.com" }, ttl: 1 });
    const v = evaluateRule(caaIssuerMatch, [...edgePlan({ caa: false }), only]);
    expect(v).toMatchObject({ status: "fail", violations: expect.arrayContaining([{ urn: expect.any(String), message: expect.stringMatching(/`letsencrypt\.org`.*`amazon\.com`.*renewals would be refused/) }]) });
  });

  it("fails a subdomain set that overrides the apex and forbids wildcards (RFC 8659 §3, §4.3)", () => {
    const sub = [
      planned(T.record, { zoneId: ZONE_ID, name: "www.acme.example", type: "CAA", data: { flags: 0, tag: "issue", value: "letsencrypt.org" }, ttl: 1 }),
      planned(T.record, { zoneId: ZONE_ID, name: "www.acme.example", type: "CAA", data: { flags: 0, tag: "issuewild", value: ";" }, ttl: 1 }),
    ];
    const v = evaluateRule(caaIssuerMatch, [...edgePlan({ origin: "203.0.113.5.nip.example" }), ...sub]);
    expect(v).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/^www\.acme\.example: the CAA set at www\.acme\.example does not allow .*pki\.goog.*for wildcard/) }] });
  });

  it("is not applicable when no CAA set exists (caa.present reports that)", () => {
    expect(evaluateRule(caaIssuerMatch, edgePlan({ caa: false })).status).toBe("not-applicable");
  });
});
