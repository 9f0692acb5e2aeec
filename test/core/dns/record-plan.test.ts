import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DomainSpec } from "../../../config/spec";
import { adopt, planDomainRecords } from "../../../core/dns/record-plan";
import { isNormalisedTxt } from "../../../core/dns/txt";

const base: DomainSpec = {
  name: "acme.example",
  cloudflare: { plan: "free", zoneId: "0f3a2b1c4d5e6f708192a3b4c5d6e7f8", rulesetIds: {}, adoptRecords: [] },
  dnssec: true,
  web: {
    canonicalHost: "acme.example",
    aliases: ["www.acme.example"],
    hosts: [
      { name: "acme.example", origin: { kind: "hostname", value: "lb.example.net" } },
      { name: "www.acme.example", origin: { kind: "hostname", value: "lb.example.net" } },
    ],
    hsts: { maxAgeSeconds: 31536000, includeSubdomains: true, preload: false },
    ssl: "strict",
    caa: { issuers: [], acm: false },
    legacyPaths: [],
  },
  dnsRecords: [{ name: "acme.example", type: "TXT", content: `v=spf1 ${"include:x.example ".repeat(20)}-all`, ttl: 1, proxied: false }],
  rateLimits: [],
};

describe("record plan: what the component registers per domain", () => {
  it("proxies web hosts, adds the CAA set at the apex, normalises TXT", () => {
    const plan = planDomainRecords(base);
    expect(plan.filter((r) => r.proxied).map((r) => `${r.name} ${r.type}`)).toEqual(["acme.example CNAME", "www.acme.example CNAME"]);
    expect(plan.filter((r) => r.type === "CAA").every((r) => r.name === "acme.example" && r.caa !== undefined)).toBe(true);
    const txt = plan.find((r) => r.type === "TXT");
    expect(txt && isNormalisedTxt(txt.content) && txt.content.startsWith('"v=spf1 include:x.example')).toBe(true);
    expect(txt?.content.split('" "')).toHaveLength(2);
  });

  it("plans Cloudflare's CAA set for a domain without web too (its zone still gets a universal certificate)", () => {
    const { web: _web, ...noWeb } = base;
    const caa = planDomainRecords(noWeb).filter((r) => r.type === "CAA");
    expect(caa.map((r) => r.content)).toContain('0 issue "letsencrypt.org"');
    expect(caa.map((r) => r.content)).not.toContain('0 issue "amazon.com"');
  });

  it("gives CAA records keys that name the CA, so adding one never renames the others", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom("digicert.com", "buypass.com", "globalsign.com"), { maxLength: 3 }), (extra) => {
        const keys = (issuers: string[]) => planDomainRecords({ ...base, web: base.web && { ...base.web, caa: { issuers, acm: false } } }).map((r) => r.key);
        const before = keys([]);
        const after = keys(extra);
        for (const k of before) expect(after).toContain(k);
        expect(new Set(after).size).toBe(after.length);
      }),
    );
  });

  it("marks adopted records with their import id, matching TXT and CAA content in any form", () => {
    const id = "5b1e0c7a9d2f4e6a8b3c1d0e9f8a7b6c";
    const { records, problems } = adopt(planDomainRecords(base), [
      { name: "www.acme.example", type: "CNAME", id },
      { name: "acme.example", type: "CAA", id: "1".repeat(32), content: '0   issue   letsencrypt.org' },
    ]);
    expect(problems).toEqual([]);
    expect(records.filter((r) => r.importId !== undefined).map((r) => r.key)).toEqual(["www-cname", "apex-caa-issue-letsencrypt-org"]);
  });
});
