/**
 * The email checks end to end: Knot serves real zones, the core's DNS client asks it, the web engineer's HTTP
 * client and TLS probe fetch MTA-STS policies from an HTTPS server with lab certificates, and the STARTTLS probe
 * talks to smtp-server. Everything on loopback; every email ID has a passing and a failing scenario here (two have
 * no reachable fail state, named below).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmailChecks } from "../../../../audit/checks/email";
import { createDnsClient, parseResolverAddress } from "../../../../audit/dns";
import { parseConnectTo } from "../../../../audit/http/connect-to";
import { createHttpClient } from "../../../../audit/http/client";
import { createTlsProbe } from "../../../../audit/http/tls-probe";
import { runAudit } from "../../../../audit/run/run-audit";
import { createStartTlsProbe } from "../../../../audit/smtp";
import { parseTarget } from "../../../../audit/target";
import type { AuditReport, AuditStatus, CheckResult } from "../../../../audit/types";
import { CHECKS, isCheckId, type CheckId } from "../../../../checklist";
import { dnsLabAvailable, startDnsLab, type DnsLab } from "../dns";
import { createLabPki, type LabPki } from "../pki";
import { labPkiAvailable } from "../pki/available";
import { startPolicyServer, startSmtpServer, type Running } from "./servers";
import { BAD_POLICY, ENFORCE_WILDCARD_POLICY, EXPECTED, GOOD_MX, GOOD_POLICY, MTA_STS_HOSTS, TESTING_POLICY, UNCOVERED_MX, emailLabZones } from "./zones";

/** [domain, check, expected verdict]: the lab's scenarios. */
const SCENARIOS: readonly (readonly [string, CheckId, AuditStatus])[] = [
  // A good sending domain, audited with its expected state and the SMTP probe: everything passes.
  ...(["spf.record", "spf.syntax", "spf.lookups", "spf.void_lookups", "spf.mx_addresses", "spf.all", "spf.loop", "spf.size"] as const).map((id) => ["good.test", id, "pass"] as const),
  ...(["dmarc.record", "dmarc.syntax", "dmarc.policy", "dmarc.subdomain_policy", "dmarc.pct", "dmarc.rua", "dmarc.rua_authorized"] as const).map((id) => ["good.test", id, "pass"] as const),
  ...(["dkim.selector", "dkim.syntax", "dkim.key_strength", "dkim.revoked"] as const).map((id) => ["good.test", id, "pass"] as const),
  ...(["mtasts.record", "mtasts.policy_fetch", "mtasts.policy_syntax", "mtasts.mx_coverage", "mtasts.mx_tls", "tlsrpt.record", "mx.records", "mx.null"] as const).map((id) => ["good.test", id, "pass"] as const),
  ["good.test", "spf.parked", "skip"],
  // Parked: discovered from null MX + v=spf1 -all; and a declared-parked domain that still looks like a sender.
  ["parked.test", "spf.parked", "pass"],
  ["parked.test", "mx.null", "pass"],
  ["parked.test", "mx.records", "skip"],
  ["parked.test", "mtasts.record", "skip"],
  ["parkedbad.test", "spf.parked", "fail"],
  ["parkedbad.test", "mx.null", "fail"],
  // SPF failures.
  ["lookups.test", "spf.lookups", "fail"],
  ["voids.test", "spf.void_lookups", "fail"],
  ["voids.test", "spf.syntax", "fail"],
  ["loop.test", "spf.loop", "fail"],
  ["twospf.test", "spf.record", "fail"],
  ["sloppy.test", "spf.syntax", "fail"],
  ["sloppy.test", "spf.all", "fail"],
  ["sloppy.test", "spf.mx_addresses", "fail"],
  ["sloppy.test", "spf.size", "warn"],
  ["sloppy.test", "mx.records", "fail"],
  // DMARC.
  ["nodmarc.test", "dmarc.record", "fail"],
  ["nodmarc.test", "dmarc.policy", "fail"],
  ["news.good.test", "dmarc.record", "warn"],
  ["dmarcnone.test", "dmarc.policy", "fail"],
  ["dmarcnone.test", "dmarc.syntax", "warn"],
  ["dmarcnone.test", "dmarc.pct", "warn"],
  ["dmarcnone.test", "dmarc.rua", "warn"],
  ["dmarcbad.test", "dmarc.syntax", "fail"],
  ["dmarcbad.test", "dmarc.subdomain_policy", "fail"],
  ["dmarcbad.test", "dmarc.rua_authorized", "fail"],
  ["norua.test", "dmarc.rua", "fail"],
  // DMARC: the policy receivers apply (RFC 7489 §6.6.3 step 6), for the domain and for a subdomain inheriting it.
  ["dmarcbadp.test", "dmarc.policy", "fail"],
  ["dmarcbadp.test", "dmarc.subdomain_policy", "fail"],
  ["app.dmarcbadp.test", "dmarc.policy", "fail"],
  ["dmarcbadsp.test", "dmarc.policy", "fail"],
  ["dmarcbadsp.test", "dmarc.subdomain_policy", "fail"],
  ["app.dmarcbadsp.test", "dmarc.policy", "fail"],
  ["dmarcspnorua.test", "dmarc.policy", "fail"],
  ["dmarcspnorua.test", "dmarc.subdomain_policy", "fail"],
  ["dmarcnop.test", "dmarc.policy", "fail"],
  ["app.dmarcnop.test", "dmarc.policy", "fail"],
  // DMARC discovery for subdomains: the organisational record's sp, the subdomain's own, a discarded lookalike.
  ["app.dmarcsub.test", "dmarc.record", "warn"],
  ["app.dmarcsub.test", "dmarc.policy", "pass"],
  ["own.dmarcsub.test", "dmarc.record", "pass"],
  ["own.dmarcsub.test", "dmarc.policy", "pass"],
  ["typo.dmarcsub.test", "dmarc.record", "fail"],
  ["typo.dmarcsub.test", "dmarc.policy", "pass"],
  ["dmarcsub.test", "dmarc.policy", "pass"],
  // DKIM key tags: h=sha1, s=tlsrpt, an ed25519 SubjectPublicKeyInfo, k=dsa fail; h=sha1:sha256, s=email, t=s pass.
  ["dkimtags.test", "dkim.syntax", "fail"],
  ["dkimtags.test", "dkim.key_strength", "fail"],
  ["dkimok.test", "dkim.syntax", "pass"],
  ["dkimok.test", "dkim.key_strength", "pass"],
  // DKIM with configured selectors: one missing, one invalid, one 512-bit, one revoked.
  ["dkimweak.test", "dkim.selector", "fail"],
  ["dkimweak.test", "dkim.syntax", "fail"],
  ["dkimweak.test", "dkim.key_strength", "fail"],
  ["dkimweak.test", "dkim.revoked", "fail"],
  ["nodmarc.test", "dkim.selector", "info"],
  // MTA-STS and TLS-RPT.
  ["nodmarc.test", "mtasts.record", "warn"],
  ["nodmarc.test", "tlsrpt.record", "info"],
  ["stsdup.test", "mtasts.record", "fail"],
  ["stsredirect.test", "mtasts.policy_fetch", "fail"],
  ["stsexpired.test", "mtasts.policy_fetch", "fail"],
  ["ststesting.test", "mtasts.policy_fetch", "warn"],
  ["ststesting.test", "mtasts.policy_syntax", "warn"],
  ["ststesting.test", "mtasts.mx_coverage", "pass"],
  ["stsbad.test", "mtasts.policy_syntax", "fail"],
  ["stsenforce.test", "mtasts.policy_fetch", "pass"],
  ["stsenforce.test", "mtasts.mx_coverage", "fail"],
  ["stsenforce.test", "mtasts.mx_tls", "fail"],
  ["stsenforce.test", "tlsrpt.record", "warn"],
  ["tlsrptbad.test", "tlsrpt.record", "fail"],
  // MX.
  ["nullmix.test", "mx.null", "fail"],
  ["cnamemx.test", "mx.records", "fail"],
];

/**
 * IDs whose fail state cannot occur on the wire: a TXT string cannot exceed 255 bytes (RFC 1035 §3.3.14), and
 * CHECKS.md gives dmarc.pct no fail state. Their worst reachable verdict is `warn`, which the lab shows.
 */
const NO_REACHABLE_FAIL: readonly CheckId[] = ["spf.size", "dmarc.pct"];

describe.runIf(dnsLabAvailable() && labPkiAvailable())("email checks against the loopback lab (Knot, HTTPS, SMTP)", () => {
  let pki: LabPki;
  let lab: DnsLab;
  let servers: Running[] = [];
  let report: AuditReport;
  const byDomain = new Map<string, Map<CheckId, CheckResult>>();

  beforeAll(async () => {
    pki = await createLabPki({ hosts: [...MTA_STS_HOSTS, GOOD_MX, UNCOVERED_MX] });
    lab = await startDnsLab(emailLabZones());
    const valid = pki.valid;
    const policy = await startPolicyServer(
      {
        "mta-sts.good.test": { status: 200, contentType: "text/plain; charset=utf-8", body: GOOD_POLICY, cert: valid },
        "mta-sts.stsenforce.test": { status: 200, contentType: "text/plain", body: ENFORCE_WILDCARD_POLICY, cert: valid },
        "mta-sts.ststesting.test": { status: 200, contentType: "text/html", body: TESTING_POLICY, cert: valid },
        "mta-sts.stsbad.test": { status: 200, contentType: "text/plain", body: BAD_POLICY, cert: valid },
        "mta-sts.stsredirect.test": { status: 301, location: "https://good.test/.well-known/mta-sts.txt", cert: valid },
        "mta-sts.stsexpired.test": { status: 200, contentType: "text/plain", body: GOOD_POLICY, cert: pki.expired },
      },
      valid,
    );
    const goodSmtp = await startSmtpServer(valid);
    const wrongHostSmtp = await startSmtpServer(pki.wrongHost);
    servers = [policy, goodSmtp, wrongHostSmtp];

    const dns = createDnsClient({ resolvers: [parseResolverAddress(lab.address)], timeoutMs: 1000 });
    const webOpts = { connectTo: [parseConnectTo(`:443:127.0.0.1:${policy.port}`)], caPem: pki.rootPem, timeoutMs: 3000, dns };
    const http = createHttpClient(webOpts);
    const tls = createTlsProbe(webOpts);
    const smtpProbe = createStartTlsProbe({
      connectTo: [parseConnectTo(`${GOOD_MX}:25:127.0.0.1:${goodSmtp.port}`), parseConnectTo(`${UNCOVERED_MX}:25:127.0.0.1:${wrongHostSmtp.port}`)],
      caPem: pki.rootPem,
      timeoutMs: 3000,
    });
    const domains = [...new Set(SCENARIOS.map(([d]) => d))];
    report = await runAudit({
      targets: domains.map(parseTarget),
      modules: createEmailChecks({ smtpProbe }),
      contextFor: (t, signal) => {
        const expected = EXPECTED[t.name];
        return { dns, http, tls, ...(expected ? { expected } : {}), probes: new Set(["smtp"] as const), now: () => new Date(), signal };
      },
      concurrency: 4,
      deadlineMs: 60_000,
    });
    await http.close();
    for (const d of report.domains) byDomain.set(d.domain, new Map(d.checks.map((c) => [c.id, c])));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await lab?.stop();
    await pki?.cleanup();
  });

  it.each(SCENARIOS)("%s: %s is %s", (domain, id, status) => {
    const r = byDomain.get(domain)?.get(id);
    expect(r, `no ${id} result for ${domain}`).toBeDefined();
    expect({ status: r?.status, summary: r?.summary }).toMatchObject({ status });
  });

  it("gives every email ID a passing and a failing lab scenario", () => {
    const emailIds = Object.values(CHECKS).filter((c) => c.row === "email-auth").map((c) => c.id).filter(isCheckId);
    for (const id of emailIds) {
      expect([id, SCENARIOS.some(([, i, s]) => i === id && s === "pass")]).toEqual([id, true]);
      const worst = NO_REACHABLE_FAIL.includes(id) ? "warn" : "fail";
      expect([id, SCENARIOS.some(([, i, s]) => i === id && s === worst)]).toEqual([id, true]);
    }
  });

  it("shows what was seen: the SPF include tree with counts, the policy URL and status, the probe's certificate", () => {
    const lookups = byDomain.get("lookups.test")?.get("spf.lookups");
    expect(lookups?.summary).toContain("11 DNS lookups");
    expect(JSON.stringify(lookups?.evidence)).toContain("i10.lookups.test");
    expect(byDomain.get("stsredirect.test")?.get("mtasts.policy_fetch")?.evidence).toMatchObject({ status: 301, location: "https://good.test/.well-known/mta-sts.txt" });
    expect(byDomain.get("stsenforce.test")?.get("mtasts.mx_tls")?.summary).toContain("ERR_TLS_CERT_ALTNAME_INVALID");
    expect(byDomain.get("stsexpired.test")?.get("mtasts.policy_fetch")?.summary).toContain("CERT_HAS_EXPIRED");
  });

  it("names every unusable DKIM key and why, and what DMARC policy receivers apply", () => {
    const unusable = JSON.stringify(byDomain.get("dkimtags.test")?.get("dkim.syntax")?.evidence);
    for (const why of ["h=sha1 excludes sha256", "s=tlsrpt does not include email", "32-byte", "k=dsa"]) expect(unusable).toContain(why);
    expect(byDomain.get("dmarcbadsp.test")?.get("dmarc.policy")).toMatchObject({ evidence: { effectivePolicy: "none", appliedAs: "fallback" } });
    expect(byDomain.get("dmarcspnorua.test")?.get("dmarc.policy")).toMatchObject({ evidence: { appliedAs: "ignored" } });
    expect(byDomain.get("app.dmarcsub.test")?.get("dmarc.policy")).toMatchObject({ evidence: { effectivePolicy: "quarantine", appliedTag: "sp", domain: "_dmarc.dmarcsub.test" } });
  });

  it("reports nothing as error on healthy lab answers, and counts in the JSON contract", () => {
    const good = [...(byDomain.get("good.test")?.values() ?? [])];
    expect(good.filter((c) => c.status === "error")).toEqual([]);
    const total = Object.values(report.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(report.domains.reduce((n, d) => n + d.checks.length, 0));
  });
});
