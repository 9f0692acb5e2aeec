import { afterEach, describe, expect, it } from "vitest";
import type * as dnsPacket from "dns-packet";
import { createDnsClient, parseResolverAddress } from "../../../audit/dns";
import { startFaultDnsServer, type FaultMode, type FaultServer } from "../lab/dns/fault-server";

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

const longSpf = `v=spf1 ${Array.from({ length: 40 }, (_, i) => `ip4:192.0.2.${i}`).join(" ")} -all`;
const TABLE: dnsPacket.Answer[] = [
  { name: "acme.test", type: "A", ttl: 60, data: "192.0.2.1" },
  { name: "acme.test", type: "TXT", ttl: 60, data: [longSpf.slice(0, 255), longSpf.slice(255, 510), longSpf.slice(510)] },
  { name: "acme.test", type: "MX", ttl: 60, data: { preference: 10, exchange: "Mail.Acme.test." } },
  { name: "acme.test", type: "CAA", ttl: 60, data: { flags: 0, tag: "issue", value: "letsencrypt.org" } },
  { name: "www.acme.test", type: "CNAME", ttl: 60, data: "edge.acme.test" },
  { name: "edge.acme.test", type: "A", ttl: 60, data: "192.0.2.9" },
  // Padding that makes the UDP answer large enough to matter when truncation is simulated.
  ...Array.from({ length: 30 }, (_, i): dnsPacket.Answer => ({ name: "big.acme.test", type: "TXT", ttl: 60, data: `record number ${i} ${"x".repeat(100)}` })),
];

async function serve(mode?: (q: { name: string; type: string; transport: "udp" | "tcp" }) => FaultMode, extra: { authenticated?: boolean; host?: "127.0.0.1" | "::1" } = {}): Promise<FaultServer> {
  const s = await startFaultDnsServer({ records: TABLE, mode, ...extra });
  servers.push(s);
  return s;
}

function client(s: FaultServer, timeoutMs = 300, tries = 2) {
  return createDnsClient({ resolvers: [parseResolverAddress(s.address)], timeoutMs, tries });
}

describe("DnsClient against the fault-injecting server", () => {
  it("returns the records of the asked type, TXT strings joined with nothing in between", async () => {
    const s = await serve();
    const dns = client(s);
    const txt = await dns.query("acme.test", "TXT");
    expect(txt).toMatchObject({ kind: "answer", records: [longSpf], authenticated: false });
    expect(await dns.query("acme.test", "MX")).toMatchObject({ kind: "answer", records: [{ preference: 10, exchange: "mail.acme.test" }] });
    expect(await dns.query("acme.test", "CAA")).toMatchObject({ kind: "answer", records: [{ flags: 0, tag: "issue", value: "letsencrypt.org" }] });
  });

  it("follows a CNAME chain to the answer", async () => {
    const s = await serve();
    expect(await client(s).query("www.acme.test", "A")).toMatchObject({ kind: "answer", records: ["192.0.2.9"] });
  });

  it("tells NXDOMAIN from NODATA, both as absent", async () => {
    const s = await serve();
    const dns = client(s);
    expect(await dns.query("nope.acme.test", "A")).toMatchObject({ kind: "absent", reason: "NXDOMAIN" });
    expect(await dns.query("acme.test", "AAAA")).toMatchObject({ kind: "absent", reason: "NODATA" });
  });

  it("reports a timeout as an error naming the name, type and server, within the time budget", async () => {
    const s = await serve(() => "timeout");
    const started = Date.now();
    const r = await client(s, 200, 2).query("acme.test", "TXT");
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.kind).toBe("error");
    if (r.kind === "error") {
      expect(r.reason).toContain("TXT acme.test");
      expect(r.reason).toContain(s.address);
      expect(r.reason).toContain("did not answer within 200 ms (2 tries)");
    }
    expect(s.questions.filter((q) => q.type === "TXT")).toHaveLength(2);
  });

  it.each([
    ["servfail", "answered SERVFAIL"],
    ["refused", "answered REFUSED"],
    ["malformed", "malformed answer"],
    ["wrong-id", "wrong query ID"],
  ] as const)("reports %s as an error, never as absent", async (mode, text) => {
    const s = await serve(() => mode);
    const r = await client(s, 200, 1).query("acme.test", "TXT");
    expect(r.kind).toBe("error");
    if (r.kind === "error") expect(r.reason).toContain(text);
  });

  it("retries over TCP when the UDP answer is truncated", async () => {
    const s = await serve(() => "truncate");
    const r = await client(s).query("big.acme.test", "TXT");
    expect(r.kind === "answer" ? r.records.length : -1).toBe(30);
    expect(s.questions.map((q) => q.transport)).toEqual(["udp", "tcp"]);
  });

  it("moves on to the next resolver when the first fails", async () => {
    const bad = await serve(() => "servfail");
    const good = await serve();
    const dns = createDnsClient({ resolvers: [parseResolverAddress(bad.address), parseResolverAddress(good.address)], timeoutMs: 300 });
    expect(await dns.query("acme.test", "A")).toMatchObject({ kind: "answer", records: ["192.0.2.1"] });
  });

  it("speaks to IPv6 resolvers", async () => {
    const s = await serve(undefined, { host: "::1" });
    expect(s.address).toMatch(/^\[::1\]:\d+$/);
    expect(await client(s).query("acme.test", "A")).toMatchObject({ kind: "answer", records: ["192.0.2.1"] });
  });

  it("reports the AD bit as authenticated", async () => {
    const s = await serve(undefined, { authenticated: true });
    expect(await client(s).query("acme.test", "A")).toMatchObject({ kind: "answer", authenticated: true });
  });

  it("asks an identical query once per run, even when asked concurrently", async () => {
    const s = await serve();
    const dns = client(s);
    const all = await Promise.all(Array.from({ length: 20 }, () => dns.query("acme.test", "MX")));
    expect(all.every((r) => r.kind === "answer")).toBe(true);
    expect(s.questions.filter((q) => q.type === "MX")).toHaveLength(1);
    expect(dns.sent()).toBe(1);
  });

  it("keeps at most `concurrency` queries in flight", async () => {
    const s = await serve(() => "timeout");
    const dns = createDnsClient({ resolvers: [parseResolverAddress(s.address)], timeoutMs: 150, tries: 1, concurrency: 3 });
    const pending = Promise.all(Array.from({ length: 9 }, (_, i) => dns.query(`n${i}.acme.test`, "A")));
    await new Promise((r) => setTimeout(r, 75));
    expect(s.questions).toHaveLength(3);
    const results = await pending;
    expect(results.every((r) => r.kind === "error")).toBe(true);
    expect(s.questions).toHaveLength(9);
  });

  it("stops asking once the audit deadline aborts", async () => {
    const s = await serve(() => "timeout");
    const ac = new AbortController();
    const dns = createDnsClient({ resolvers: [parseResolverAddress(s.address)], timeoutMs: 5000, signal: ac.signal });
    const started = Date.now();
    const p = dns.query("acme.test", "A");
    setTimeout(() => ac.abort(), 50);
    const r = await p;
    expect(r.kind).toBe("error");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("refuses to start without a resolver: there is no system fallback", () => {
    expect(() => createDnsClient({ resolvers: [] })).toThrow(/no DNS resolver given/);
  });
});

describe("interpreting answers", () => {
  it("reads the response code of a refusal that carries no question", async () => {
    const { interpretResponse } = await import("../../../audit/dns/interpret");
    const packet = { type: "response" as const, id: 1, flags: 5, questions: [], answers: [], flag_qr: true, flag_aa: false, flag_tc: false, flag_rd: false, flag_ra: false, flag_z: false, flag_ad: false, flag_cd: false, rcode: "REFUSED" };
    expect(interpretResponse(packet, "acme.test", "A")).toEqual({ kind: "rcode", rcode: "REFUSED" });
  });

  it("rejects an answer to another question", async () => {
    const { interpretResponse } = await import("../../../audit/dns/interpret");
    const packet = { type: "response" as const, id: 1, flags: 0, questions: [{ name: "evil.test", type: "A" as const }], answers: [], flag_qr: true, flag_aa: false, flag_tc: false, flag_rd: false, flag_ra: false, flag_z: false, flag_ad: false, flag_cd: false, rcode: "NOERROR" };
    expect(interpretResponse(packet, "acme.test", "A")).toMatchObject({ kind: "mismatch" });
  });
});
