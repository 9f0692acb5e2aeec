import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalIp, dnsIdMatches, matchCertificateName, parseSubjectAltNames } from "../../../core/http/cert-names";

describe("certificate name matching (SAN only, as browsers do)", () => {
  it("reads DNS and IP entries out of Node's subjectaltname text, JSON-quoted values included", () => {
    expect(parseSubjectAltNames('DNS:a.example, DNS:*.b.example, IP Address:192.0.2.1, email:x@y.example, DNS:"we,ird.example", IP Address:0:0:0:0:0:0:0:1')).toEqual({
      dns: ["a.example", "*.b.example", "we,ird.example"],
      ip: ["192.0.2.1", "0:0:0:0:0:0:0:1"],
    });
    expect(parseSubjectAltNames(undefined)).toEqual({ dns: [], ip: [] });
  });

  it.each([
    ["acme.example", "acme.example", true],
    ["ACME.example.", "acme.EXAMPLE", true],
    ["*.acme.example", "www.acme.example", true],
    ["*.acme.example", "acme.example", false],
    ["*.acme.example", "a.b.acme.example", false],
    ["w*.acme.example", "www.acme.example", false],
    ["*w.acme.example", "www.acme.example", false],
    ["*.example", "acme.example", false],
    ["*.*.example", "a.b.example", false],
    ["www.*.example", "www.acme.example", false],
    ["", "acme.example", false],
  ])("presented %s for host %s: %s", (presented, host, ok) => {
    expect(dnsIdMatches(presented, host)).toBe(ok);
  });

  it("never matches a name with no DNS SAN, whatever else the certificate holds", () => {
    expect(matchCertificateName("acme.example", { dns: [], ip: [] })).toEqual({ kind: "no-san", host: "acme.example", what: "DNS" });
    expect(matchCertificateName("acme.example", { dns: [], ip: ["192.0.2.1"] })).toMatchObject({ kind: "no-san" });
    expect(matchCertificateName("acme.example", { dns: ["other.example"], ip: [] })).toEqual({ kind: "mismatch", host: "acme.example", names: ["other.example"] });
    expect(matchCertificateName("www.acme.example", { dns: ["*.acme.example"], ip: [] })).toEqual({ kind: "match", by: "DNS:*.acme.example" });
  });

  it("matches an IP literal only against IP SANs, in any spelling of the same address", () => {
    expect(matchCertificateName("::1", { dns: [], ip: ["0:0:0:0:0:0:0:1"] })).toMatchObject({ kind: "match" });
    expect(matchCertificateName("[::1]", { dns: [], ip: ["::1"] })).toMatchObject({ kind: "match" });
    expect(matchCertificateName("127.0.0.1", { dns: ["127.0.0.1"], ip: [] })).toEqual({ kind: "no-san", host: "127.0.0.1", what: "IP" });
    expect(matchCertificateName("192.0.2.10", { dns: [], ip: ["127.0.0.1"] })).toMatchObject({ kind: "mismatch", names: ["127.0.0.1"] });
    expect(canonicalIp("acme.example")).toBeUndefined();
    expect(canonicalIp("01.2.3.4")).toBeUndefined();
  });

  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
  it("a wildcard covers exactly one extra leftmost label below a parent of at least two labels", () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), fc.array(label, { minLength: 0, maxLength: 3 }), (parent, below) => {
        const host = [...below, ...parent].join(".");
        const expected = below.length === 1 && parent.length >= 2;
        expect(dnsIdMatches(`*.${parent.join(".")}`, host)).toBe(expected);
      }),
    );
  });
});
