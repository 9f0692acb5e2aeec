/** The email judges on their own: each outcome from the record texts that cause it. */
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  judgeDkimKeyStrength,
  judgeDkimRevoked,
  judgeDkimSelector,
  judgeDkimSyntax,
  judgeDmarcPolicy,
  judgeDmarcRecord,
  judgeDmarcRua,
  judgeDmarcRuaAuthorized,
  judgeDmarcSubdomainPolicy,
  judgeMtaStsMxCoverage,
  judgeMtaStsPolicyFetch,
  judgeMtaStsPolicySyntax,
  judgeMxNull,
  judgeMxRecords,
  judgeSpfAll,
  judgeSpfLookups,
  judgeSpfParked,
  judgeSpfRecord,
  judgeSpfSize,
  judgeSpfSyntax,
  judgeTlsRptRecord,
} from "../../../../core/judges/email";
import type { Verdict } from "../../../../core/judge";

const D = "acme.example";
const outcome = (v: Verdict): string => ("outcome" in v ? `${v.status}:${v.outcome}` : v.status);
const key = (bits: number): string => generateKeyPairSync("rsa", { modulusLength: bits }).publicKey.export({ type: "spki", format: "der" }).toString("base64");

describe("SPF judges", () => {
  it.each([
    [["v=spf1 -all"], false, "pass:one"],
    [["v=spf1 -all", "v=spf1 ~all"], false, "fail:several"],
    [[" v=spf1 -all"], false, "fail:lookalike"],
    [[], true, "info:none-parked"],
    [[], false, "fail:none"],
  ])("spf.record %j (parked %s) → %s", (txt, parked, want) => {
    expect(outcome(judgeSpfRecord({ domain: D, txt, parked }))).toBe(want);
  });

  it.each([
    ["v=spf1 -all", "~", "pass:fail-all"],
    ["v=spf1 ~all", "quarantine", "pass:softfail-enforced"],
    ["v=spf1 ~all", "none", "warn:softfail-unenforced"],
    ["v=spf1 ?all", "reject", "warn:neutral"],
    ["v=spf1 +all", "reject", "fail:pass-all"],
    ["v=spf1 all", "reject", "fail:pass-all"],
    ["v=spf1 ip4:192.0.2.1", "reject", "warn:missing"],
  ])("spf.all %s with DMARC %s → %s", (record, dmarc, want) => {
    expect(outcome(judgeSpfAll({ domain: D, record, dmarcPolicy: dmarc === "~" ? undefined : (dmarc as "none" | "quarantine" | "reject") }))).toBe(want);
  });

  it("spf.lookups: within, little headroom, over; a lower bound within the limit cannot tell", () => {
    const at = (lookups: number, complete = true) => outcome(judgeSpfLookups({ domain: D, record: "v=spf1 -all", lookups, complete, source: "test" }));
    expect([at(4), at(8), at(10), at(11), at(5, false), at(11, false)]).toEqual(["pass:within-limit", "warn:little-headroom", "warn:little-headroom", "fail:over-limit", "cannot-tell", "fail:over-limit"]);
  });

  it("spf.syntax, spf.size and spf.parked", () => {
    expect(outcome(judgeSpfSyntax({ domain: D, record: "v=spf1 include: -all" }))).toBe("fail:invalid");
    expect(outcome(judgeSpfSyntax({ domain: D, record: undefined }))).toBe("not-applicable");
    const long = `v=spf1 ${Array.from({ length: 40 }, (_, i) => `ip4:192.0.2.${i}`).join(" ")} -all`;
    expect(outcome(judgeSpfSize({ domain: D, record: long }))).toBe("warn:oversized");
    expect(outcome(judgeSpfSize({ domain: D, record: "v=spf1 -all", strings: ["x".repeat(256)] }))).toBe("warn:oversized");
    expect(outcome(judgeSpfParked({ domain: D, txt: ["v=spf1 -all"], parked: true }))).toBe("pass:locked");
    expect(outcome(judgeSpfParked({ domain: D, txt: ["v=spf1 ~all"], parked: true }))).toBe("fail:open");
  });
});

describe("DMARC judges", () => {
  const txt = (t: string) => ({ domain: D, txt: [t] });
  it("record, policy, subdomain policy and rua", () => {
    expect(outcome(judgeDmarcRecord({ domain: D, txt: [] }))).toBe("fail:none");
    expect(outcome(judgeDmarcPolicy(txt("v=DMARC1; p=quarantine; rua=mailto:d@acme.example")))).toBe("pass:enforcing");
    expect(outcome(judgeDmarcPolicy(txt("v=DMARC1; p=none; rua=mailto:d@acme.example")))).toBe("fail:monitoring");
    expect(outcome(judgeDmarcSubdomainPolicy(txt("v=DMARC1; p=reject; sp=none")))).toBe("fail:exempted");
    expect(outcome(judgeDmarcRua(txt("v=DMARC1; p=reject")))).toBe("fail:missing");
  });
  it("rua_authorized: own domain passes; a managed destination needs the record; an unmanaged one cannot be told", () => {
    const rec = "v=DMARC1; p=reject; rua=mailto:d@reports.example";
    expect(outcome(judgeDmarcRuaAuthorized({ ...txt("v=DMARC1; p=reject; rua=mailto:d@acme.example"), authorisations: new Map() }))).toBe("pass:authorized");
    expect(outcome(judgeDmarcRuaAuthorized({ ...txt(rec), authorisations: new Map([["reports.example", ["v=DMARC1"]]]) }))).toBe("pass:authorized");
    expect(outcome(judgeDmarcRuaAuthorized({ ...txt(rec), authorisations: new Map([["reports.example", []]]) }))).toBe("fail:unauthorized");
    expect(outcome(judgeDmarcRuaAuthorized({ ...txt(rec), authorisations: new Map([["reports.example", undefined]]) }))).toBe("cannot-tell");
  });
});

describe("DKIM judges", () => {
  const sel = (publicKey: string) => ({ domain: D, parked: false, selectors: [{ selector: "s1", kind: "txt" as const, txt: [`v=DKIM1; k=rsa; p=${publicKey}`] }] });
  it("key strength: 2048 passes, 1024 warns, 512 fails; a provider-hosted key cannot be told", () => {
    expect(outcome(judgeDkimKeyStrength(sel(key(2048))))).toBe("pass:strong");
    expect(outcome(judgeDkimKeyStrength(sel(key(1024))))).toBe("warn:rsa-1024");
    expect(outcome(judgeDkimKeyStrength(sel(key(512))))).toBe("fail:too-short");
    expect(outcome(judgeDkimKeyStrength({ domain: D, parked: false, selectors: [{ selector: "s1", kind: "cname", target: "s1.example.net" }] }))).toBe("cannot-tell");
    expect(outcome(judgeDkimKeyStrength({ domain: D, parked: false, selectors: [{ selector: "ses", kind: "cname", target: "x.dkim.amazonses.com", keyBits: 2048 }] }))).toBe("pass:strong");
  });
  it("key strength never passes keys nobody measured (every key revoked or missing)", () => {
    expect(outcome(judgeDkimKeyStrength({ domain: D, parked: false, selectors: [{ selector: "s1", kind: "txt", txt: ["v=DKIM1; k=rsa; p="] }] }))).toBe("not-applicable");
    expect(outcome(judgeDkimKeyStrength({ domain: D, parked: false, selectors: [{ selector: "s1", kind: "missing" }] }))).toBe("not-applicable");
  });
  it("selector missing names where the key comes from; syntax fails on h=sha1", () => {
    const v = judgeDkimSelector({ domain: D, parked: false, selectors: [{ selector: "google", kind: "missing", hint: "generate it in the Admin console" }] });
    expect(outcome(v)).toBe("fail:missing");
    expect("facts" in v ? v.facts.join() : "").toMatch(/google\._domainkey\.acme\.example is not published: generate it in the Admin console/);
    expect(outcome(judgeDkimSyntax({ domain: D, parked: false, selectors: [{ selector: "s1", kind: "txt", txt: [`v=DKIM1; h=sha1; p=${key(2048)}`] }] }))).toBe("fail:invalid");
  });
  it("live facts: several records, t=y, an unreadable key, discovery and failed lookups", () => {
    const k = `v=DKIM1; k=rsa; p=${key(2048)}`;
    const txt = (selector: string, ...t: string[]) => ({ selector, kind: "txt" as const, txt: t });
    expect(outcome(judgeDkimSyntax({ domain: D, parked: false, selectors: [txt("s1", k, k)] }))).toBe("fail:several");
    expect(outcome(judgeDkimSyntax({ domain: D, parked: false, selectors: [txt("s1", `v=DKIM1; t=y; k=rsa; p=${key(2048)}`)] }))).toBe("warn:testing");
    expect(outcome(judgeDkimKeyStrength({ domain: D, parked: false, selectors: [txt("s1", "v=DKIM1; k=rsa; p=AAAA")] }))).toBe("fail:unreadable");
    const revoked = txt("s1", "v=DKIM1; k=rsa; p=");
    expect(outcome(judgeDkimRevoked({ domain: D, parked: false, selectors: [revoked] }))).toBe("fail:revoked");
    expect(outcome(judgeDkimRevoked({ domain: D, parked: false, selectorsKnown: false, selectors: [revoked] }))).toBe("warn:revoked-unused");
    // Discovery: an unpublished common name is no defect; none at all is info, never a pass.
    expect(outcome(judgeDkimSelector({ domain: D, parked: false, selectorsKnown: false, selectors: [{ selector: "google", kind: "missing" }, txt("s1", k)] }))).toBe("pass:published");
    expect(outcome(judgeDkimSelector({ domain: D, parked: false, selectorsKnown: false, selectors: [{ selector: "google", kind: "missing" }] }))).toBe("info:none-found");
    // A failed lookup of a configured selector withholds every pass (cannot tell), never reads as missing.
    const failed = { domain: D, parked: false, selectors: [txt("s1", k), { selector: "s2", kind: "unknown" as const, reason: "SERVFAIL" }] };
    for (const judge of [judgeDkimSelector, judgeDkimSyntax, judgeDkimKeyStrength, judgeDkimRevoked]) expect(outcome(judge(failed))).toBe("cannot-tell");
  });
});

describe("MTA-STS, TLS-RPT and MX judges", () => {
  const policy = "version: STSv1\r\nmode: enforce\r\nmx: smtp.google.com\r\nmax_age: 604800\r\n";
  it("policy syntax and coverage", () => {
    expect(outcome(judgeMtaStsPolicySyntax({ domain: D, policy }))).toBe("pass:valid");
    expect(outcome(judgeMtaStsPolicySyntax({ domain: D, policy: policy.replace("enforce", "testing") }))).toBe("warn:testing");
    expect(outcome(judgeMtaStsMxCoverage({ domain: D, policy, mx: ["smtp.google.com"] }))).toBe("pass:covered");
    expect(outcome(judgeMtaStsMxCoverage({ domain: D, policy, mx: ["mx2.acme.example"] }))).toBe("fail:uncovered-enforce");
  });
  it("policy fetch: a redirect fails, text/plain passes", () => {
    expect(outcome(judgeMtaStsPolicyFetch({ domain: D, fetch: { kind: "redirected", to: "https://acme.example/", by: "rule alias" } }))).toBe("fail:redirected");
    expect(outcome(judgeMtaStsPolicyFetch({ domain: D, fetch: { kind: "served", status: 200, contentType: "text/plain; charset=utf-8", by: "Worker" } }))).toBe("pass:served");
    expect(outcome(judgeMtaStsPolicyFetch({ domain: D, fetch: { kind: "served", status: 200, contentType: "text/html", by: "Worker" } }))).toBe("warn:wrong-type");
  });
  it("tls-rpt and MX", () => {
    expect(outcome(judgeTlsRptRecord({ domain: D, parked: false, txt: [], mtaStsTxt: ["v=STSv1; id=1"] }))).toBe("warn:absent");
    expect(outcome(judgeTlsRptRecord({ domain: D, parked: false, txt: ["v=TLSRPTv1; rua=mailto:t@acme.example"], mtaStsTxt: [] }))).toBe("pass:valid");
    const mx = (exchange: string, parked: boolean, target?: "address" | "cname") => ({ domain: D, parked, mx: [{ preference: 0, exchange }], targets: new Map([[exchange, target]]) });
    expect(outcome(judgeMxNull(mx(".", true)))).toBe("pass:parked-null");
    expect(outcome(judgeMxNull(mx(".", false)))).toBe("warn:sending-null");
    expect(outcome(judgeMxRecords(mx("192.0.2.1", false)))).toBe("fail:bad-target");
    expect(outcome(judgeMxRecords(mx("mx.acme.example", false, "cname")))).toBe("fail:bad-target");
    expect(outcome(judgeMxRecords(mx("mx.other.example", false)))).toBe("cannot-tell");
    expect(outcome(judgeMxRecords(mx("smtp.google.com", false, "address")))).toBe("pass:valid");
  });
});
