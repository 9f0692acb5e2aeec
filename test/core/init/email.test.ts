import { describe, expect, it } from "vitest";
import { inferEmail } from "../../../core/init";
import { observations, RSA2048 } from "./fixtures";

const PATH = ["launch-ready:domains", 0] as const;
const email = (o: Parameters<typeof observations>[0]) => inferEmail(observations(o), PATH, 0);

describe("mail from what is live", () => {
  it("keeps both recognised senders with their DKIM, the MX, and the DMARC rua; fixes p=none", () => {
    const e = email({});
    expect(e.value.email).toEqual({
      senders: [
        { provider: "google-workspace", dkim: { selector: "google", publicKey: RSA2048 } },
        { provider: "sendgrid", dkim: [{ selector: "s1", target: "s1.domainkey.u123.wl.sendgrid.net" }, { selector: "s2", target: "s2.domainkey.u123.wl.sendgrid.net" }] },
      ],
      dmarc: { policy: "quarantine", rua: ["mailto:reports@acme.example"] },
      mtaSts: { mode: "testing" },
    });
    expect(e.value.mx).toEqual([{ name: "acme.example", type: "MX", content: "smtp.google.com", priority: 1 }]);
    const texts = e.comments.map((c) => c.text);
    expect(texts).toContain("seen: SPF include:_spf.google.com");
    expect(texts).toContain("seen: _dmarc p=none; fixes dmarc.policy");
  });

  it("keeps p=reject, -all, and puts unknown includes and addresses in one custom sender", () => {
    const e = email({
      txt: { kind: "found", records: ["v=spf1 include:_spf.crm.example ip4:192.0.2.0/24 -all"] },
      dmarc: { kind: "found", records: ["v=DMARC1; p=reject; rua=mailto:d@acme.example"] },
      mx: { kind: "found", records: [{ preference: 10, exchange: "mx.hoster.example" }] },
      dkim: [],
    });
    expect(e.value.email).toMatchObject({ senders: [{ custom: { name: "existing-senders", include: ["_spf.crm.example"], ip4: ["192.0.2.0/24"], ip6: [], dkim: [] } }], spfAll: "fail", dmarc: { policy: "reject" } });
    expect(e.notes.join("\n")).toMatch(/nestedLookups/);
  });

  it("parks a domain with a null MX", () => {
    const e = email({ mx: { kind: "found", records: [{ preference: 0, exchange: "." }] }, txt: { kind: "found", records: ["v=spf1 -all"] }, dkim: [] });
    expect(e.value).toEqual({ email: { senders: [] }, mx: [] });
    expect(e.comments[0]?.text).toMatch(/null MX.*parked/);
  });

  it("parks a domain with neither SPF nor MX", () => {
    expect(email({ mx: { kind: "none" }, txt: { kind: "none" }, dkim: [] }).value.email).toEqual({ senders: [] });
  });

  it("does not park a domain that receives mail without SPF: the mailbox provider becomes the sender", () => {
    const e = email({ txt: { kind: "none" }, dkim: [] });
    expect(e.value.email?.["senders"]).toEqual(["google-workspace"]);
    expect(e.comments.map((c) => c.text)).toContain("seen: MX smtp.google.com (no SPF include names it)");
  });

  it("leaves email out, saying so, when MX exists but nothing tells who sends", () => {
    const e = email({ txt: { kind: "none" }, mx: { kind: "found", records: [{ preference: 10, exchange: "mx.hoster.example" }] }, dkim: [] });
    expect(e.value.email).toBeUndefined();
    expect(e.value.mx).toHaveLength(1);
    expect(e.notes.join("\n")).toMatch(/cannot tell who sends mail as acme\.example/);
  });

  it("adds a DMARC rua where none is in use, saying the mailbox must exist", () => {
    const e = email({ dmarc: { kind: "none" } });
    expect(e.value.email?.["dmarc"]).toEqual({ policy: "quarantine", rua: ["mailto:dmarc@acme.example"] });
    expect(e.comments.map((c) => c.text).join("\n")).toMatch(/fixes dmarc\.record, dmarc\.policy[\s\S]*fixes dmarc\.rua; make sure this mailbox exists/);
  });

  it("recognises a Microsoft 365 tenant from its selector CNAMEs", () => {
    const e = email({
      txt: { kind: "found", records: ["v=spf1 include:spf.protection.outlook.com -all"] },
      mx: { kind: "found", records: [{ preference: 0, exchange: "acme-example.mail.protection.outlook.com" }] },
      dkim: [{ selector: "selector1", kind: "cname", target: "selector1-acme-example._domainkey.acme.onmicrosoft.com" }],
    });
    expect(e.value.email?.["senders"]).toEqual([{ provider: "microsoft-365", tenant: "acme.onmicrosoft.com" }]);
  });

  it("names, and does not write, the senders past SPF's 10-lookup limit (the live record already fails everywhere)", () => {
    const e = email({ txt: { kind: "found", records: ["v=spf1 include:_spf.google.com include:mailgun.org include:sendgrid.net include:spf.protection.outlook.com ~all"] }, dkim: [] });
    expect(e.value.email?.["senders"]).toEqual(["google-workspace", { provider: "mailgun", dkim: [] }, { provider: "sendgrid", dkim: [] }]);
    expect(e.notes.join("\n")).toMatch(/Microsoft 365 \(include:spf\.protection\.outlook\.com\) is not carried over: .*more than 10 DNS lookups/);
  });
});
