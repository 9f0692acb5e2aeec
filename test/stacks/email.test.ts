/**
 * The email slice through `npm start`'s path: the example, parked and custom-sender stacks preview with their mail
 * records, the SES identity, the MTA-STS Worker and every email check passing; and each "done when" defect fails
 * the matching check or the config validation, with a fix.
 */
import { generateKeyPairSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { CapturedResource } from "../../engine/capture";
import type { OfflineRun } from "../../engine/run";
import { validateConfig } from "../../config/validate";
import { PLAN_RULES } from "../../policy/rules";
import { buildScorecard, type Scorecard } from "../../policy/scorecard";
import { readStack, runStack, stackVariant } from "./support/run-stack";

const DNS = "cloudflare:index/dnsRecord:DnsRecord";
const emailChecks = (s: Scorecard) => s.checks.filter((c) => /^(spf|dkim|dmarc|mtasts|tlsrpt|mx)\./.test(c.id));
const row = (s: Scorecard) => s.rows.find((r) => r.row === "email-auth");
const records = (run: OfflineRun, name: string): CapturedResource[] => run.resources.filter((r) => r.type === DNS && r.inputs["name"] === name);
const contentAt = (run: OfflineRun, name: string, type: string): string[] => records(run, name).filter((r) => r.inputs["type"] === type).map((r) => String(r.inputs["content"]));
const key = (bits: number): string => generateKeyPairSync("rsa", { modulusLength: bits }).publicKey.export({ type: "spki", format: "der" }).toString("base64");

function firstEmail(domains: unknown[], edit: (email: Record<string, unknown>) => void): void {
  const d = domains[0];
  if (typeof d !== "object" || d === null) throw new Error("no domain");
  const email: unknown = Reflect.get(d, "email");
  if (typeof email !== "object" || email === null) throw new Error("no email");
  edit(email as Record<string, unknown>);
}

describe("the example stack's mail (SES and Google Workspace), as after apply", () => {
  let run: OfflineRun;
  let scorecard: Scorecard;
  beforeAll(async () => {
    ({ run, scorecard } = await runStack(readStack("example"), false));
  });

  it("plans the SES identity with 2048-bit Easy DKIM, its three token CNAMEs and the custom MAIL FROM", () => {
    expect(run.errors).toEqual([]);
    const identity = run.resources.find((r) => r.type === "aws:sesv2/emailIdentity:EmailIdentity");
    expect(identity?.inputs).toMatchObject({ emailIdentity: "acme.example", region: "eu-west-1", dkimSigningAttributes: { nextSigningKeyLength: "RSA_2048_BIT" } });
    const mailFrom = run.resources.find((r) => r.type === "aws:sesv2/emailIdentityMailFromAttributes:EmailIdentityMailFromAttributes");
    expect(mailFrom?.inputs).toMatchObject({ mailFromDomain: "mail.acme.example", emailIdentity: "acme.example" });
    const dkim = run.resources.filter((r) => r.type === DNS && /-ses-dkim-\d$/.test(r.name));
    expect(dkim).toHaveLength(3);
    for (const r of dkim) {
      const name = String(r.inputs["name"]);
      expect(name).toMatch(/^[a-z]{32}\._domainkey\.acme\.example$/);
      expect(r.inputs).toMatchObject({ type: "CNAME", content: `${name.split(".")[0] ?? ""}.dkim.amazonses.com`, proxied: false });
    }
    expect(contentAt(run, "mail.acme.example", "MX")).toEqual(["feedback-smtp.eu-west-1.amazonses.com"]);
    expect(contentAt(run, "mail.acme.example", "TXT")).toEqual(['"v=spf1 include:amazonses.com ~all"']);
  });

  it("plans SPF, DMARC, Google's MX and DKIM key, MTA-STS and TLS-RPT", () => {
    expect(contentAt(run, "acme.example", "TXT")).toEqual(['"v=spf1 include:_spf.google.com ~all"']);
    expect(contentAt(run, "_dmarc.acme.example", "TXT")).toEqual(['"v=DMARC1; p=quarantine; sp=quarantine; rua=mailto:dmarc@acme.example; adkim=r; aspf=r"']);
    expect(contentAt(run, "acme.example", "MX")).toEqual(["smtp.google.com"]);
    const google = contentAt(run, "google._domainkey.acme.example", "TXT")[0] ?? "";
    // A 2048-bit key makes a record over 255 bytes: published as several quoted strings.
    expect(google.split('" "').length).toBeGreaterThan(1);
    expect(contentAt(run, "_mta-sts.acme.example", "TXT")[0]).toMatch(/^"v=STSv1; id=[0-9a-f]{32}"$/);
    expect(contentAt(run, "_smtp._tls.acme.example", "TXT")).toEqual(['"v=TLSRPTv1; rua=mailto:dmarc@acme.example"']);
  });

  it("serves the MTA-STS policy from a Worker on the custom domain mta-sts.acme.example, text/plain", () => {
    const worker = run.resources.find((r) => r.type === "cloudflare:index/workersScript:WorkersScript");
    const domain = run.resources.find((r) => r.type === "cloudflare:index/workersCustomDomain:WorkersCustomDomain");
    expect(domain?.inputs).toMatchObject({ hostname: "mta-sts.acme.example", service: worker?.inputs["scriptName"] });
    const content = String(worker?.inputs["content"]);
    expect(content).toContain('"version: STSv1\\r\\nmode: enforce\\r\\nmx: smtp.google.com\\r\\nmax_age: 604800\\r\\n"');
    expect(content).toContain("text/plain");
    expect(worker?.inputs["mainModule"]).toBe("worker.js");
  });

  it("passes every email check, so the row is judged, not 'not covered'", () => {
    const failing = emailChecks(scorecard).filter((c) => c.status !== "pass" && c.status !== "not-applicable");
    expect(failing.map((c) => `${c.id}: ${c.status}`)).toEqual([]);
    expect(emailChecks(scorecard).filter((c) => c.status === "pass").length).toBeGreaterThanOrEqual(25);
    expect(row(scorecard)?.status).toBe("pass");
  });
});

describe("the example stack before apply", () => {
  it("shows the three SES DKIM CNAMEs as pending and still judges every other record", async () => {
    const { run, scorecard } = await runStack(readStack("example"), true);
    expect(run.resources.filter((r) => r.type === DNS && /-ses-dkim-\d$/.test(r.name))).toHaveLength(3);
    expect(scorecard.checks.find((c) => c.id === "dns.record_fqdn")?.status).toBe("pass");
    expect(scorecard.checks.find((c) => c.id === "dkim.selector")?.status).toBe("pass");
    expect(row(scorecard)?.status).toBe("pass");
  });
});

describe("the parked and custom-sender stacks", () => {
  it("locks the parked lookalike down and authorises its reports at the product domain", async () => {
    const { run, scorecard } = await runStack(readStack("parked"), true);
    expect(run.errors).toEqual([]);
    expect(contentAt(run, "acmecorp.example", "MX")).toEqual(["."]);
    expect(contentAt(run, "acmecorp.example", "TXT")).toEqual(['"v=spf1 -all"']);
    expect(contentAt(run, "_dmarc.acmecorp.example", "TXT")).toEqual(['"v=DMARC1; p=reject; sp=reject; rua=mailto:dmarc@acme.example; adkim=s; aspf=s"']);
    expect(contentAt(run, "*._domainkey.acmecorp.example", "TXT")).toEqual(['"v=DKIM1; p="']);
    expect(contentAt(run, "acmecorp.example._report._dmarc.acme.example", "TXT")).toEqual(['"v=DMARC1"']);
    expect(contentAt(run, "acme.example", "TXT")).toEqual(['"v=spf1 -all"']);
    const failing = emailChecks(scorecard).filter((c) => c.status !== "pass" && c.status !== "not-applicable" && c.status !== "info");
    expect(failing.map((c) => `${c.id}: ${c.status}`)).toEqual([]);
    expect(scorecard.checks.find((c) => c.id === "spf.parked")?.status).toBe("pass");
    expect(scorecard.checks.find((c) => c.id === "mx.null")?.status).toBe("pass");
  });

  it("merges the custom relay's ranges into SPF and publishes its DKIM key", async () => {
    const { run, scorecard } = await runStack(readStack("custom-sender"), true);
    expect(run.errors).toEqual([]);
    expect(contentAt(run, "acme.example", "TXT")).toEqual(['"v=spf1 ip4:192.0.2.0/28 ip6:2001:db8:10::/48 include:_spf.google.com ~all"']);
    expect(contentAt(run, "billing._domainkey.acme.example", "TXT")[0]).toMatch(/^"v=DKIM1; k=rsa; p=MIIB/);
    // MTA-STS starts in testing (the default): a warning until the user says enforce, nothing else short of a pass.
    const failing = emailChecks(scorecard).filter((c) => c.status !== "pass" && c.status !== "not-applicable");
    expect(failing.map((c) => `${c.id}: ${c.status}`)).toEqual(["mtasts.policy_syntax: warn"]);
  });
});

describe("done-when defects fail config validation or the matching check, with a fix", () => {
  const configErrors = (variant: string, edit: (email: Record<string, unknown>) => void) => {
    const stack = stackVariant("example", variant, (domains) => firstEmail(domains, edit));
    return validateConfig(stack.config).errors;
  };

  it("removing rua", () => {
    expect(configErrors("no-rua", (e) => Reflect.set(e, "dmarc", { policy: "quarantine" }))).toEqual([
      { path: "launch-ready:domains[0].email.dmarc.rua", message: expect.stringMatching(/is required.*Add e\.g\. `rua: \[mailto:dmarc@acme\.example\]`/) },
    ]);
  });

  it("senders needing 11 SPF lookups", () => {
    const errors = configErrors("spf-11", (e) => Reflect.set(e, "senders", ["google-workspace", "microsoft-365", "sendgrid", "mailgun"]));
    expect(errors).toContainEqual({ path: "launch-ready:domains[0].email.senders", message: expect.stringMatching(/need 11 SPF DNS lookups, over the limit of 10.*Drop a sender, or move one to a subdomain/) });
  });

  it("a 1024-bit DKIM key (accepted only with a reason)", () => {
    const weak = key(1024);
    const errors = configErrors("dkim-1024", (e) => Reflect.set(e, "senders", ["amazon-ses", { provider: "google-workspace", dkim: { selector: "google", publicKey: weak } }]));
    expect(errors).toEqual([{ path: "launch-ready:domains[0].email.senders[1].dkim", message: expect.stringMatching(/1024-bit RSA key; keys below 2048 bits are refused: generate a 2048-bit key/) }]);
    const acknowledged = configErrors("dkim-1024-ack", (e) => Reflect.set(e, "senders", ["amazon-ses", { provider: "google-workspace", dkim: { selector: "google", publicKey: weak, weakKeyReason: "the legacy tenant cannot issue 2048-bit keys until March" } }]));
    expect(acknowledged).toEqual([]);
  });

  it("a 1024-bit key that is acknowledged still warns at dkim.key_strength", async () => {
    const weak = key(1024);
    const stack = stackVariant("example", "dkim-1024-warn", (domains) =>
      firstEmail(domains, (e) => Reflect.set(e, "senders", ["amazon-ses", { provider: "google-workspace", dkim: { selector: "google", publicKey: weak, weakKeyReason: "the legacy tenant cannot issue 2048-bit keys until March" } }])),
    );
    const { scorecard } = await runStack(stack, true);
    const c = scorecard.checks.find((x) => x.id === "dkim.key_strength");
    expect(c?.status).toBe("warn");
  });

  it("an SPF record in dns.records beside the email section (two SPF records: permerror)", () => {
    const stack = stackVariant("example", "two-spf", (domains) => {
      const d = domains[0];
      if (typeof d !== "object" || d === null) throw new Error("no domain");
      const dns: unknown = Reflect.get(d, "dns");
      const records: unknown = typeof dns === "object" && dns !== null ? Reflect.get(dns, "records") : undefined;
      if (!Array.isArray(records)) throw new Error("no dns.records");
      records.push({ name: "acme.example", type: "TXT", content: "v=spf1 +all" });
    });
    expect(validateConfig(stack.config).errors).toContainEqual({ path: "launch-ready:domains[0].dns.records[2]", message: expect.stringMatching(/is an SPF record at acme\.example, which `email` publishes too.*Remove this entry/) });
  });

  it("`+all`: never written by the toolkit (the config has no such option), and a planned `+all` fails spf.all", async () => {
    expect(configErrors("plus-all", (e) => Reflect.set(e, "spfAll", "pass"))[0]?.path).toBe("launch-ready:domains[0].email.spfAll");
    const { run } = await runStack(readStack("example"), true);
    const resources = run.resources.map((r) =>
      r.type === DNS && r.inputs["name"] === "acme.example" && r.inputs["type"] === "TXT" ? { ...r, inputs: { ...r.inputs, content: '"v=spf1 include:_spf.google.com +all"' } } : r,
    );
    const check = buildScorecard(PLAN_RULES, resources).checks.find((c) => c.id === "spf.all");
    expect(check?.status).toBe("fail");
    expect(JSON.stringify(check)).toMatch(/anyone may send as the domain/);
    expect(JSON.stringify(check)).toMatch(/End the record with `-all`/);
  });

  it("DMARC none without an end date; with one it warns, and dmarc.policy fails until it is acknowledged", async () => {
    expect(configErrors("none", (e) => Reflect.set(e, "dmarc", { policy: "none", rua: ["mailto:dmarc@acme.example"] }))).toEqual([
      { path: "launch-ready:domains[0].email.dmarc.noneUntil", message: expect.stringMatching(/is required with `policy: none`.*YYYY-MM-DD/) },
    ]);
    const stack = stackVariant("example", "none-dated", (domains) => firstEmail(domains, (e) => Reflect.set(e, "dmarc", { policy: "none", noneUntil: "2099-01-31", rua: ["mailto:dmarc@acme.example"] })));
    const report = validateConfig(stack.config);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toContainEqual({ path: "launch-ready:domains[0].email.dmarc.policy", message: expect.stringMatching(/is `none` until 2099-01-31/) });
    const { scorecard } = await runStack(stack, true);
    expect(scorecard.checks.find((c) => c.id === "dmarc.policy")?.status).toBe("fail");
  });
});
