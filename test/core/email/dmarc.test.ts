import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appliedPolicy, buildDmarc, dmarcOrganizationalDomain, isDmarcRecord, parseDmarc, parseDmarcUri } from "../../../core/email/dmarc";

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

  it("reports a missing p, which receivers read as p=none when rua is valid (RFC 7489 §6.3, §6.6.3)", () => {
    const parsed = parseDmarc("v=DMARC1; rua=mailto:d@acme.example");
    expect(parsed.errors).toEqual(["p= is missing (required in a policy record; receivers act as if p=none)"]);
    expect(appliedPolicy(parsed, false)).toMatchObject({ kind: "fallback", policy: "none", reason: "p= is missing" });
  });

  it("applies sp to a subdomain that inherits the organisational record", () => {
    const parsed = parseDmarc("v=DMARC1; p=reject; sp=none");
    expect(appliedPolicy(parsed, false)).toEqual({ kind: "policy", policy: "reject", tag: "p" });
    expect(appliedPolicy(parsed, true)).toEqual({ kind: "policy", policy: "none", tag: "sp" });
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

describe("the policy receivers apply (RFC 7489 §6.6.3 step 6)", () => {
  const RUA = "rua=mailto:d@acme.example";
  it.each([
    // [record, applied to the domain, applied to its subdomains]
    [`v=DMARC1; p=reject; ${RUA}`, "policy:reject", "policy:reject"],
    [`v=DMARC1; p=reject; sp=quarantine; ${RUA}`, "policy:reject", "policy:quarantine"],
    [`v=DMARC1; p=Reject; ${RUA}`, "policy:reject", "policy:reject"],
    // An invalid p with a valid rua: p=none for everything, whatever sp says.
    [`v=DMARC1; p=rejct; sp=reject; ${RUA}`, "fallback:none", "fallback:none"],
    // An invalid sp under p=reject: the whole record is p=none, the domain included.
    [`v=DMARC1; p=reject; sp=bogus; ${RUA}`, "fallback:none", "fallback:none"],
    [`v=DMARC1; p=reject; sp=; ${RUA}`, "fallback:none", "fallback:none"],
    // Without a valid rua the record is not used at all.
    ["v=DMARC1; p=reject; sp=bogus", "ignored", "ignored"],
    ["v=DMARC1; p=bogus; rua=not-a-uri", "ignored", "ignored"],
    // A missing p on an organisational record: p=none, and its sp= does not rescue the subdomains.
    [`v=DMARC1; sp=reject; ${RUA}`, "fallback:none", "fallback:none"],
    ["v=DMARC1; sp=reject", "ignored", "ignored"],
    // A repeated p makes the tag-list invalid (RFC 6376 §3.2).
    [`v=DMARC1; p=reject; p=none; ${RUA}`, "fallback:none", "fallback:none"],
    // A syntactically valid URI that no receiver mails to still counts for step 6.
    ["v=DMARC1; p=bogus; rua=https://r.example/", "fallback:none", "fallback:none"],
  ])("%s → %s, subdomains %s", (text, own, sub) => {
    const show = (a: ReturnType<typeof appliedPolicy>) => (a.kind === "ignored" ? a.kind : `${a.kind}:${a.policy}`);
    const parsed = parseDmarc(text);
    expect(show(appliedPolicy(parsed, false))).toBe(own);
    expect(show(appliedPolicy(parsed, true))).toBe(sub);
  });
  it("never applies an enforcing policy when p= or sp= is not exactly a policy (property)", () => {
    const word = fc.stringMatching(/^[a-z]{0,12}$/);
    fc.assert(
      fc.property(word, word, fc.boolean(), (p, sp, toSub) => {
        const parsed = parseDmarc(`v=DMARC1; p=${p}; sp=${sp}; ${RUA}`);
        const valid = (v: string) => ["none", "quarantine", "reject"].includes(v);
        const applied = appliedPolicy(parsed, toSub);
        if (!valid(p) || !valid(sp)) expect(applied).toMatchObject({ kind: "fallback", policy: "none" });
        else expect(applied).toEqual({ kind: "policy", policy: toSub ? sp : p, tag: toSub ? "sp" : "p" });
      }),
    );
  });
});

describe("DMARC organisational domain (RFC 7489 §3.2)", () => {
  it.each([
    ["app.acme.example", "acme.example"],
    ["a.b.acme.co.uk", "acme.co.uk"],
    ["acme.example", "acme.example"],
    // The private section of the public suffix list counts: a github.io site is its own organisation.
    ["app.foo.github.io", "foo.github.io"],
  ])("%s → %s", (name, org) => {
    expect(dmarcOrganizationalDomain(name)).toBe(org);
  });
  it("has none for a public suffix", () => {
    expect(dmarcOrganizationalDomain("co.uk")).toBeUndefined();
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
