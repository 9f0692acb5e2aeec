/**
 * `launch-ready init` against the loopback lab: Knot serves `init.test` (apex and www on the lab's web server, mail
 * through Google Workspace and SendGrid, a DMARC record in monitoring mode, no CAA, unsigned), a fixture answers
 * the providers' own names outside `test.` (Google's and SendGrid's SPF includes, SendGrid's DKIM keys, Google's
 * MX), and the lab's HTTPS server serves both hosts without HSTS or redirects. init writes a stack whose offline
 * preview passes every check the live audit fails, and which keeps both senders and the live DKIM keys.
 */
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDnsClient, parseResolverAddress } from "../../../audit/dns";
import { parseConnectTo } from "../../../audit/http/connect-to";
import { parseTarget } from "../../../audit/target";
import type { DnsClient } from "../../../audit/types";
import { INIT_JSON } from "../../../cli/init/json-contract";
import { runInit } from "../../../cli/init/run";
import { fakeDns } from "../../audit/checks/email/fakes";
import { dnsLabAvailable, startDnsLab, type DnsLab } from "../../audit/lab/dns";
import { txt } from "../../audit/lab/email/zones";
import { createLabPki, type LabPki } from "../../audit/lab/pki";
import { labPkiAvailable } from "../../audit/lab/pki/available";
import { tempDir } from "../../helpers/temp-dir";
import { startLabSite, type LabSite } from "./lab-site";

const D = "init.test";
const key = () => generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "der" }).toString("base64");
const GOOGLE_KEY = key();
const SENDGRID_KEY = key();

const ZONE = [
  `${D}. 300 IN A 127.0.0.1`,
  `www.${D}. 300 IN A 127.0.0.1`,
  `${D}. 300 IN MX 1 smtp.google.com.`,
  txt(`${D}.`, "v=spf1 include:_spf.google.com include:sendgrid.net ~all"),
  txt(`${D}.`, "google-site-verification=lab"),
  txt(`_dmarc.${D}.`, `v=DMARC1; p=none; rua=mailto:dmarc-reports@${D}`),
  txt(`google._domainkey.${D}.`, `v=DKIM1; k=rsa; p=${GOOGLE_KEY}`),
  `s1._domainkey.${D}. 300 IN CNAME s1.domainkey.u42.wl.sendgrid.net.`,
  `s2._domainkey.${D}. 300 IN CNAME s2.domainkey.u42.wl.sendgrid.net.`,
];

/** The providers' names, outside the lab's `test.`: SPF includes with a lookup cost like the real ones. */
const PROVIDERS = fakeDns({
  "_spf.google.com": { TXT: ["v=spf1 include:_netblocks.google.com ~all"] },
  "_netblocks.google.com": { TXT: ["v=spf1 ip4:192.0.2.0/25 ~all"] },
  "sendgrid.net": { TXT: ["v=spf1 ip4:198.51.100.0/24 ~all"] },
  "smtp.google.com": { A: ["127.0.0.1"] },
  "s1.domainkey.u42.wl.sendgrid.net": { TXT: [`v=DKIM1; k=rsa; p=${SENDGRID_KEY}`] },
  "s2.domainkey.u42.wl.sendgrid.net": { TXT: [`v=DKIM1; k=rsa; p=${SENDGRID_KEY}`] },
});

describe.runIf(dnsLabAvailable() && labPkiAvailable())("launch-ready init on a lab domain with two recognised senders and www + apex", () => {
  let lab: DnsLab;
  let pki: LabPki;
  let site: LabSite;
  let tmp: ReturnType<typeof tempDir>;
  let dir = "";
  let out = "";
  let err = "";
  let code = -1;

  beforeAll(async () => {
    tmp = tempDir("init-lab");
    dir = tmp.dir;
    pki = await createLabPki({ hosts: [D, `www.${D}`] });
    lab = await startDnsLab([{ origin: D, dnssec: "unsigned", records: ZONE }]);
    site = await startLabSite(pki.valid);
    const knot = createDnsClient({ resolvers: [parseResolverAddress(lab.address)], timeoutMs: 1000 });
    const dns: DnsClient = { query: (name, type) => (name === "test" || name.endsWith(".test") ? knot.query(name, type) : PROVIDERS.query(name, type)) };
    code = await runInit({
      target: parseTarget(D),
      stack: "prod",
      file: join(dir, "Pulumi.prod.yaml"),
      force: false,
      json: true,
      resolvers: [],
      connectTo: [parseConnectTo(`:443:127.0.0.1:${site.httpsPort}`), parseConnectTo(`:80:127.0.0.1:${site.httpPort}`)],
      caPem: pki.rootPem,
      timeoutMs: 3000,
      deadlineMs: 60_000,
      trustAnchors: lab.trustAnchors,
      dns,
      stdout: (s) => void (out += s),
      stderr: (s) => void (err += s),
    });
  }, 120_000);

  afterAll(async () => {
    await site?.close();
    await lab?.stop();
    await pki?.cleanup();
    tmp?.cleanup();
  });

  it("writes the stack and prints one --json document naming it", () => {
    expect(err).toBe("");
    const doc = INIT_JSON.parse(JSON.parse(out));
    expect(doc.file).toMatch(/Pulumi\.prod\.yaml$/);
    expect(code).toBe(0);
    expect(doc.blocked).toBe(false);
  });

  it("the new stack's offline preview passes every check the live audit fails", () => {
    const doc = INIT_JSON.parse(JSON.parse(out));
    const failing = doc.checks.filter((c) => c.live === "fail");
    // The lab site was built to fail these live: the test is only as good as the failures it starts from.
    expect(failing.map((c) => c.id)).toEqual(expect.arrayContaining(["dmarc.policy", "web.redirect_first_hop", "web.redirect_hops", "hsts.present"]));
    expect(failing.filter((c) => c.plan !== "pass").map((c) => `${c.id}: plan ${c.plan ?? "not judged"}`)).toEqual([]);
  });

  it("fixes the live warnings it can (CAA, SPF's all, MTA-STS); DNSSEC still waits for the DS at the registrar", () => {
    const doc = INIT_JSON.parse(JSON.parse(out));
    const warned = doc.checks.filter((c) => c.live === "warn");
    expect(warned.map((c) => c.id)).toEqual(expect.arrayContaining(["caa.present", "spf.all", "mtasts.record"]));
    expect(warned.filter((c) => c.plan !== "pass").map((c) => c.id)).toEqual(["dnssec.chain"]);
  });

  it("keeps both senders, the live DKIM keys, the MX and the DMARC rua, with a comment on where each came from", () => {
    const text = readFileSync(join(dir, "Pulumi.prod.yaml"), "utf8");
    const config = (parse(text) as { config: Record<string, unknown> }).config;
    const domain = (config["launch-ready:domains"] as Record<string, unknown>[])[0] as { email: { senders: unknown[]; dmarc: { rua: string[]; policy: string } }; web: Record<string, unknown>; dns: { records: unknown[] } };
    expect(domain.email.senders).toEqual([
      { provider: "google-workspace", dkim: { selector: "google", publicKey: GOOGLE_KEY } },
      { provider: "sendgrid", dkim: [{ selector: "s1", target: "s1.domainkey.u42.wl.sendgrid.net" }, { selector: "s2", target: "s2.domainkey.u42.wl.sendgrid.net" }] },
    ]);
    expect(domain.email.dmarc).toEqual({ policy: "quarantine", rua: [`mailto:dmarc-reports@${D}`] });
    expect(domain.dns.records).toEqual([{ name: D, type: "MX", content: "smtp.google.com", priority: 1 }]);
    expect(domain.web["origin"]).toBe("127.0.0.1");
    expect(domain.web["canonicalHost"]).toBe(D);
    expect(domain.web["aliases"]).toEqual([`www.${D}`]);
    expect(text).toContain("# seen: SPF include:_spf.google.com");
    expect(text).toContain("# seen: SPF include:sendgrid.net");
    expect(text).toContain(`# seen: _dmarc p=none; fixes dmarc.policy`);
    expect(text).toContain(`# seen: ${D} A 127.0.0.1`);
  });
});
