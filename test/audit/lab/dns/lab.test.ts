import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDnsClient, parseResolverAddress } from "../../../../audit/dns";
import { dnsLabAvailable, startDnsLab, type DnsLab } from ".";

describe.runIf(dnsLabAvailable({ validatingResolver: true }))("the Knot/unbound DNS lab", () => {
  let lab: DnsLab;
  beforeAll(async () => {
    lab = await startDnsLab(
      [
        { origin: "signed.test", dnssec: "signed", records: ['signed.test. 300 IN TXT "v=spf1 -all"'] },
        { origin: "nsec3.test", dnssec: "nsec3", records: ['nsec3.test. 300 IN TXT "hello"'] },
        { origin: "bogus.test", dnssec: "bogus", records: ['bogus.test. 300 IN TXT "hello"'] },
        { origin: "plain.test", dnssec: "unsigned", records: ['plain.test. 300 IN TXT "hello"'] },
      ],
      { withValidatingResolver: true },
    );
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it("serves the zones over IPv4 and IPv6", async () => {
    for (const address of [lab.address, lab.address6]) {
      const dns = createDnsClient({ resolvers: [parseResolverAddress(address)], timeoutMs: 1000 });
      expect(await dns.query("signed.test", "TXT")).toMatchObject({ kind: "answer", records: ["v=spf1 -all"] });
      expect(await dns.query("nope.signed.test", "TXT")).toMatchObject({ kind: "absent", reason: "NXDOMAIN" });
    }
  });

  it("validates through unbound: AD on signed and NSEC3 zones, none on unsigned, SERVFAIL on bogus", async () => {
    const dns = createDnsClient({ resolvers: [parseResolverAddress(lab.resolverAddress ?? "")], timeoutMs: 1500, tries: 1 });
    expect(await dns.query("signed.test", "TXT")).toMatchObject({ kind: "answer", authenticated: true });
    expect(await dns.query("nsec3.test", "TXT")).toMatchObject({ kind: "answer", authenticated: true });
    expect(await dns.query("plain.test", "TXT")).toMatchObject({ kind: "answer", authenticated: false });
    const bogus = await dns.query("bogus.test", "TXT");
    expect(bogus.kind).toBe("error");
    if (bogus.kind === "error") expect(bogus.reason).toContain("SERVFAIL");
  });

  it("publishes a corrupted DS for the bogus child only", () => {
    expect(lab.ds["signed.test"]?.length).toBe(1);
    expect(lab.ds["bogus.test"]?.length).toBe(1);
    expect(lab.ds["plain.test"]).toBeUndefined();
  });
});
