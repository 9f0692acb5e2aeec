import { describe, expect, it } from "vitest";
import { dnsZoneAdopted } from "../../../policy/rules/dns-zone-adopted";
import { evaluateRule } from "../../../policy/scorecard";
import { planned, record } from "../../helpers/planned";

describe("dns.zone_adopted: the zone is looked up, never declared", () => {
  it("passes when records go into an existing zone", () => {
    expect(evaluateRule(dnsZoneAdopted, [record("acme.example", "A", "192.0.2.1")]).status).toBe("pass");
  });

  it("fails on a declared zone, naming it and how to fix it", () => {
    const zone = planned("cloudflare:index/zone:Zone", { name: "acme.example", account: { id: "a" } }, { name: "acme-zone" });
    const verdict = evaluateRule(dnsZoneAdopted, [zone, record("acme.example", "A", "192.0.2.1")]);
    expect(verdict).toMatchObject({ status: "fail", violations: [{ urn: zone.urn, message: expect.stringMatching(/acme-zone.*look the zone up/) }] });
  });

  it("is not applicable to a stack without Cloudflare DNS", () => {
    expect(evaluateRule(dnsZoneAdopted, []).status).toBe("not-applicable");
  });
});
