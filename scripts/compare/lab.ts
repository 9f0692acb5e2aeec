/**
 * The lab `npm run compare` judges, and our verdicts on it: the Knot DNS lab (DNSSEC zones for dnsviz) and the email
 * lab (its zones, the MTA-STS policy server with lab certificates) in one Knot, with unbound validating for `test.`.
 * The web lab is started apart (`startWebLab`), as the Observatory and testssl.sh need it. Everything on loopback.
 */
import { createEmailChecks } from "../../audit/checks/email";
import { DKIM_CHECKS } from "../../audit/checks/email/dkim";
import { DNS_CHECKS } from "../../audit/checks/dns";
import { createDnsClient, parseResolverAddress } from "../../audit/dns";
import { createHttpClient } from "../../audit/http/client";
import { parseConnectTo } from "../../audit/http/connect-to";
import { createTlsProbe } from "../../audit/http/tls-probe";
import { runAudit } from "../../audit/run";
import { parseTarget } from "../../audit/target";
import type { AuditContext, CheckResult, ExpectedDomainState } from "../../audit/types";
import { startDnsLab, type DnsLab, type LabZone } from "../../test/audit/lab/dns";
import { createLabPki, type LabPki } from "../../test/audit/lab/pki";
import { startPolicyServer, type Running } from "../../test/audit/lab/email/servers";
import { BAD_POLICY, ENFORCE_WILDCARD_POLICY, EXPECTED, GOOD_MX, GOOD_POLICY, MTA_STS_HOSTS, TESTING_POLICY, UNCOVERED_MX, emailLabZones } from "../../test/audit/lab/email/zones";
import { labContext } from "../../test/audit/checks/dns/context";

/** DNSSEC states dnsviz and our dnssec.chain both judge (the DNS lab's kinds). */
export const DNSSEC_ZONES: readonly LabZone[] = [
  { origin: "signed.test", dnssec: "signed", records: ['signed.test. 300 IN TXT "v=spf1 -all"', "www.signed.test. 300 IN A 127.0.0.1"] },
  { origin: "nsec3.test", dnssec: "nsec3", records: ['nsec3.test. 300 IN TXT "v=spf1 -all"'] },
  { origin: "bogus.test", dnssec: "bogus", records: ['bogus.test. 300 IN TXT "v=spf1 -all"'] },
  { origin: "plain.test", dnssec: "unsigned", records: ['plain.test. 300 IN TXT "v=spf1 -all"'] },
  { origin: "unlinked.test", dnssec: "unlinked", records: ['unlinked.test. 300 IN TXT "v=spf1 -all"'] },
];

/** Zones that only serve others (a DKIM CNAME target, a report destination), not audited on their own. */
const HELPER_ZONES = new Set(["provider.test", "reports.test", "unauth.test"]);
/** Subdomains audited on their own: DMARC's organisational-domain fallback (RFC 7489 §6.6.3). */
const SUBDOMAIN_TARGETS = ["news.good.test", "app.dmarcbadp.test", "app.dmarcbadsp.test", "app.dmarcnop.test", "app.dmarcsub.test", "own.dmarcsub.test", "typo.dmarcsub.test"];

export interface CompareLab {
  readonly dns: DnsLab;
  readonly knot: { readonly host: string; readonly port: number };
  readonly pki: LabPki;
  readonly policyPort: number;
  readonly emailTargets: readonly string[];
  /** `selector._domainkey.domain` for every selector the email lab publishes on purpose. */
  readonly dkimKeys: ReadonlyArray<{ readonly domain: string; readonly selector: string }>;
  stop(): Promise<void>;
}

export async function startCompareLab(): Promise<CompareLab> {
  const zones = emailLabZones();
  const pki = await createLabPki({ hosts: [...MTA_STS_HOSTS, GOOD_MX, UNCOVERED_MX] });
  const servers: Running[] = [];
  let dns: DnsLab | undefined;
  try {
    dns = await startDnsLab([...zones, ...DNSSEC_ZONES], { withValidatingResolver: true });
    const valid = pki.valid;
    servers.push(
      await startPolicyServer(
        {
          "mta-sts.good.test": { status: 200, contentType: "text/plain; charset=utf-8", body: GOOD_POLICY, cert: valid },
          "mta-sts.stsenforce.test": { status: 200, contentType: "text/plain", body: ENFORCE_WILDCARD_POLICY, cert: valid },
          "mta-sts.ststesting.test": { status: 200, contentType: "text/html", body: TESTING_POLICY, cert: valid },
          "mta-sts.stsbad.test": { status: 200, contentType: "text/plain", body: BAD_POLICY, cert: valid },
          "mta-sts.stsredirect.test": { status: 301, location: "https://good.test/.well-known/mta-sts.txt", cert: valid },
          "mta-sts.stsexpired.test": { status: 200, contentType: "text/plain", body: GOOD_POLICY, cert: pki.expired },
        },
        valid,
      ),
    );
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    await dns?.stop();
    await pki.cleanup();
    throw err;
  }
  const [host, port] = dns.address.split(":");
  const dkimKeys = Object.entries(EXPECTED).flatMap(([domain, e]) => (e?.dkimSelectors ?? []).map((selector) => ({ domain, selector })));
  const started = dns;
  return {
    dns: started,
    knot: { host: host ?? "127.0.0.1", port: Number(port) },
    pki,
    policyPort: servers[0]?.port ?? 0,
    emailTargets: [...zones.map((z) => z.origin).filter((o) => !HELPER_ZONES.has(o)), ...SUBDOMAIN_TARGETS],
    dkimKeys,
    stop: async () => {
      await Promise.all(servers.map((s) => s.close()));
      await started.stop();
      await pki.cleanup();
    },
  };
}

export type Verdicts = Map<string, Map<string, CheckResult>>;

function byTarget(domains: ReadonlyArray<{ domain: string; checks: readonly CheckResult[] }>): Verdicts {
  return new Map(domains.map((d) => [d.domain, new Map(d.checks.map((c) => [c.id, c]))]));
}

/** Our email verdicts on every email target (expected state where the lab declares it; no SMTP probe). */
export async function ourEmailVerdicts(lab: CompareLab): Promise<Verdicts> {
  const dns = createDnsClient({ resolvers: [parseResolverAddress(lab.dns.address)], timeoutMs: 2000 });
  const web = { connectTo: [parseConnectTo(`:443:127.0.0.1:${lab.policyPort}`)], caPem: lab.pki.rootPem, timeoutMs: 5000, dns };
  const http = createHttpClient(web);
  const tls = createTlsProbe(web);
  try {
    const report = await runAudit({
      targets: lab.emailTargets.map(parseTarget),
      modules: createEmailChecks(),
      concurrency: 4,
      deadlineMs: 120_000,
      contextFor: (t, signal): AuditContext => {
        const expected = EXPECTED[t.name];
        return { dns, http, tls, ...(expected ? { expected } : {}), probes: new Set(), now: () => new Date(), signal };
      },
    });
    return byTarget(report.domains);
  } finally {
    await http.close();
  }
}

/** Our DKIM verdicts per key, as if each selector were the only one configured: `selector._domainkey.domain`. */
export async function ourDkimVerdicts(lab: CompareLab): Promise<Verdicts> {
  const dns = createDnsClient({ resolvers: [parseResolverAddress(lab.dns.address)], timeoutMs: 2000 });
  const out: Verdicts = new Map();
  for (const { domain, selector } of lab.dkimKeys) {
    const base: ExpectedDomainState = EXPECTED[domain] ?? { sending: true, dkimSelectors: [], mxHosts: [], caaIssuers: [], aliases: [], endpoints: {} };
    const report = await runAudit({
      targets: [parseTarget(domain)],
      modules: [DKIM_CHECKS],
      concurrency: 1,
      deadlineMs: 30_000,
      contextFor: (_t, signal): AuditContext => ({ ...labContext(dns), expected: { ...base, dkimSelectors: [selector] }, signal }),
    });
    const checks = report.domains[0]?.checks ?? [];
    out.set(`${selector}._domainkey.${domain}`, new Map(checks.map((c) => [c.id, c])));
  }
  return out;
}

/** Our DNS verdicts (dnssec.chain and friends) on the DNSSEC zones, validating from the lab's `test.` anchor. */
export async function ourDnsVerdicts(lab: CompareLab): Promise<Verdicts> {
  const dns = createDnsClient({ resolvers: [parseResolverAddress(lab.dns.address)], timeoutMs: 2000 });
  const report = await runAudit({
    targets: DNSSEC_ZONES.map((z) => parseTarget(z.origin)),
    modules: DNS_CHECKS,
    concurrency: 4,
    deadlineMs: 60_000,
    contextFor: (_t, signal): AuditContext => ({ ...labContext(dns, { trustAnchors: lab.dns.trustAnchors }), signal }),
  });
  return byTarget(report.domains);
}
