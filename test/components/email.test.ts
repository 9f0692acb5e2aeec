/**
 * The Email component in a user's own program (`import { Email } from "launch-ready"`), through the offline engine:
 * its children, their inputs, the checks it passes, and the errors bad args raise before any child exists.
 */
import { describe, expect, it } from "vitest";
import type { OfflineRun } from "../../engine/run";
import { PLAN_RULES } from "../../policy/rules";
import { buildScorecard } from "../../policy/scorecard";
import { emptyStack, runProgram } from "../lib/program";

const ZONE = "0123456789abcdef0123456789abcdef";
const ACCOUNT = "fedcba9876543210fedcba9876543210";
const program = (email: string, extra = "") => `
import { Email } from "launch-ready";
const mail = new Email("acme-mail", { domain: "acme.example", zoneId: "${ZONE}", accountId: "${ACCOUNT}", awsRegion: "us-west-2", email: ${email} ${extra} });
export const spf = mail.plan.spf.value;
`;
const names = (run: OfflineRun) => run.resources.filter((r) => r.parentUrn?.endsWith("launch-ready:email:Email::acme-mail")).map((r) => r.name).sort();
const stack = { ...emptyStack(), config: { "aws:region": "us-west-2" } };

describe("Email in a user's program", () => {
  it("names its children `${name}-…`, with the SES identity in the given region and the Worker in the given account", async () => {
    const run = await runProgram(program(`{ senders: ["amazon-ses", { provider: "sendgrid", dkim: [{ selector: "s1", target: "s1.domainkey.u1.wl.sendgrid.net" }, { selector: "s2", target: "s2.domainkey.u1.wl.sendgrid.net" }] }], dmarc: { policy: "reject", rua: ["mailto:dmarc@acme.example"] }, mtaSts: { mode: "testing" } }`, ", mx: [{ priority: 10, host: \"mx.acme.example\" }]"), false, stack);
    expect(run.errors).toEqual([]);
    expect(names(run)).toEqual([
      "acme-mail-dkim-s1-domainkey",
      "acme-mail-dkim-s2-domainkey",
      "acme-mail-dmarc-dmarc",
      "acme-mail-mail-from-mx-mail-mx0",
      "acme-mail-mail-from-spf-mail",
      "acme-mail-mta-sts-domain",
      "acme-mail-mta-sts-mta-sts",
      "acme-mail-mta-sts-worker",
      "acme-mail-ses",
      "acme-mail-ses-dkim-0",
      "acme-mail-ses-dkim-1",
      "acme-mail-ses-dkim-2",
      "acme-mail-ses-mail-from",
      "acme-mail-spf-apex",
      "acme-mail-tls-rpt-smtp-tls",
    ]);
    const ses = run.resources.find((r) => r.name === "acme-mail-ses");
    expect(ses?.inputs).toMatchObject({ region: "us-west-2", dkimSigningAttributes: { nextSigningKeyLength: "RSA_2048_BIT" } });
    const mx = run.resources.find((r) => r.name === "acme-mail-mail-from-mx-mail-mx0");
    expect(mx?.inputs).toMatchObject({ name: "mail.acme.example", type: "MX", content: "feedback-smtp.us-west-2.amazonses.com", priority: 10, zoneId: ZONE });
    expect(run.resources.find((r) => r.name === "acme-mail-mta-sts-worker")?.inputs).toMatchObject({ accountId: ACCOUNT, mainModule: "worker.js" });
    expect(run.resources.find((r) => r.name === "acme-mail-spf-apex")?.inputs["content"]).toBe('"v=spf1 include:sendgrid.net ~all"');
    expect(run.outputs["spf"]).toBe("v=spf1 include:sendgrid.net ~all");
  });

  it("is judged like a stack's: provider-hosted DKIM keys are 'cannot tell' until the auditor reads them, never a pass", async () => {
    const run = await runProgram(program(`{ senders: [{ provider: "sendgrid", dkim: [{ selector: "s1", target: "s1.domainkey.u1.wl.sendgrid.net" }] }], dmarc: { rua: ["mailto:dmarc@acme.example"] } }`), true, stack);
    const checks = buildScorecard(PLAN_RULES, run.resources).checks;
    expect(checks.find((c) => c.id === "dkim.selector")?.status).toBe("pass");
    expect(checks.find((c) => c.id === "dkim.key_strength")?.status).toBe("cannot-tell");
    expect(checks.find((c) => c.id === "spf.lookups")?.status).toBe("pass");
  });

  it("names what must come from a provider's console", async () => {
    const run = await runProgram(program(`{ senders: ["postmark"], dmarc: { rua: ["mailto:dmarc@acme.example"] } }`), true, stack);
    expect(run.logs.map((l) => l.message).join("\n")).toMatch(/Postmark: no DKIM selector configured: copy the selector and its TXT `<date>pm._domainkey`/);
    const checks = buildScorecard(PLAN_RULES, run.resources).checks;
    expect(checks.find((c) => c.id === "dkim.selector")?.status).toBe("fail");
  });

  it("refuses bad args with every field named, before any child exists", async () => {
    const run = await runProgram(program(`{ senders: ["google-workspace", "microsoft-365", "sendgrid", "mailgun"], spfAll: "fail", dmarc: { policy: "none" } }`), true, stack);
    const text = run.errors.join("\n");
    expect(text).toMatch(/Email acme-mail has 3 problem\(s\) in its args/);
    expect(text).toMatch(/args\.email\.senders: need 11 SPF DNS lookups/);
    expect(text).toMatch(/args\.email\.dmarc\.rua: is required/);
    expect(text).toMatch(/args\.email\.dmarc\.noneUntil: is required with `policy: none`/);
    expect(names(run)).toEqual([]);
  });

  it("a parked domain needs no account: no Worker, no SES", async () => {
    const run = await runProgram(`
import { Email } from "launch-ready";
new Email("acme-mail", { domain: "acme.example", zoneId: "${ZONE}", email: { senders: [] } });
`, true, stack);
    expect(run.errors).toEqual([]);
    expect(names(run)).toEqual(["acme-mail-dkim-wildcard-domainkey", "acme-mail-dmarc-dmarc", "acme-mail-mx-apex-mx0", "acme-mail-spf-apex"]);
  });
});
