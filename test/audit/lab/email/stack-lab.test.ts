/**
 * The example stack's mail, provisioned in the loopback lab and audited as `launch-ready audit --stack` does: the
 * records the offline run plans for the example's `email` section (on `stack.test`, since the lab serves only
 * `test.`), as after apply, are served by Knot; the MTA-STS policy the planned Worker embeds is served over HTTPS
 * with a lab certificate; the MX answers STARTTLS. The providers' own records (Google's SPF includes, SES's DKIM
 * keys) sit outside the lab's zones and are stood in by a fixture, at the nested cost the planner's table says.
 * Every email check passes.
 */
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmailChecks } from "../../../../audit/checks/email";
import { createDnsClient, parseResolverAddress } from "../../../../audit/dns";
import { expectedFromDomain } from "../../../../audit/expected/from-spec";
import { parseConnectTo } from "../../../../audit/http/connect-to";
import { createHttpClient } from "../../../../audit/http/client";
import { createTlsProbe } from "../../../../audit/http/tls-probe";
import { runAudit } from "../../../../audit/run/run-audit";
import { createStartTlsProbe } from "../../../../audit/smtp";
import { parseTarget } from "../../../../audit/target";
import type { CheckResult, DnsClient } from "../../../../audit/types";
import { validateConfig } from "../../../../config/validate";
import type { CheckId } from "../../../../checklist";
import { txtValue } from "../../../../core/dns/txt";
import type { OfflineRun } from "../../../../engine/run";
import { plannedMail, servedPolicy } from "../../../../policy/rules/support/email";
import { fakeDns } from "../../checks/email/fakes";
import { runStack, stackVariant } from "../../../stacks/support/run-stack";
import { dnsLabAvailable, startDnsLab, type DnsLab } from "../dns";
import { createLabPki, type LabPki } from "../pki";
import { labPkiAvailable } from "../pki/available";
import { startPolicyServer, startSmtpServer, type Running } from "./servers";
import { txt } from "./zones";

const DOMAIN = "stack.test";
const DNS = "cloudflare:index/dnsRecord:DnsRecord";
const KEY = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "der" }).toString("base64");

/** The example stack with its first domain replaced by `stack.test` carrying the example's `email` section. */
function exampleMailOnLab() {
  return stackVariant("example", "lab-mail", (domains) => {
    const d: unknown = domains[0];
    if (typeof d !== "object" || d === null) throw new Error("no domain");
    const email = JSON.parse(JSON.stringify(Reflect.get(d, "email")).replaceAll("acme.example", DOMAIN)) as unknown;
    domains.splice(0, domains.length, { name: DOMAIN, cloudflare: { zoneId: "5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d" }, email });
  });
}

/** The zone file lines of every record the run plans under the domain, as Cloudflare would serve them. */
function zoneLines(run: OfflineRun): string[] {
  const lines: string[] = [];
  for (const r of run.resources.filter((x) => x.type === DNS)) {
    const name = `${String(r.inputs["name"])}.`;
    const content = String(r.inputs["content"] ?? "");
    if (r.inputs["type"] === "TXT") lines.push(txt(name, txtValue(content)));
    else if (r.inputs["type"] === "MX") lines.push(`${name} 300 IN MX ${Number(r.inputs["priority"] ?? 0)} ${content}.`);
    else if (r.inputs["type"] === "CNAME") lines.push(`${name} 300 IN CNAME ${content}.`);
  }
  // The Worker's custom domain: Cloudflare answers for mta-sts.<domain> itself; the lab points it at the policy server.
  lines.push(`mta-sts.${DOMAIN}. 300 IN A 127.0.0.1`);
  return lines;
}

/** The providers' records, outside `test.`: Google's SPF include tree (4 lookups), SES's DKIM keys, Google's MX. */
function providers(run: OfflineRun): DnsClient {
  const sesTargets = run.resources.filter((r) => r.type === DNS && String(r.inputs["content"] ?? "").endsWith(".dkim.amazonses.com")).map((r) => String(r.inputs["content"]));
  return fakeDns({
    "_spf.google.com": { TXT: ["v=spf1 include:_netblocks.google.com include:_netblocks2.google.com include:_netblocks3.google.com ~all"] },
    "_netblocks.google.com": { TXT: ["v=spf1 ip4:192.0.2.0/25 ~all"] },
    "_netblocks2.google.com": { TXT: ["v=spf1 ip6:2001:db8::/32 ~all"] },
    "_netblocks3.google.com": { TXT: ["v=spf1 ip4:192.0.2.128/25 ~all"] },
    "amazonses.com": { TXT: ["v=spf1 ip4:198.51.100.0/24 -all"] },
    "smtp.google.com": { A: ["127.0.0.1"] },
    ...Object.fromEntries(sesTargets.map((t) => [t, { TXT: [`p=${KEY}`] }])),
  });
}

describe.runIf(dnsLabAvailable() && labPkiAvailable())("the example stack's planned mail, provisioned in the lab and audited with --stack", () => {
  let pki: LabPki;
  let lab: DnsLab;
  let servers: Running[] = [];
  const results = new Map<CheckId, CheckResult>();
  let planned: readonly string[] = [];

  beforeAll(async () => {
    const stack = exampleMailOnLab();
    const { run } = await runStack(stack, false);
    expect(run.errors).toEqual([]);
    const mail = plannedMail(run.resources)[0];
    const served = mail ? servedPolicy(run.resources, mail) : undefined;
    if (mail === undefined || served === undefined) throw new Error("the example's email plans no MTA-STS Worker");
    planned = zoneLines(run);
    pki = await createLabPki({ hosts: [`mta-sts.${DOMAIN}`, "smtp.google.com"] });
    lab = await startDnsLab([{ origin: DOMAIN, dnssec: "unsigned", records: planned }]);
    const policy = await startPolicyServer({ [`mta-sts.${DOMAIN}`]: { status: 200, contentType: served.contentType, body: served.policy, cert: pki.valid } }, pki.valid);
    const smtp = await startSmtpServer(pki.valid);
    servers = [policy, smtp];

    const knot = createDnsClient({ resolvers: [parseResolverAddress(lab.address)], timeoutMs: 1000 });
    const outside = providers(run);
    const dns: DnsClient = { query: (name, type) => (name === "test" || name.endsWith(".test") ? knot.query(name, type) : outside.query(name, type)) };
    const webOpts = { connectTo: [parseConnectTo(`:443:127.0.0.1:${policy.port}`)], caPem: pki.rootPem, timeoutMs: 3000, dns };
    const http = createHttpClient(webOpts);
    const tls = createTlsProbe(webOpts);
    const smtpProbe = createStartTlsProbe({ connectTo: [parseConnectTo(`smtp.google.com:25:127.0.0.1:${smtp.port}`)], caPem: pki.rootPem, timeoutMs: 3000 });
    // `--stack`: the expected state the auditor reads from the same stack file.
    const spec = validateConfig(stack.config).value;
    const domainSpec = spec?.domains.find((d) => d.name === DOMAIN);
    if (domainSpec === undefined) throw new Error("the lab stack does not validate");
    const expected = expectedFromDomain(domainSpec);
    const report = await runAudit({
      targets: [parseTarget(DOMAIN)],
      modules: createEmailChecks({ smtpProbe }),
      contextFor: (_t, signal) => ({ dns, http, tls, expected, probes: new Set(["smtp"] as const), now: () => new Date(), signal }),
      concurrency: 1,
      deadlineMs: 60_000,
    });
    await http.close();
    for (const c of report.domains[0]?.checks ?? []) results.set(c.id, c);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await lab?.stop();
    await pki?.cleanup();
  });

  it("serves the planned records: SPF, DMARC, Google's MX and key, SES's DKIM CNAMEs and MAIL FROM, MTA-STS, TLS-RPT", () => {
    const text = planned.join("\n");
    expect(text).toContain(`${DOMAIN}. 300 IN TXT "v=spf1 include:_spf.google.com ~all"`);
    expect(text).toMatch(/_domainkey\.stack\.test\. 300 IN CNAME [a-z]{32}\.dkim\.amazonses\.com\./);
    expect(text).toContain(`mail.${DOMAIN}. 300 IN MX 10 feedback-smtp.eu-west-1.amazonses.com.`);
    expect(text).toContain(`_mta-sts.${DOMAIN}. 300 IN TXT "v=STSv1; id=`);
  });

  it("passes every email check (spf.parked does not apply to a sending domain)", () => {
    const notPassing = [...results.values()].filter((r) => r.status !== "pass" && !(r.id === "spf.parked" && r.status === "skip"));
    expect(notPassing.map((r) => `${r.id}: ${r.status}: ${r.summary}`)).toEqual([]);
    expect(results.size).toBe(28);
  });
});
