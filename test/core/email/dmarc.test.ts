import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDmarc, effectivePolicy, isDmarcRecord, parseDmarc, parseDmarcUri } from "../../../core/email/dmarc";

describe("DMARC parser (RFC 7489 §6.3)", () => {
  it("reads a full record", () => {
    const { record, errors, unknownTags } = parseDmarc("v=DMARC1; p=quarantine; sp=reject; pct=50; rua=mailto:d@acme.example,mailto:x@rep.example!10m; ruf=mailto:f@acme.example; adkim=s; aspf=r; fo=1:d; ri=86400;");
    expect(errors).toEqual([]);
    expect(unknownTags).toEqual([]);
    expect(record).toMatchObject({ p: "quarantine", sp: "reject", pct: 50, adkim: "s", aspf: "r", fo: ["1", "d"], ri: 86400 });
    expect(record.rua.map((u) => [u.domain, u.maxSize])).toEqual([["acme.example", undefined], ["rep.example", "10m"]]);
  });

  it.each([
    ["v=DMARC1; p=block", "p=block is not a policy"],
    ["v=DMARC1; p=none; p=reject", 'tag "p" appears more than once'],
    ["v=DMARC1; p=none; pct=150", "pct=150"],
    ["v=DMARC1; p=none; adkim=x", "adkim=x"],
    ["v=DMARC1; p=none; fo=2", "fo=2"],
    ["v=DMARC1; p=none; rua=dmarc@acme.example", "is not a URI"],
    ["p=none; v=DMARC1", 'must start with "v=DMARC1"'],
    ["v=dmarc1; p=none", 'must start with "v=DMARC1"'],
    ["v=DMARC1", "p= is missing"],
    ["v=DMARC1;; p=none", "empty term"],
  ])("rejects %s", (text, message) => {
    expect(parseDmarc(text).errors.join(" | ")).toContain(message);
  });

  it("lists unknown tags without failing the record", () => {
    const { errors, unknownTags } = parseDmarc("v=DMARC1; p=reject; foo=bar; np=reject");
    expect(errors).toEqual([]);
    expect(unknownTags).toEqual(["foo"]);
  });

  it("accepts a record without p when rua is valid (p=none applies, RFC 7489 §6.6.3)", () => {
    const { record, errors } = parseDmarc("v=DMARC1; rua=mailto:d@acme.example");
    expect(errors).toEqual([]);
    expect(effectivePolicy(record, false)).toBe("none");
  });

  it("applies sp to a subdomain that inherits the organisational record", () => {
    const { record } = parseDmarc("v=DMARC1; p=reject; sp=none");
    expect(effectivePolicy(record, false)).toBe("reject");
    expect(effectivePolicy(record, true)).toBe("none");
  });

  it("flags report URIs receivers will not use", () => {
    expect(parseDmarcUri("https://r.example/x").problem).toContain("only send reports to mailto:");
    expect(parseDmarcUri("mailto:nobody").problem).toContain("not a valid mailto");
    expect(parseDmarcUri(" mailto:D@Rep.Example ")).toMatchObject({ domain: "rep.example" });
  });

  it("recognises records by their version tag", () => {
    expect(isDmarcRecord("v=DMARC1; p=none")).toBe(true);
    expect(isDmarcRecord("v=DMARC1")).toBe(true);
    expect(isDmarcRecord("v=DMARC10; p=none")).toBe(false);
    expect(isDmarcRecord("spf stuff v=DMARC1")).toBe(false);
  });
});

describe("DMARC builder", () => {
  const policy = fc.constantFrom("none" as const, "quarantine" as const, "reject" as const);
  const mailbox = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,8}[a-z0-9]$/), fc.stringMatching(/^[a-z][a-z0-9]{0,8}\.(com|example)$/)).map(([l, d]) => `${l}@${d}`);

  it("round-trips: parse(build(spec)) is valid and gives back the spec", () => {
    fc.assert(
      fc.property(
        fc.record({ policy, subdomainPolicy: fc.option(policy, { nil: undefined }), pct: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), rua: fc.array(mailbox, { maxLength: 3 }) }),
        (spec) => {
          const text = buildDmarc(spec);
          const { record, errors, unknownTags } = parseDmarc(text);
          expect(errors).toEqual([]);
          expect(unknownTags).toEqual([]);
          expect(record.p).toBe(spec.policy);
          expect(record.sp).toBe(spec.subdomainPolicy);
          expect(record.pct).toBe(spec.pct === 100 ? undefined : spec.pct);
          expect(record.rua.map((u) => u.address)).toEqual(spec.rua);
        },
      ),
    );
  });

  it("refuses an impossible pct", () => {
    expect(() => buildDmarc({ policy: "reject", pct: 101 })).toThrow(/pct/);
  });
});
