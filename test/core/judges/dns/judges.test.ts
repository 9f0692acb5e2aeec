import { describe, expect, it } from "vitest";
import { CHECKS } from "../../../../checklist";
import { CLOUDFLARE_CAA_ISSUERS } from "../../../../core/edge/caa";
import { JUDGES } from "../../../../core/judges";
import { caaDomainsForIssuer, DNS_JUDGES, judgeCaaIssuerMatch, judgeCaaPresent, judgeCaaSyntax, judgeDnssecChain } from "../../../../core/judges/dns";
import type { Verdict } from "../../../../core/judge";

const set = (...records: [number, string, string][]) => ({ at: "acme.example", entries: records.map(([flags, tag, value]) => ({ record: { flags, tag, value } })) });
const key = (v: Verdict): string => ("outcome" in v ? `${v.status}:${v.outcome}` : v.status);

describe("DNS judges: registered once, each outcome declared in the checklist", () => {
  it("registers the four DNS-family judges", () => {
    expect(Object.keys(DNS_JUDGES).sort()).toEqual(["caa.issuer_match", "caa.present", "caa.syntax", "dnssec.chain"]);
    for (const id of Object.keys(DNS_JUDGES)) expect(JUDGES).toHaveProperty(id);
  });

  it("reaches every declared outcome, with the checklist's status", () => {
    const seen = [
      judgeCaaPresent({ name: "acme.example", set: set([0, "issue", "letsencrypt.org"]) }),
      judgeCaaPresent({ name: "acme.example", set: set([0, "iodef", "mailto:a@acme.example"]) }),
      judgeCaaPresent({ name: "acme.example", set: undefined }),
      judgeCaaSyntax(set([0, "issue", "letsencrypt.org"])),
      judgeCaaSyntax(set([0, "futuretag", "x"])),
      judgeCaaSyntax(set([0, "issue", "not a domain"])),
      judgeCaaSyntax(set([128, "tbs", "x"])),
      judgeCaaIssuerMatch({ names: ["acme.example"], set: set([0, "issue", "letsencrypt.org"]), required: ["letsencrypt.org"] }),
      judgeCaaIssuerMatch({ names: ["acme.example"], set: set([0, "issue", "digicert.com"]), required: ["letsencrypt.org"] }),
      judgeCaaIssuerMatch({ names: ["acme.example"], set: set([0, "issue", "letsencrypt.org"]), required: [], live: { kind: "read", issuer: "O=DigiCert Inc", wildcard: false } }),
      judgeDnssecChain({ kind: "validated", zone: "acme.example", status: "secure", reason: "ok" }),
      judgeDnssecChain({ kind: "planned", zone: "acme.example", signing: true }),
      judgeDnssecChain({ kind: "planned", zone: "acme.example", signing: false }),
      judgeDnssecChain({ kind: "resolver", zone: "acme.example", authenticated: false }),
      judgeDnssecChain({ kind: "validated", zone: "acme.example", status: "bogus", reason: "bad" }),
      judgeDnssecChain({ kind: "validated", zone: "acme.example", status: "secure", reason: "ok", rrsets: { checked: 3, bogus: [{ rrset: "TXT _dmarc.acme.example", reason: "expired" }], unreadable: [] } }),
    ];
    const declared = (["caa.present", "caa.syntax", "caa.issuer_match", "dnssec.chain"] as const).flatMap((id) => Object.entries(CHECKS[id].outcomes ?? {}).map(([o, d]) => `${d.status}:${o}`));
    expect(seen.map(key).sort()).toEqual([...declared].sort());
  });
});

describe("dnssec.chain judge", () => {
  it("never passes before apply: signing planned is a warning until the DS is published", () => {
    expect(judgeDnssecChain({ kind: "planned", zone: "acme.example", signing: true })).toMatchObject({ status: "warn", outcome: "signed-ds-pending" });
  });
  it("gives a signed zone without DS at its parent the plan's outcome, and an unsigned one 'insecure'", () => {
    expect(key(judgeDnssecChain({ kind: "validated", zone: "acme.example", status: "insecure", reason: "no DS", publishesDnskey: true }))).toBe("warn:signed-ds-pending");
    expect(key(judgeDnssecChain({ kind: "validated", zone: "acme.example", status: "insecure", reason: "no DS", publishesDnskey: false }))).toBe("warn:insecure");
  });
  it("fails a zone whose keys validate when an RRset the audit relies on does not, naming it; even when the zone is unsigned", () => {
    const rrsets = { checked: 5, bogus: [{ rrset: "TXT _dmarc.acme.example", reason: "RRSIG TXT by key 1: expired 2026-01-01T00:00:00Z" }], unreadable: [] };
    for (const status of ["secure", "insecure"] as const) {
      expect(judgeDnssecChain({ kind: "validated", zone: "acme.example", status, reason: "ok", rrsets })).toMatchObject({
        status: "fail",
        outcome: "bogus-rrset",
        facts: [expect.stringContaining("1 RRset(s)"), "TXT _dmarc.acme.example: RRSIG TXT by key 1: expired 2026-01-01T00:00:00Z"],
      });
    }
  });
  it("cannot tell, never passes, when a relied-on RRset could not be validated", () => {
    const rrsets = { checked: 5, bogus: [], unreadable: [{ rrset: "MX acme.example", reason: "timed out" }] };
    expect(judgeDnssecChain({ kind: "validated", zone: "acme.example", status: "secure", reason: "ok", rrsets })).toMatchObject({ status: "cannot-tell", reason: expect.stringContaining("MX acme.example: timed out") });
  });
  it("says which zone a subdomain belongs to", () => {
    const v = judgeDnssecChain({ kind: "validated", zone: "acme.example", name: "app.acme.example", status: "secure", reason: "ok", rrsets: { checked: 2, bogus: [], unreadable: [] } });
    expect(v).toMatchObject({ status: "pass", facts: [expect.stringContaining("app.acme.example (in zone acme.example)")] });
  });
  it("cannot tell when validation could not finish, and passes a resolver's AD bit", () => {
    expect(judgeDnssecChain({ kind: "validated", zone: "acme.example", status: "error", reason: "timed out" })).toEqual({ status: "cannot-tell", reason: "could not validate DNSSEC for acme.example: timed out" });
    expect(key(judgeDnssecChain({ kind: "resolver", zone: "acme.example", authenticated: true }))).toBe("pass:secure");
  });
});

describe("caa.issuer_match judge: the live certificate (after apply)", () => {
  const cf = set(...CLOUDFLARE_CAA_ISSUERS.flatMap((c): [number, string, string][] => [[0, "issue", c], [0, "issuewild", c]]));
  it("cannot tell, never passes, when the certificate cannot be read or its CA is unknown", () => {
    expect(judgeCaaIssuerMatch({ names: ["acme.example"], set: cf, required: [...CLOUDFLARE_CAA_ISSUERS], live: { kind: "unreadable", reason: "refused" } }).status).toBe("cannot-tell");
    expect(judgeCaaIssuerMatch({ names: ["acme.example"], set: cf, required: [], live: { kind: "read", issuer: "CN=Lab CA, O=Lab", wildcard: false } }).status).toBe("cannot-tell");
  });
  it("reports blocked platform CAs first, with the live CA's problem as a further fact", () => {
    const v = judgeCaaIssuerMatch({ names: ["acme.example"], set: set([0, "issue", "digicert.com"]), required: ["letsencrypt.org"], live: { kind: "read", issuer: "O=Let's Encrypt, CN=R11", wildcard: false } });
    expect(v).toMatchObject({ status: "fail", outcome: "blocks-platform", facts: [expect.stringContaining("does not allow letsencrypt.org"), expect.stringContaining("live certificate's CA")] });
  });
});

describe("certificate issuer → CAA domains (one list of Cloudflare's CAs)", () => {
  it.each([
    ["C=US, O=Let's Encrypt, CN=R11", "letsencrypt.org"],
    ["C=US, O=Google Trust Services, CN=WE1", "pki.goog"],
    ["C=US, O=Amazon, CN=Amazon RSA 2048 M02", "amazon.com"],
    ["C=US, O=DigiCert Inc, CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1", "digicert.com"],
    ["C=GB, O=Sectigo Limited, CN=Sectigo RSA Domain Validation Secure Server CA", "sectigo.com"],
  ])("%s → %s", (dn, domain) => {
    expect(caaDomainsForIssuer(dn)).toContain(domain);
  });

  // Defect: the auditor mapped a Cloudflare-branded issuer to digicert.com and no Sectigo, the planner allowed Sectigo.
  it("maps a Cloudflare-branded issuer to exactly the CAs the planner allows for Cloudflare", () => {
    expect(caaDomainsForIssuer("C=US, O=Cloudflare, Inc., CN=Cloudflare Inc ECC CA-3")).toEqual(CLOUDFLARE_CAA_ISSUERS);
  });

  it("knows nothing of a private CA", () => {
    expect(caaDomainsForIssuer("CN=Launch Ready Lab Intermediate, O=Lab")).toEqual([]);
  });
});
