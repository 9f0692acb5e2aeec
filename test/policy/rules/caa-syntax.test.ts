import { describe, expect, it } from "vitest";
import { caaSyntax } from "../../../policy/rules/caa-syntax";
import { evaluateRule } from "../../../policy/scorecard";
import { planned } from "../../helpers/planned";
import { edgePlan, T, ZONE_ID } from "./support/edge-plan";

const caa = (name: string, data: Record<string, unknown> | string) =>
  planned(T.record, { zoneId: ZONE_ID, name, type: "CAA", ttl: 1, ...(typeof data === "string" ? { content: data } : { data }) });

describe("caa.syntax: CAA records are well formed (RFC 8659 §4)", () => {
  it("passes the toolkit's records (structured data) and a well-formed content record", () => {
    const v = evaluateRule(caaSyntax, [...edgePlan(), caa("acme.example", '0 iodef "mailto:sec@acme.example"')]);
    expect(v).toMatchObject({ status: "pass", message: "11 CAA record(s) at acme.example are well formed" });
  });

  // The same answer as the auditor (defect: the plan refused these, the audit accepted them). RFC 8659 §4.4 names
  // http among iodef's schemes; contactemail is CA/B Forum BR A.1.1; issuevmc the Mark Certificate Requirements.
  it("passes an http iodef, a contactemail and a critical issuevmc", () => {
    const extra = [caa("acme.example", '0 iodef "http://acme.example/caa"'), caa("acme.example", '0 contactemail "domains@acme.example"'), caa("acme.example", { flags: 128, tag: "issuevmc", value: "digicert.com" })];
    expect(evaluateRule(caaSyntax, [...edgePlan(), ...extra]).status).toBe("pass");
  });

  it("fails an unknown critical tag and a bad iodef, naming each record, pointing at the first faulty one", () => {
    const critical = caa("acme.example", { flags: 128, tag: "tbs", value: "x" });
    const iodef = caa("acme.example", { flags: 0, tag: "iodef", value: "ftp://acme.example" });
    const v = evaluateRule(caaSyntax, [...edgePlan(), critical, iodef]);
    expect(v).toMatchObject({ status: "fail", violations: [{ urn: critical.urn, message: expect.stringMatching(/128 tbs "x": .*unknown and marked critical.*; CAA at acme\.example 0 iodef "ftp:\/\/acme\.example": .*not a mailto:, http: or https: URL/) }] });
  });

  it("warns about an unknown non-critical tag (CAs ignore it) in a set of its own name", () => {
    const v = evaluateRule(caaSyntax, [...edgePlan(), caa("shop.acme.example", { flags: 0, tag: "futuretag", value: "x" })]);
    expect(v).toMatchObject({ status: "warn", violations: [{ message: expect.stringMatching(/^CAA at shop\.acme\.example 0 futuretag "x": tag 'futuretag' is not a known property/) }] });
  });

  it("fails content that cannot be read as a CAA record", () => {
    const bad = caa("acme.example", "issue letsencrypt.org");
    expect(evaluateRule(caaSyntax, [...edgePlan(), bad])).toMatchObject({ status: "fail", violations: [{ urn: bad.urn, message: expect.stringContaining("is not `<flags> <tag> \"<value>\"`") }] });
  });

  it("is not applicable without CAA records", () => {
    expect(evaluateRule(caaSyntax, edgePlan({ caa: false })).status).toBe("not-applicable");
  });
});
