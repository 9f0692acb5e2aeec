/**
 * dnssec.chain on the Knot lab with an attacker in front (tamper-proxy.ts): a zone whose DNSKEY and SOA validate but
 * one RRset a check relies on is bogus, in each way a signature can be wrong; a signed zone whose parent is made to
 * deny its DS without a valid NSEC/NSEC3 proof (a forged downgrade); and names audited on their own inside a signed
 * and an unsigned zone. unbound, validating with the same trust anchor, is the independent judge that each tampered
 * scenario really is bogus (SERVFAIL) and each genuine one is not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DNS_CHECKS } from "../../../../audit/checks/dns";
import { createDnsClient, parseResolverAddress } from "../../../../audit/dns";
import { runAudit } from "../../../../audit/run";
import { parseTarget } from "../../../../audit/target";
import type { AuditReport, CheckResult, DnsRecordType } from "../../../../audit/types";
import { dnsLabAvailable, startDnsLab, type DnsLab, type LabZone, type Tamper } from "../../lab/dns";
import { labContext } from "./context";

const LE = "C=US, O=Let's Encrypt, CN=R11";

/** A zone with every RRset the audit reads: mail, its policies, CAA and web hosts. */
function full(origin: string, dnssec: LabZone["dnssec"], extra: readonly string[] = []): LabZone {
  const o = `${origin}.`;
  return {
    origin,
    dnssec,
    records: [
      ...extra,
      `${o} A 127.0.0.1`,
      `www.${o} A 127.0.0.1`,
      `app.${o} A 127.0.0.1`,
      `${o} MX 10 mail.${o}`,
      `mail.${o} A 127.0.0.1`,
      `${o} TXT "v=spf1 mx -all"`,
      `_dmarc.${o} TXT "v=DMARC1; p=reject; rua=mailto:dmarc@${origin}"`,
      `_mta-sts.${o} TXT "v=STSv1; id=1"`,
      `mta-sts.${o} A 127.0.0.1`,
      `_smtp._tls.${o} TXT "v=TLSRPTv1; rua=mailto:tls@${origin}"`,
      `${o} CAA 0 issue "letsencrypt.org"`,
    ],
  };
}

/** Each variant of "one RRset bogus, the zone's keys fine": [zone, RRset owner, type, how, what the reason says]. */
const BOGUS_RRSETS: ReadonlyArray<readonly [string, string, DnsRecordType, Tamper["how"], string]> = [
  ["dmarc.test", "_dmarc.dmarc.test", "TXT", "corrupt-signature", "the signature does not verify"],
  ["spf.test", "spf.test", "TXT", "strip-signature", "no RRSIG covers it"],
  ["mx.test", "mx.test", "MX", "expired", "expired"],
  ["caa.test", "caa.test", "CAA", "not-yet-valid", "not valid before"],
  ["web.test", "www.web.test", "A", "forge-data", "the signature does not verify"],
  ["sts.test", "_mta-sts.sts.test", "TXT", "expired", "expired"],
  ["rpt.test", "_smtp._tls.rpt.test", "TXT", "corrupt-signature", "the signature does not verify"],
  ["mxhost.test", "mail.mxhost.test", "A", "corrupt-signature", "the signature does not verify"],
];

/** Forged DS absences: [child zone, parent's denial style, how it is forged, what the reason says]. */
const FORGED_DOWNGRADES: ReadonlyArray<readonly [string, LabZone["dnssec"], Extract<Tamper, { type: "DS" }>["how"], string | RegExp]> = [
  ["strip.test", "signed", "deny-without-proof", "no signed NSEC or NSEC3 record proves it"],
  ["replay.test", "signed", "deny-replaying-nsec", "the NSEC at replay.test lists DS"],
  ["other.test", "signed", "deny-with-other-proof", "no NSEC at other.test (or covering it) proves that DS is absent"],
  ["sec.n3.test", "signed", "deny-without-proof", "no signed NSEC or NSEC3 record proves it"],
  // Knot salts NSEC3 afresh each start, so the other name's records either miss sec2's hash, cover it without
  // opt-out, or happen to include sec2's own NSEC3 (which lists DS): each is rejected.
  ["sec2.n3.test", "signed", "deny-with-other-proof", /none covers sec2\.n3\.test|no NSEC3 for sec2\.n3\.test, and the span covering it is not opt-out|the NSEC3 for sec2\.n3\.test lists DS/],
];

async function audit(lab: DnsLab, domains: readonly string[], address = lab.address): Promise<AuditReport> {
  const dns = createDnsClient({ resolvers: [parseResolverAddress(address)], timeoutMs: 1500 });
  return runAudit({
    targets: domains.map(parseTarget),
    modules: DNS_CHECKS,
    contextFor: (_t, signal) => ({ ...labContext(dns, { issuer: LE, trustAnchors: lab.trustAnchors }), signal }),
    concurrency: 4,
    deadlineMs: 20_000,
  });
}

function byId(report: AuditReport, domain: string): Record<string, CheckResult> {
  const d = report.domains.find((x) => x.domain === domain);
  return Object.fromEntries((d?.checks ?? []).map((c) => [c.id, c]));
}

describe.runIf(dnsLabAvailable({ validatingResolver: true }))("dnssec.chain validates every RRset the audit relies on (Knot lab, tampered)", () => {
  let lab: DnsLab;
  beforeAll(async () => {
    const tamper: Tamper[] = [
      ...BOGUS_RRSETS.map(([, owner, type, how]): Tamper => ({ owner, type, how } as Tamper)),
      ...FORGED_DOWNGRADES.map(([zone, , how]): Tamper => ({ owner: zone, type: "DS", how })),
      { owner: "_dmarc.soon.test", type: "TXT", how: "expiring" },
    ];
    lab = await startDnsLab(
      [
        // Subdomains aliased into another zone: CAA follows the alias, then climbs from the alias's own parent.
        full("good.test", "signed", ["cdn.good.test. CNAME edge.n3good.test.", "cdn2.good.test. CNAME caahost.n3good.test."]),
        full("n3good.test", "nsec3", ["edge.n3good.test. A 127.0.0.1", "caahost.n3good.test. A 127.0.0.1", 'caahost.n3good.test. CAA 0 issue "pki.goog"']),
        full("plain.test", "unsigned"),
        full("soon.test", "signed"),
        ...BOGUS_RRSETS.map(([zone]) => full(zone, zone === "caa.test" ? "nsec3" : "signed")),
        ...FORGED_DOWNGRADES.map(([zone, kind]) => full(zone, kind)),
        { origin: "n3.test", dnssec: "nsec3", records: [] },
        { origin: "insecure.n3.test", dnssec: "unsigned", records: [] },
        { origin: "oo.test", dnssec: "nsec3-optout", records: [] },
        { origin: "insecure.oo.test", dnssec: "unsigned", records: [] },
      ],
      { withValidatingResolver: true, tamper },
    );
  }, 60_000);
  afterAll(async () => {
    await lab?.stop();
  });

  it("passes genuine signed zones (NSEC and NSEC3), having validated each RRset and proven absence", async () => {
    const report = await audit(lab, ["good.test", "n3good.test"]);
    for (const d of ["good.test", "n3good.test"]) {
      const chain = byId(report, d)["dnssec.chain"];
      expect(chain).toMatchObject({ status: "pass", evidence: { outcome: "secure" } });
      const rrsets = chain?.evidence["rrsets"];
      expect(Array.isArray(rrsets) && rrsets.length).toBeGreaterThan(20);
      expect(JSON.stringify(rrsets)).toContain(`"rrset":"TXT _dmarc.${d}","status":"secure"`);
      // Absent RRsets (e.g. no AAAA, no DKIM selector) count only with their NSEC/NSEC3 proof.
      expect(JSON.stringify(rrsets)).toMatch(d === "good.test" ? /NODATA, proven by NSEC/ : /proven by NSEC3/);
      expect(byId(report, d)["dnssec.sig_expiry"]?.status).toBe("pass");
    }
  });

  it.each(BOGUS_RRSETS)("fails %s: %s %s is bogus (%s) while its DNSKEY and SOA validate, naming the RRset", async (zone, owner, type, _how, why) => {
    const report = await audit(lab, [zone]);
    const chain = byId(report, zone)["dnssec.chain"];
    expect(chain).toMatchObject({ status: "fail", evidence: { outcome: "bogus-rrset" } });
    expect(chain?.summary).toContain(`${type} ${owner}: `);
    expect(chain?.summary).toContain(why);
    // The independent validator agrees: unbound refuses that RRset and still serves the rest of the zone.
    const unbound = createDnsClient({ resolvers: [parseResolverAddress(lab.resolverAddress ?? "")], timeoutMs: 1500, tries: 1 });
    expect(await unbound.query(owner, type)).toMatchObject({ kind: "error", reason: expect.stringContaining("SERVFAIL") });
    expect(await unbound.query(zone, "SOA")).toMatchObject({ kind: "answer", authenticated: true });
  });

  it.each(FORGED_DOWNGRADES)("fails %s when its signed parent (%s) is made to deny the DS by %s: no silent downgrade", async (zone, _kind, _how, why) => {
    const report = await audit(lab, [zone]);
    const chain = byId(report, zone)["dnssec.chain"];
    expect(chain).toMatchObject({ status: "fail", evidence: { outcome: "bogus" } });
    expect(chain?.summary).toContain(`DS ${zone}: `);
    expect(chain?.summary).toContain("does not prove it");
    expect(chain?.summary).toMatch(typeof why === "string" ? new RegExp(why.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : why);
    const unbound = createDnsClient({ resolvers: [parseResolverAddress(lab.resolverAddress ?? "")], timeoutMs: 1500, tries: 1 });
    expect(await unbound.query(zone, "SOA")).toMatchObject({ kind: "error", reason: expect.stringContaining("SERVFAIL") });
  });

  it.each([
    ["plain.test", "NSEC plain.test lists only NS"],
    ["insecure.n3.test", "NSEC3"],
    ["insecure.oo.test", "NSEC3 opt-out span"],
  ])("warns (insecure, never bogus) on %s, an unsigned delegation its parent proves with %s", async (zone, how) => {
    const report = await audit(lab, [zone]);
    expect(byId(report, zone)["dnssec.chain"]).toMatchObject({ status: "warn", evidence: { outcome: "insecure" }, summary: expect.stringContaining(how) });
    const unbound = createDnsClient({ resolvers: [parseResolverAddress(lab.resolverAddress ?? "")], timeoutMs: 1500, tries: 1 });
    expect(await unbound.query(zone, "SOA")).toMatchObject({ kind: "answer", authenticated: false });
  });

  it("judges signature expiry over every relied-on RRset: a DMARC RRSIG expiring in 3 days warns by name while DNSKEY and SOA have two weeks", async () => {
    const checks = byId(await audit(lab, ["soon.test"]), "soon.test");
    expect(checks["dnssec.chain"]?.status).toBe("pass");
    expect(checks["dnssec.sig_expiry"]).toMatchObject({ status: "warn", summary: expect.stringMatching(/^the RRSIG over TXT _dmarc\.soon\.test expires in 3 days/) });
  });

  it("audits a name inside a signed zone on its own: the zone is found and said, the chain runs from its apex, its own RRsets are validated", async () => {
    const report = await audit(lab, ["app.good.test", "www.web.test"]);
    const app = byId(report, "app.good.test");
    expect(app["dns.resolve"]).toMatchObject({ status: "pass", summary: expect.stringContaining("app.good.test is in zone good.test"), evidence: { zone: "good.test" } });
    expect(app["dnssec.chain"]).toMatchObject({ status: "pass", summary: expect.stringContaining("app.good.test (in zone good.test)"), evidence: { zone: "good.test", name: "app.good.test" } });
    expect(JSON.stringify(app["dnssec.chain"]?.evidence["rrsets"])).toContain('"rrset":"A app.good.test","status":"secure"');
    expect(app["caa.present"]).toMatchObject({ status: "pass", evidence: { at: "good.test", climbed: ["app.good.test", "good.test"] } });
    // The subdomain's own A is the forged one: the zone validates, that RRset does not.
    const www = byId(report, "www.web.test")["dnssec.chain"];
    expect(www).toMatchObject({ status: "fail", evidence: { outcome: "bogus-rrset", zone: "web.test" } });
    expect(www?.summary).toContain("A www.web.test: ");
  });

  it("climbs CAA for an aliased subdomain as RFC 8659 §3 says: the alias target's CAA, else the subdomain's own parent, each hop validated", async () => {
    const report = await audit(lab, ["cdn.good.test", "cdn2.good.test"]);
    // The target edge.n3good.test has no CAA: the climb goes on at good.test, never at the target's parent n3good.test.
    expect(byId(report, "cdn.good.test")["caa.present"]).toMatchObject({ status: "pass", evidence: { at: "good.test", climbed: ["cdn.good.test", "good.test"], records: ['0 issue "letsencrypt.org"'] } });
    expect(byId(report, "cdn2.good.test")["caa.present"]).toMatchObject({ status: "pass", evidence: { at: "cdn2.good.test", records: ['0 issue "pki.goog"'] } });
    for (const d of ["cdn.good.test", "cdn2.good.test"]) {
      const chain = byId(report, d)["dnssec.chain"];
      expect(chain).toMatchObject({ status: "pass", evidence: { zone: "good.test" } });
      // The CAA lookup crosses zones: the CNAME is validated in good.test, the answer or its absence in n3good.test.
      expect(JSON.stringify(chain?.evidence["rrsets"])).toContain(`"rrset":"CAA ${d}","status":"secure","zone":"n3good.test"`);
    }
  });

  it("audits a name inside an unsigned zone on its own: insecure, with the zone named", async () => {
    const report = await audit(lab, ["app.plain.test"]);
    const app = byId(report, "app.plain.test");
    expect(app["dns.resolve"]).toMatchObject({ status: "pass", evidence: { zone: "plain.test" } });
    expect(app["dnssec.chain"]).toMatchObject({ status: "warn", evidence: { outcome: "insecure", zone: "plain.test" }, summary: expect.stringContaining("app.plain.test (in zone plain.test)") });
    expect(app["dnssec.sig_expiry"]).toMatchObject({ status: "skip", summary: "plain.test is not signed (see dnssec.chain)" });
  });

  it("judges the same through the validating resolver (CD set: the bogus data is still fetched and named)", async () => {
    const report = await audit(lab, ["dmarc.test", "strip.test", "good.test"], lab.resolverAddress);
    expect(byId(report, "dmarc.test")["dnssec.chain"]).toMatchObject({ status: "fail", evidence: { outcome: "bogus-rrset" } });
    expect(byId(report, "strip.test")["dnssec.chain"]).toMatchObject({ status: "fail", evidence: { outcome: "bogus" } });
    expect(byId(report, "good.test")["dnssec.chain"]).toMatchObject({ status: "pass", evidence: { resolverAuthenticated: true } });
  });
});
