import { describe, expect, it } from "vitest";
import { caaProblems, issuerDomain } from "../../../../audit/checks/dns/caa-syntax";
import { caaDomainsForIssuer } from "../../../../audit/checks/dns/issuer";

const caa = (flags: number, tag: string, value: string) => ({ flags, tag, value });

describe("CAA syntax (RFC 8659 §4)", () => {
  it("accepts issue, issuewild with parameters, a forbidding empty issue, and mailto/https iodef", () => {
    expect(
      caaProblems([
        caa(0, "issue", "letsencrypt.org"),
        caa(0, "issue", "pki.goog; cansignhttpexchanges=yes"),
        caa(0, "issuewild", ";"),
        caa(128, "issue", "amazon.com"),
        caa(0, "iodef", "mailto:security@acme.example"),
        caa(0, "iodef", "https://acme.example/caa"),
      ]),
    ).toEqual([]);
  });

  it.each([
    [caa(128, "tbs", "x"), "fail", /unknown tag "tbs" marked critical/],
    [caa(0, "tbs", "x"), "warn", /unknown tag "tbs"/],
    [caa(0, "issue", "not a domain"), "fail", /issuer "not a domain" is not a domain name/],
    [caa(0, "issue", "letsencrypt.org; validationmethods"), "fail", /parameter "validationmethods" is not tag=value/],
    [caa(0, "iodef", "ftp://acme.example/"), "fail", /must be a mailto:, https: or http: URL/],
    [caa(0, "iodef", "mailto:"), "fail", /has no mail address/],
    [caa(0, "issue_x", "x"), "fail", /must be 1-15 letters or digits/],
    [caa(1, "issue", "letsencrypt.org"), "warn", /reserved bits/],
  ] as const)("%j is %s", (record, severity, message) => {
    const problems = caaProblems([record]);
    expect(problems.map((p) => p.severity)).toEqual([severity]);
    expect(problems[0]?.message).toMatch(message);
  });

  it("reads the issuer domain of an issue value", () => {
    expect(issuerDomain("LetsEncrypt.org.; accounturi=x")).toBe("letsencrypt.org");
    expect(issuerDomain(";")).toBe("");
  });
});

describe("certificate issuer to CAA domain", () => {
  it.each([
    ["C=US, O=Let's Encrypt, CN=R11", "letsencrypt.org"],
    ["C=US, O=Google Trust Services, CN=WE1", "pki.goog"],
    ["C=US, O=Amazon, CN=Amazon RSA 2048 M02", "amazon.com"],
    ["C=US, O=DigiCert Inc, CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1", "digicert.com"],
  ])("%s → %s", (dn, domain) => {
    expect(caaDomainsForIssuer(dn)).toContain(domain);
  });
  it("knows nothing of a private CA", () => {
    expect(caaDomainsForIssuer("CN=Launch Ready Lab Intermediate, O=Lab")).toEqual([]);
  });
});
