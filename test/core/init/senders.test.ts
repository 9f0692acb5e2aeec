import { describe, expect, it } from "vitest";
import { sendersFromSpf } from "../../../core/init";

describe("senders from the live SPF record", () => {
  it("recognises every provider of the table by its include, in the order seen", () => {
    const s = sendersFromSpf("v=spf1 include:sendgrid.net include:_spf.google.com include:spf.protection.outlook.com include:spf.mtasv.net include:mailgun.org include:amazonses.com ~all");
    expect(s.providers.map((p) => p.provider)).toEqual(["sendgrid", "google-workspace", "microsoft-365", "postmark", "mailgun", "amazon-ses"]);
    expect(s.providers[0]?.term).toBe("include:sendgrid.net");
    expect(s.customIncludes).toEqual([]);
  });

  it("keeps unrecognised includes, ip4 and ip6 for a custom sender", () => {
    const s = sendersFromSpf("v=spf1 include:_spf.crm.example ip4:192.0.2.0/24 ip4:198.51.100.7 ip6:2001:db8::/32 -all");
    expect(s).toMatchObject({ customIncludes: ["_spf.crm.example"], ip4: ["192.0.2.0/24", "198.51.100.7"], ip6: ["2001:db8::/32"], hardFail: true, uncarried: [] });
  });

  it("names the terms a stack sender cannot carry instead of dropping them silently", () => {
    const s = sendersFromSpf("v=spf1 a mx include:%{i}._spf.example exists:%{i}.x.example -ip4:192.0.2.1 redirect=_spf.other.example");
    expect(s.uncarried).toEqual(["a", "mx", "include:%{i}._spf.example", "exists:%{i}.x.example", "-ip4:192.0.2.1", "redirect=_spf.other.example"]);
    expect(s.providers).toEqual([]);
  });

  it("reads ~all and ?all as not a hard fail", () => {
    expect(sendersFromSpf("v=spf1 include:_spf.google.com ~all").hardFail).toBe(false);
    expect(sendersFromSpf("v=spf1 include:_spf.google.com ?all").hardFail).toBe(false);
  });
});
