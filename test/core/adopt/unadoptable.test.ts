import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LiveRecord, matchUnadoptable, txtPolicyKind } from "../../../core/adopt";
import type { PlannedRecord } from "../../../core/dns/record-plan";

const spf: PlannedRecord = { key: "email-0", name: "acme.example", type: "TXT", content: '"v=spf1 include:amazonses.com -all"', ttl: 3600, proxied: false, purpose: "email spf" };
const live = (content: string, type = "TXT", name = "acme.example"): LiveRecord => ({ id: "f".repeat(32), name, type, content, ttl: 3600, proxied: false });

describe("records the stack creates but cannot adopt (the email component's)", () => {
  it("is a conflict when the zone already has an SPF record at that name: two SPF records are a permerror", () => {
    const diff = matchUnadoptable([spf], [live("v=spf1 include:_spf.google.com ~all")]);
    expect(diff.create).toEqual([]);
    expect(diff.conflicts[0]?.reason).toMatch(/second v=spf1 record/);
  });

  it("is a conflict when an identical record exists (Cloudflare refuses the duplicate), and created beside unrelated TXT", () => {
    expect(matchUnadoptable([spf], [live("v=spf1 include:amazonses.com -all")]).conflicts[0]?.reason).toMatch(/identical TXT record exists/);
    expect(matchUnadoptable([spf], [live('"google-site-verification=abc"'), live("v=spf1 -all", "TXT", "mail.acme.example")]).create).toEqual([spf]);
  });

  it("reads the policy kind of quoted, split or raw TXT alike", () => {
    fc.assert(
      fc.property(fc.constantFrom("spf1", "DMARC1", "TLSRPTv1", "STSv1"), fc.string({ maxLength: 300 }).filter((s) => !s.includes('"') && !s.includes("\\")), (kind, rest) => {
        const raw = `v=${kind}; ${rest}`;
        expect(txtPolicyKind(raw)).toBe(kind.toLowerCase());
        expect(txtPolicyKind(`"${raw}"`)).toBe(kind.toLowerCase());
      }),
    );
  });
});
