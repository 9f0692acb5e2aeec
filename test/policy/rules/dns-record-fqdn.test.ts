import { describe, expect, it } from "vitest";
import { dnsRecordFqdn } from "../../../policy/rules/dns-record-fqdn";
import { evaluateRule } from "../../../policy/scorecard";
import { record } from "../../helpers/planned";

describe("dns.record_fqdn: record names are FQDNs inside their zone", () => {
  it("passes fully qualified names of one zone", () => {
    const v = evaluateRule(dnsRecordFqdn, [record("acme.example", "A", "192.0.2.1"), record("www.acme.example", "CNAME", "acme.example")]);
    expect(v.status).toBe("pass");
  });

  it.each([["www"], ["@"], ["www.acme.example."], ["bad_label.acme.example"]])("fails the short or malformed name %s", (name) => {
    const r = record(name, "A", "192.0.2.1");
    const v = evaluateRule(dnsRecordFqdn, [r]);
    expect(v).toMatchObject({ status: "fail", violations: [{ urn: r.urn, message: expect.stringMatching(/fully qualified name/) }] });
  });

  it("fails a record of another domain put into the zone", () => {
    const stray = record("mail.other.example", "A", "192.0.2.2");
    const v = evaluateRule(dnsRecordFqdn, [record("acme.example", "A", "192.0.2.1"), record("www.acme.example", "A", "192.0.2.1"), stray]);
    expect(v).toMatchObject({ status: "fail", violations: [{ urn: stray.urn, message: expect.stringMatching(/under 'other.example'/) }] });
  });

  it("is not applicable without DNS records", () => {
    expect(evaluateRule(dnsRecordFqdn, []).status).toBe("not-applicable");
  });
});
