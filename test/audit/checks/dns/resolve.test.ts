import { afterEach, describe, expect, it } from "vitest";
import type * as dnsPacket from "dns-packet";
import { resolveModule } from "../../../../audit/checks/dns/resolve";
import { createDnsClient, parseResolverAddress } from "../../../../audit/dns";
import { parseTarget } from "../../../../audit/target";
import { startFaultDnsServer, type FaultServer, type FaultServerOptions } from "../../lab/dns";
import { labContext } from "./context";

const APEX: dnsPacket.Answer[] = [
  { name: "acme.test", type: "NS", ttl: 60, data: "ns1.acme.test" },
  { name: "acme.test", type: "SOA", ttl: 60, data: { mname: "ns1.acme.test", rname: "hostmaster.acme.test", serial: 7 } },
  { name: "www.acme.test", type: "A", ttl: 60, data: "192.0.2.1" },
];

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function resolveOn(domain: string, extra: Partial<FaultServerOptions> = {}) {
  const s = await startFaultDnsServer({ records: APEX, ...extra });
  servers.push(s);
  const dns = createDnsClient({ resolvers: [parseResolverAddress(s.address)], timeoutMs: 3000, tries: 1 });
  const [r] = await resolveModule.run(parseTarget(domain), labContext(dns));
  return r;
}

describe("dns.resolve", () => {
  it("passes an apex that answers NS and SOA, naming the servers", async () => {
    expect(await resolveOn("acme.test")).toMatchObject({ status: "pass", summary: expect.stringContaining("answers NS (ns1.acme.test) and SOA"), evidence: { soa: ["ns1.acme.test hostmaster.acme.test 7"] } });
  });

  it("warns when the apex takes more than a second to answer", async () => {
    const r = await resolveOn("acme.test", { delayMs: () => 1100 });
    expect(r).toMatchObject({ status: "warn", summary: expect.stringContaining("slowly") });
  });

  it("passes a subdomain audited on its own, naming the zone it belongs to", async () => {
    expect(await resolveOn("www.acme.test")).toMatchObject({
      status: "pass",
      summary: expect.stringMatching(/^www\.acme\.test is in zone acme\.test, whose apex answers NS \(ns1\.acme\.test\) and SOA in \d+ ms$/),
      evidence: { zone: "acme.test", walked: ["www.acme.test", "acme.test"] },
    });
  });

  it("still fails a subdomain that does not exist (NXDOMAIN), whatever its zone", async () => {
    expect(await resolveOn("gone.acme.test")).toMatchObject({ status: "fail", evidence: { nxdomain: true } });
  });

  it("fails NXDOMAIN and marks it so the runner skips the dependants", async () => {
    expect(await resolveOn("gone.test")).toMatchObject({ status: "fail", evidence: { nxdomain: true } });
  });
});
