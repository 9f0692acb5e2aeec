/**
 * `audit --stack` checks that the live SPF and DMARC records are the ones the stack plans: a record changed outside
 * Pulumi (or a `pulumi up` not run since the senders changed) fails spf.record / dmarc.record with the fix, while the
 * same record in other spacing or case passes. The preview's judge gives the same verdicts on the same texts.
 */
import { describe, expect, it } from "vitest";
import { DMARC_CHECKS } from "../../../../audit/checks/email/dmarc";
import { SPF_CHECKS } from "../../../../audit/checks/email/spf";
import { expectedFromDomain } from "../../../../audit/expected/from-spec";
import { validateConfig } from "../../../../config/validate";
import { judgeDmarcRecord, judgeSpfRecord } from "../../../../core/judges/email";
import { context, expectedState, fakeDns, get, runModule, target } from "./fakes";

const D = "acme.example";
const PLANNED_SPF = "v=spf1 include:_spf.google.com ~all";
const PLANNED_DMARC = "v=DMARC1; p=quarantine; rua=mailto:dmarc@acme.example";
const expected = expectedState({ sending: true, plannedEmail: { spf: PLANNED_SPF, dmarc: PLANNED_DMARC } });

const zone = (spf: string, dmarc: string) =>
  fakeDns({
    [D]: { TXT: [spf], MX: [{ preference: 1, exchange: "smtp.google.com" }] },
    [`_dmarc.${D}`]: { TXT: [dmarc] },
    "_spf.google.com": { TXT: ["v=spf1 ip4:192.0.2.0/24 ~all"] },
    "smtp.google.com": { A: ["192.0.2.1"] },
  });

async function audit(spf: string, dmarc: string) {
  const ctx = context({ dns: zone(spf, dmarc), expected });
  return new Map([...(await runModule(SPF_CHECKS, target(D), ctx)), ...(await runModule(DMARC_CHECKS, target(D), ctx))]);
}

describe("audit --stack compares the live SPF and DMARC text with the plan", () => {
  it("passes the planned records, in any spacing or case", async () => {
    const r = await audit("V=SPF1  include:_spf.google.com   ~all", "v=DMARC1;p=quarantine; rua=mailto:dmarc@acme.example;");
    expect(get(r, "spf.record").status).toBe("pass");
    expect(get(r, "dmarc.record").status).toBe("pass");
  });

  it("fails an SPF record changed outside Pulumi, naming both texts and the fix", async () => {
    const r = await audit("v=spf1 include:_spf.google.com include:sendgrid.net ~all", PLANNED_DMARC);
    expect(get(r, "spf.record")).toMatchObject({ status: "fail", summary: expect.stringMatching(/sendgrid\.net.*but the stack plans "v=spf1 include:_spf\.google\.com ~all"/) });
    expect(get(r, "spf.record").remediation).toMatch(/pulumi up/);
  });

  it("fails a DMARC record loosened outside Pulumi (p=none instead of the planned quarantine)", async () => {
    const r = await audit(PLANNED_SPF, "v=DMARC1; p=none; rua=mailto:dmarc@acme.example");
    expect(get(r, "dmarc.record")).toMatchObject({ status: "fail", summary: expect.stringMatching(/p=none.*stack plans/) });
  });

  it("gives the preview's judge the same verdicts on the same texts", () => {
    expect(judgeSpfRecord({ domain: D, txt: ["v=spf1 include:sendgrid.net ~all"], parked: false, planned: PLANNED_SPF })).toMatchObject({ outcome: "differs-from-plan" });
    expect(judgeSpfRecord({ domain: D, txt: [PLANNED_SPF], parked: false, planned: PLANNED_SPF })).toMatchObject({ outcome: "one" });
    expect(judgeDmarcRecord({ domain: D, txt: ["v=DMARC1; p=none"], planned: PLANNED_DMARC })).toMatchObject({ outcome: "differs-from-plan" });
  });

  it("takes the planned texts from the stack file, as `--stack` does", () => {
    const config = {
      "launch-ready:domains": [
        { name: D, web: { origin: "lb.eu-west-1.elb.amazonaws.com" }, email: { senders: ["google-workspace"], dmarc: { policy: "quarantine", rua: ["mailto:dmarc@acme.example"] } } },
      ],
    };
    const d = validateConfig(config).value?.domains[0];
    if (d === undefined) throw new Error("config did not validate");
    const planned = expectedFromDomain(d).plannedEmail;
    expect(planned?.spf).toMatch(/^v=spf1 .*include:_spf\.google\.com.* ~all$/);
    expect(planned?.dmarc).toMatch(/^v=DMARC1; p=quarantine;.*rua=mailto:dmarc@acme\.example/);
  });
});
