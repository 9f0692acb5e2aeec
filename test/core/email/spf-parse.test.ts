import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSpf, isParkedSpf, parseSpf, splitTxt } from "../../../core/email/spf";

describe("SPF parser (RFC 7208 §12)", () => {
  it.each([
    ["v=spf1 -all"],
    ["v=spf1 include:_spf.google.com include:amazonses.com ~all"],
    ["V=SPF1 IP4:192.0.2.0/24 Ip6:2001:db8::/32 a mx/24 a:mail.example.com/28//64 -ALL"],
    ["v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all"],
    ["v=spf1 redirect=_spf.example.com"],
    ["v=spf1 ptr ?all exp=explain.%{d}"],
    ["v=spf1 foo=bar.%{d} -all"],
    ["v=spf1  ip4:192.0.2.1   -all"],
  ])("accepts %s", (text) => {
    expect(parseSpf(text).errors).toEqual([]);
  });

  it.each([
    ["v=spf1 include:localhost -all", "top-level label"],
    ["v=spf1 ip4:256.1.1.1 -all", "not a valid IPv4"],
    ["v=spf1 ip4:192.0.2.0/33 -all", "0–32"],
    ["v=spf1 ip4:010.0.0.1 -all", "not a valid IPv4"],
    ["v=spf1 ip6:2001:db8::/129 -all", "0–128"],
    ["v=spf1 ip6:2001:zz8:: -all", "not a valid IPv6"],
    ["v=spf1 include: -all", "needs a domain"],
    ["v=spf1 exists:%{z}.example.com -all", "not valid"],
    ["v=spf1 exists:%{c}.example.com -all", "only allowed in exp"],
    ["v=spf1 include:50%.example.com -all", "must start a macro"],
    ["v=spf1 redirect=a.example.com redirect=b.example.com", "only once"],
    ["v=spf1 +redirect=a.example.com", "not an SPF mechanism"],
    ["v=spf1 ipv4:192.0.2.1 -all", "not an SPF mechanism"],
    ["v=spf1 all:foo", "no argument"],
    ["v=spf1 include:example.com\t-all", "tabs"],
    ["v=spf1 -all exp=%{c}.explain.example.com", "only allowed in exp"],
    ["spf1 -all", "v=spf1"],
    ["v=spf10 -all", "v=spf1"],
  ])("rejects %s", (text, message) => {
    const { errors } = parseSpf(text);
    expect(errors.join(" | ")).toContain(message);
  });

  it("warns about terms after all and about a redirect that can never apply", () => {
    const { errors, warnings } = parseSpf("v=spf1 -all include:example.com redirect=other.example.com");
    expect(errors).toEqual([]);
    expect(warnings.join(" | ")).toContain('"include:example.com" follows "all"');
    expect(warnings.join(" | ")).toContain("is ignored because the record has an \"all\"");
  });

  it("reads qualifiers, a bare all meaning +all", () => {
    const { record } = parseSpf("v=spf1 all");
    expect(record.terms[0]).toMatchObject({ type: "directive", qualifier: "+", explicitQualifier: false, mechanism: { kind: "all" } });
  });

  it("reads dual CIDR lengths of a and mx", () => {
    const { record } = parseSpf("v=spf1 mx:mail.example.com/24//64 -all");
    expect(record.terms[0]).toMatchObject({ mechanism: { kind: "mx", domain: "mail.example.com", cidr4: 24, cidr6: 64 } });
  });

  it("knows the parked record exactly", () => {
    expect(isParkedSpf("v=spf1 -all")).toBe(true);
    expect(isParkedSpf("V=SPF1   -ALL")).toBe(true);
    expect(isParkedSpf("v=spf1 ~all")).toBe(false);
    expect(isParkedSpf("v=spf1 ip4:192.0.2.1 -all")).toBe(false);
  });
});

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
const domain = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom("com", "example", "net")).map(([ls, tld]) => [...ls, tld].join("."));
const ip4 = fc.tuple(fc.ipV4(), fc.option(fc.integer({ min: 0, max: 32 }), { nil: undefined })).map(([ip, p]) => (p === undefined ? ip : `${ip}/${p}`));

describe("SPF builder", () => {
  it("round-trips: parse(build(spec)) has no errors and the same terms", () => {
    fc.assert(
      fc.property(
        fc.record({
          includes: fc.array(domain, { maxLength: 5 }),
          ip4: fc.array(ip4, { maxLength: 4 }),
          mx: fc.boolean(),
          a: fc.boolean(),
          all: fc.constantFrom("-" as const, "~" as const, "?" as const),
        }),
        (spec) => {
          const { record, errors, warnings } = parseSpf(buildSpf(spec));
          expect(errors).toEqual([]);
          expect(warnings).toEqual([]);
          const includes = record.terms.flatMap((t) => (t.type === "directive" && t.mechanism.kind === "include" ? [t.mechanism.domain] : []));
          expect(includes).toEqual(spec.includes);
          const last = record.terms[record.terms.length - 1];
          expect(last).toMatchObject({ qualifier: spec.all, mechanism: { kind: "all" } });
        },
      ),
    );
  });

  it("splits TXT values into strings of at most 255 bytes that join back to the value", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."abc:. -=/0123456789"), maxLength: 2000 }), (value) => {
        const parts = splitTxt(value);
        expect(parts.join("")).toBe(value);
        for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(255);
      }),
    );
  });
});
