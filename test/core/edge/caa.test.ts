import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACM_CAA_ISSUER, blockedIssuers, caaContent, CLOUDFLARE_CAA_ISSUERS, parseCaa, planCaa, platformIssuers } from "../../../core/edge/caa";

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
  ])("parses %s", (content, record) => {
    expect(parseCaa(content)).toEqual({ ok: true, record });
  });

  it.each([
    ["issue letsencrypt.org", /is not `<flags> <tag> "<value>"`/],
    ['128 tbs "x"', /unknown and marked critical/],
    ['0 issue "not a domain"', /not an issuer domain name/],
    ['0 iodef "http://acme.example/report"', /not a mailto: or https: URL/],
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
  });
});
