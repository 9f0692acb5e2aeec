import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACM_CAA_ISSUER, blockedIssuers, caaContent, caaRecordIssues, CLOUDFLARE_CAA_ISSUERS, issuerOf, parseCaa, planCaa, platformIssuers, requiredIssuers } from "../../../core/edge/caa";

describe("CAA planner (RFC 8659)", () => {
  it("allows exactly Cloudflare's edge CAs, for plain and wildcard certificates", () => {
    const set = planCaa({ cloudflare: true, acm: false, extraIssuers: [] });
    expect(set.filter((r) => r.tag === "issue").map((r) => r.value)).toEqual([...CLOUDFLARE_CAA_ISSUERS].sort());
    expect(set.filter((r) => r.tag === "issuewild").map((r) => r.value)).toEqual([...CLOUDFLARE_CAA_ISSUERS].sort());
    expect(set.every((r) => r.flags === 0)).toBe(true);
  });

  it("adds amazon.com when ACM is used, user CAs, and iodef, without duplicates", () => {
    const set = planCaa({ cloudflare: true, acm: true, extraIssuers: ["DigiCert.com", "pki.goog"], iodef: "mailto:security@acme.example" });
    const issue = set.filter((r) => r.tag === "issue").map((r) => r.value);
    expect(issue).toContain(ACM_CAA_ISSUER);
    expect(issue).toContain("digicert.com");
    expect(issue.filter((v) => v === "pki.goog")).toHaveLength(1);
    expect(set.at(-1)).toEqual({ flags: 0, tag: "iodef", value: "mailto:security@acme.example" });
  });

  it("plans sets that never block the platform and always parse back", () => {
    const issuer = fc.constantFrom("digicert.com", "sectigo.com", "globalsign.com", "buypass.com");
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.array(issuer, { maxLength: 3 }), (cloudflare, acm, extra) => {
        const set = planCaa({ cloudflare, acm, extraIssuers: extra });
        expect(blockedIssuers(set, platformIssuers({ cloudflare, acm }))).toEqual({ issue: [], issuewild: [] });
        for (const r of set) expect(parseCaa(caaContent(r))).toEqual({ ok: true, record: r });
      }),
    );
  });

  it.each([
    ['0 issue "letsencrypt.org"', { flags: 0, tag: "issue", value: "letsencrypt.org" }],
    ['0 issuewild ";"', { flags: 0, tag: "issuewild", value: ";" }],
    ['0 issue "pki.goog; cansignhttpexchanges=yes"', { flags: 0, tag: "issue", value: "pki.goog; cansignhttpexchanges=yes" }],
    ['0 iodef "mailto:sec@acme.example"', { flags: 0, tag: "iodef", value: "mailto:sec@acme.example" }],
    // RFC 8659 §4.4 lists "http or https" (the planner and the config used to refuse http; the auditor accepted it).
    ['0 iodef "http://acme.example/report"', { flags: 0, tag: "iodef", value: "http://acme.example/report" }],
    // RFC 9495, CA/B Forum BR A.1.1-A.1.2 and the Mark Certificate Requirements define these tags.
    ['0 issuemail "digicert.com"', { flags: 0, tag: "issuemail", value: "digicert.com" }],
    ['128 issuevmc "digicert.com"', { flags: 128, tag: "issuevmc", value: "digicert.com" }],
    ['0 contactemail "domains@acme.example"', { flags: 0, tag: "contactemail", value: "domains@acme.example" }],
    ['0 contactphone "+1 (555) 010-0199"', { flags: 0, tag: "contactphone", value: "+1 (555) 010-0199" }],
  ])("parses %s", (content, record) => {
    expect(parseCaa(content)).toEqual({ ok: true, record });
  });

  it.each([
    ["issue letsencrypt.org", /is not `<flags> <tag> "<value>"`/],
    ['128 tbs "x"', /unknown and marked critical/],
    ['0 issue "not a domain"', /not an issuer domain name/],
    ['0 iodef "ftp://acme.example/report"', /not a mailto:, http: or https: URL/],
    ['0 issue "letsencrypt.org."', /not an issuer domain name/],
    ['0 contactemail "Domains <domains@acme.example>"', /not a bare email address/],
    ['0 contactphone "555-0199"', /not a global phone number/],
    ['0 futuretag "x"', /not a known property/],
    ['1 issue "letsencrypt.org"', /reserved bits/],
    ['300 issue "letsencrypt.org"', /flags 300/],
  ])("rejects %s with the reason", (content, error) => {
    const r = parseCaa(content);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it("finds the platform CAs a user set would block, with issuewild falling back to issue (RFC 8659 §4.3)", () => {
    const only = (tag: string, value: string) => ({ flags: 0, tag, value });
    expect(blockedIssuers([only("issue", "digicert.com")], ["letsencrypt.org"])).toEqual({ issue: ["letsencrypt.org"], issuewild: ["letsencrypt.org"] });
    expect(blockedIssuers([only("issue", "letsencrypt.org"), only("issuewild", ";")], ["letsencrypt.org"])).toEqual({ issue: [], issuewild: ["letsencrypt.org"] });
    expect(blockedIssuers([only("iodef", "mailto:a@b.example")], ["letsencrypt.org"])).toEqual({ issue: [], issuewild: [] });
    expect(blockedIssuers([only("issue", "amazontrust.com")], [ACM_CAA_ISSUER])).toEqual({ issue: [], issuewild: [] });
    // §4.2: an issue value outside the grammar forbids issuance; §4.1: an unknown critical property forbids every CA.
    expect(blockedIssuers([only("issue", "%%%%%")], ["letsencrypt.org"])).toEqual({ issue: ["letsencrypt.org"], issuewild: ["letsencrypt.org"] });
    expect(blockedIssuers([only("issue", "letsencrypt.org"), { flags: 128, tag: "tbs", value: "x" }], ["letsencrypt.org"])).toEqual({ issue: ["letsencrypt.org"], issuewild: ["letsencrypt.org"] });
  });
});

describe("CAA record grammar (RFC 8659 §4.2 issue-value)", () => {
  it.each([
    ["letsencrypt.org", "letsencrypt.org"],
    ["  LetsEncrypt.org ; accounturi=https://acme-v02.api.letsencrypt.org/acme/acct/1 ; validationmethods=dns-01", "letsencrypt.org"],
    [";", ""],
    ["", ""],
    ["localca", "localca"],
  ])("reads the issuer of %j as %j", (value, issuer) => {
    expect(issuerOf(value)).toBe(issuer);
    expect(caaRecordIssues({ flags: 0, tag: "issue", value })).toEqual([]);
  });

  it.each(["letsencrypt.org.", "-bad.example", "letsencrypt.org; validationmethods", "a.example; x=1;", "not a domain"])("refuses %j", (value) => {
    expect(issuerOf(value)).toBeUndefined();
    expect(caaRecordIssues({ flags: 0, tag: "issue", value })).toEqual([{ kind: "malformed", message: expect.stringContaining("forbids issuance (RFC 8659 §4.2)") }]);
  });

  it("never rejects what the planner plans, whatever CAs and report address are configured", () => {
    // Addresses whose local part needs no percent-encoding in a mailto: URL (RFC 6068 §2: `?` starts header fields).
    const address = fc.emailAddress().filter((e) => !/[?#%]/.test(e));
    const iodef = fc.oneof(address.map((e) => `mailto:${e}`), fc.webUrl({ validSchemes: ["https"] }));
    const issuer = fc.domain();
    fc.assert(
      fc.property(fc.boolean(), fc.array(issuer, { maxLength: 4 }), fc.option(iodef, { nil: undefined }), (acm, extra, io) => {
        for (const r of planCaa({ cloudflare: true, acm, extraIssuers: extra, ...(io !== undefined ? { iodef: io } : {}) })) expect(caaRecordIssues(r)).toEqual([]);
      }),
    );
  });

  it("requires ACM's CA only where a proxied host's origin is on AWS", () => {
    expect(requiredIssuers([{ type: "A", content: "203.0.113.10", proxied: true }])).toEqual([...CLOUDFLARE_CAA_ISSUERS]);
    expect(requiredIssuers([{ type: "CNAME", content: "lb-1.eu-west-1.elb.amazonaws.com", proxied: true }])).toEqual([...CLOUDFLARE_CAA_ISSUERS, ACM_CAA_ISSUER]);
    expect(requiredIssuers([{ type: "CNAME", content: "lb-1.eu-west-1.elb.amazonaws.com", proxied: false }])).toEqual([...CLOUDFLARE_CAA_ISSUERS]);
  });
});
