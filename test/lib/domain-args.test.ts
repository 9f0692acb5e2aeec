import { describe, expect, it } from "vitest";
import type { OfflineRun } from "../../engine/run";
import { runProgram } from "./program";

const records = (run: OfflineRun) => run.resources.filter((r) => r.type === "cloudflare:index/dnsRecord:DnsRecord");
const record = (run: OfflineRun, name: string, type: string) => {
  const r = records(run).find((x) => x.inputs["name"] === name && x.inputs["type"] === type);
  if (r === undefined) throw new Error(`no ${name} ${type}; have ${records(run).map((x) => `${String(x.inputs["name"])} ${String(x.inputs["type"])}`).join(", ")}`);
  return r;
};

describe("Domain, used from a program of one's own", () => {
  it("rejects bad args with every problem named by its path under args, and registers no child", async () => {
    const run = await runProgram(
      `new Domain("acme", { name: "acme.example", web: { origin: "203.0.113.10", hsts: { maxAgeSeconds: 63072000 }, aliases: ["www.other.example"] }, dnssec: "yes" as unknown as boolean });`,
      true,
    );
    expect(run.errors.join("\n")).toMatch(/Domain acme has 2 problem\(s\) in its args/);
    expect(run.errors.join("\n")).toMatch(/args\.web\.hsts\.maxAgeSeconds: is over 12 months/);
    expect(run.errors.join("\n")).toMatch(/args\.dnssec: must be a boolean, got string/);
    expect(run.resources.filter((r) => r.custom && r.type.startsWith("cloudflare:"))).toEqual([]);
  });

  it("reports problems found after parsing (an alias outside the zone) under args too", async () => {
    const run = await runProgram(`new Domain("acme", { name: "acme.example", web: { origin: "203.0.113.10", aliases: ["www.other.example"] } });`, true);
    expect(run.errors.join("\n")).toMatch(/args\.web\.aliases\[0\]: `www\.other\.example` is outside `acme\.example`/);
  });

  it("points web hosts at another resource's output: a CNAME to the load balancer's name once known", async () => {
    const body = `
const lb = new aws.lb.LoadBalancer("app", { loadBalancerType: "application", subnets: ["subnet-1", "subnet-2"] });
new Domain("acme", { name: "acme.example", web: { origin: lb.dnsName, caa: { acm: true } } });`;
    const up = await runProgram(body, false);
    expect(up.errors).toEqual([]);
    const apex = record(up, "acme.example", "CNAME");
    expect(apex.inputs["content"]).toMatch(/^app-\d+\.eu-west-1\.elb\.amazonaws\.com$/);
    expect(record(up, "www.acme.example", "CNAME").inputs["content"]).toBe(apex.inputs["content"]);
    // No stand-in ever reaches a resource.
    expect(JSON.stringify(up.resources)).not.toMatch(/launch-ready\.invalid/);
    const preview = await runProgram(body, true);
    expect(preview.errors).toEqual([]);
    expect(record(preview, "acme.example", "CNAME").displayInputs["content"]).toBe("[unknown]");
  });

  it("refuses an origin output that turns out to be an IP address, naming the record", async () => {
    const run = await runProgram(`new Domain("acme", { name: "acme.example", web: { origin: pulumi.output("203.0.113.10"), caa: { acm: false } } });`, false);
    expect(run.errors.join("\n")).toMatch(/acme\.example CNAME: the origin output '203\.0\.113\.10' is an IP address/);
  });

  it("warns that ACM cannot be detected through an output unless caa.acm says", async () => {
    const run = await runProgram(`new Domain("acme", { name: "acme.example", web: { origin: pulumi.output("lb.example.net") } });`, true);
    expect(run.logs.map((l) => l.message).join("\n")).toMatch(/args\.web\.origin is another resource's output.*set args\.web\.caa\.acm/);
  });

  it("takes the zone id from another resource, and refuses it for adoption, whose import ids need a plain string", async () => {
    const ok = await runProgram(
      `const zone = cloudflare.getZoneOutput({ filter: { name: "acme.example" } });
new Domain("acme", { name: "acme.example", cloudflare: { zoneId: zone.zoneId }, web: { origin: "203.0.113.10" } });`,
      false,
    );
    expect(ok.errors).toEqual([]);
    const zoneIds = new Set(records(ok).map((r) => r.inputs["zoneId"]));
    expect(zoneIds.size).toBe(1);
    expect([...zoneIds][0]).toMatch(/^[0-9a-f]{32}$/);
    const adopt = await runProgram(
      `const zone = cloudflare.getZoneOutput({ filter: { name: "acme.example" } });
new Domain("acme", { name: "acme.example", cloudflare: { zoneId: zone.zoneId, adoptRecords: [{ name: "acme.example", type: "A", id: "0123456789abcdef0123456789abcdef" }] }, web: { origin: "203.0.113.10" } });`,
      true,
    );
    expect(adopt.errors.join("\n")).toMatch(/args\.cloudflare\.zoneId: is another resource's output, but adopting records or a ruleset needs it as a plain string/);
  });

  it("says which zone the offline preview cannot know, instead of guessing its name", async () => {
    const run = await runProgram(`new Domain("acme", { name: "acme.example", cloudflare: { zoneId: pulumi.output("fedcba9876543210fedcba9876543210") }, dnssec: false });`, false);
    expect(run.errors.join("\n")).toMatch(/does not know which zone fedcba9876543210fedcba9876543210 is/);
  });

  it("exposes its children, named after it and parented to it", async () => {
    const run = await runProgram(
      `const d = new Domain("acme", { name: "acme.example", web: { origin: "203.0.113.10" } });
export const children = {
  records: Object.keys(d.dns.records),
  settings: Object.keys(d.zoneSettings?.settings ?? {}),
  dnssec: d.dnssec !== undefined,
  redirects: d.redirects !== undefined,
  spec: d.spec.web?.canonicalHost,
};`,
      false,
    );
    expect(run.errors).toEqual([]);
    const children = run.outputs["children"] as { records: string[]; settings: string[]; dnssec: boolean; redirects: boolean; spec: string };
    expect(children.records).toContain("acme-dns-apex-a");
    expect(children.settings).toEqual(expect.arrayContaining(["ssl", "min_tls_version", "always_use_https"]));
    expect(children).toMatchObject({ dnssec: true, redirects: true, spec: "acme.example" });
    const domain = run.resources.find((r) => r.type === "launch-ready:index:Domain");
    for (const r of run.resources.filter((x) => x.type.startsWith("launch-ready:") && x !== domain)) {
      expect(r.name.startsWith("acme-")).toBe(true);
      expect(r.parentUrn).toBe(domain?.urn);
    }
  });
});
