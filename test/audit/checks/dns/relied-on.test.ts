/**
 * dnssec.chain validates exactly the RRsets the other checks read: every check module but the validator itself runs
 * against a recording DNS, and each (name, type) it asked for must be on the relied-on list the dnssec module
 * validates. A check that starts reading a new name fails this test until the list names it too.
 */
import { describe, expect, it } from "vitest";
import { ALL_CHECKS } from "../../../../audit/checks";
import { dnssecModule } from "../../../../audit/checks/dns/dnssec";
import { reliedOnRrsets } from "../../../../audit/checks/dns/relied-on";
import { parseTarget } from "../../../../audit/target";
import type { AuditTarget, ExpectedDomainState } from "../../../../audit/types";
import { context, expectedState, fakeDns, fakeHttp, okText, type Zone } from "../email/fakes";

/** A domain using every kind of record the audit reads, with names in another organisation (SPF include, reports). */
const ZONE: Zone = {
  "acme.example": {
    NS: ["ns1.acme.example"],
    SOA: [{ mname: "ns1.acme.example", rname: "hostmaster.acme.example", serial: 1 }],
    A: ["192.0.2.10"],
    MX: [{ preference: 10, exchange: "mx1.acme.example" }],
    TXT: ["v=spf1 a:mail.acme.example mx include:_spf.provider.example -all"],
    CAA: [{ flags: 0, tag: "issue", value: "letsencrypt.org" }],
  },
  "www.acme.example": { A: ["192.0.2.10"] },
  "app.acme.example": { A: ["192.0.2.11"], TXT: ["v=spf1 -all"], MX: [{ preference: 0, exchange: "" }] },
  "mail.acme.example": { A: ["192.0.2.25"] },
  "mx1.acme.example": { A: ["192.0.2.25"] },
  "mta-sts.acme.example": { A: ["192.0.2.12"] },
  "_spf.provider.example": { TXT: ["v=spf1 ip4:198.51.100.0/24 -all"] },
  "_dmarc.acme.example": { TXT: ["v=DMARC1; p=reject; rua=mailto:d@reports.example,mailto:x@acme.example"] },
  "acme.example._report._dmarc.reports.example": { TXT: ["v=DMARC1"] },
  "_mta-sts.acme.example": { TXT: ["v=STSv1; id=20260101"] },
  "_smtp._tls.acme.example": { TXT: ["v=TLSRPTv1; rua=mailto:tls@acme.example"] },
  "google._domainkey.acme.example": { TXT: ["v=DKIM1; k=rsa; p=MIIB"] },
  "s1._domainkey.acme.example": { CNAME: ["s1.dkim.provider.example"] },
};

const page = (url: string) => okText(url, "<html><body>hi</body></html>", "text/html; charset=utf-8");
const HTTP = {
  "http://acme.example/": { kind: "response" as const, url: "http://acme.example/", status: 301, headers: { location: ["https://acme.example/"] }, body: "", truncated: false, elapsedMs: 1 },
  "https://acme.example/": page("https://acme.example/"),
  "https://www.acme.example/": page("https://www.acme.example/"),
  "https://app.acme.example/": page("https://app.acme.example/"),
  "https://mta-sts.acme.example/.well-known/mta-sts.txt": okText("https://mta-sts.acme.example/.well-known/mta-sts.txt", "version: STSv1\nmode: enforce\nmx: mx1.acme.example\nmax_age: 86400\n"),
};

async function askedAndDeclared(t: AuditTarget, expected?: ExpectedDomainState): Promise<{ asked: string[]; declared: Set<string> }> {
  const dns = fakeDns(ZONE);
  const ctx = { ...context({ dns, http: fakeHttp(HTTP), ...(expected ? { expected } : {}) }) };
  for (const m of ALL_CHECKS.filter((m) => m !== dnssecModule)) await m.run(t, ctx);
  const declared = new Set((await reliedOnRrsets(t, context({ dns: fakeDns(ZONE), ...(expected ? { expected } : {}) }))).map((r) => `${r.type} ${r.name}`));
  return { asked: [...new Set(dns.queries)], declared };
}

describe("the RRsets dnssec.chain validates are those the checks read", () => {
  it.each([
    ["the apex, discovering", "acme.example", undefined],
    ["the apex, with --stack", "acme.example", expectedState({ dkimSelectors: ["s1"], mxHosts: ["mx1.acme.example"], canonicalHost: "www.acme.example", aliases: ["acme.example"], endpoints: { login: "https://app.acme.example/login" } })],
    ["a subdomain audited on its own", "app.acme.example", undefined],
  ] as const)("%s", async (_label, name, expected) => {
    const { asked, declared } = await askedAndDeclared(parseTarget(name), expected);
    expect(asked.length).toBeGreaterThan(15);
    expect(asked.filter((q) => !declared.has(q))).toEqual([]);
  });

  it("includes the names the SPF tree, the MX hosts and the DMARC report authorisation lead to, in other organisations too", async () => {
    const { declared } = await askedAndDeclared(parseTarget("acme.example"), expectedState({ dkimSelectors: ["s1"] }));
    for (const q of ["TXT _spf.provider.example", "A mail.acme.example", "A mx1.acme.example", "TXT acme.example._report._dmarc.reports.example", "TXT s1.dkim.provider.example"]) expect(declared).toContain(q);
  });
});
