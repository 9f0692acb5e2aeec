import { describe, expect, it } from "vitest";
import { caaIssuerMatch } from "../../../policy/rules/caa-issuer-match";
import { evaluateRule } from "../../../policy/scorecard";
import { planned } from "../../helpers/planned";
import { edgePlan, T, ZONE_ID } from "./support/edge-plan";

const caa = (name: string, tag: string, value: string) => planned(T.record, { zoneId: ZONE_ID, name, type: "CAA", data: { flags: 0, tag, value }, ttl: 1 });

describe("caa.issuer_match: CAA allows the CAs the platform renews with", () => {
  it("passes the toolkit's set, with amazon.com for an AWS origin", () => {
    expect(evaluateRule(caaIssuerMatch, edgePlan())).toMatchObject({
      status: "pass",
      message: "the CAA set at acme.example allows letsencrypt.org, pki.goog, ssl.com, sectigo.com, amazon.com for acme.example, www.acme.example",
    });
  });

  it("fails an apex set of one foreign CA, naming every blocked CA and the hosts", () => {
    const only = caa("acme.example", "issue", "digicert.com");
    const v = evaluateRule(caaIssuerMatch, [...edgePlan({ caa: false }), only]);
    expect(v).toMatchObject({ status: "fail", violations: [{ urn: only.urn, message: expect.stringMatching(/does not allow letsencrypt\.org, pki\.goog, ssl\.com, sectigo\.com, amazon\.com, .*acme\.example, www\.acme\.example/) }] });
  });

  it("fails a subdomain set that overrides the apex and forbids wildcards (RFC 8659 §3, §4.3)", () => {
    const sub = [caa("www.acme.example", "issue", "letsencrypt.org"), caa("www.acme.example", "issue", "pki.goog"), caa("www.acme.example", "issue", "ssl.com"), caa("www.acme.example", "issue", "sectigo.com"), caa("www.acme.example", "issuewild", ";")];
    const v = evaluateRule(caaIssuerMatch, [...edgePlan({ origin: "203.0.113.5.nip.example" }), ...sub]);
    expect(v).toMatchObject({ status: "fail", violations: [{ message: expect.stringMatching(/^the CAA set at www\.acme\.example does not allow letsencrypt\.org, pki\.goog, ssl\.com, sectigo\.com for wildcard certificates/) }] });
  });

  it("requires sectigo.com for Cloudflare's backup certificates: one list of Cloudflare's CAs for planner, rule and auditor", () => {
    const withoutSectigo = ["letsencrypt.org", "pki.goog", "ssl.com", "amazon.com"].flatMap((ca) => [caa("acme.example", "issue", ca), caa("acme.example", "issuewild", ca)]);
    expect(evaluateRule(caaIssuerMatch, [...edgePlan({ caa: false }), ...withoutSectigo])).toMatchObject({ status: "fail", violations: [{ message: expect.stringContaining("does not allow sectigo.com") }] });
  });

  it("is not applicable when no CAA set exists (caa.present reports that)", () => {
    expect(evaluateRule(caaIssuerMatch, edgePlan({ caa: false })).status).toBe("not-applicable");
  });
});
