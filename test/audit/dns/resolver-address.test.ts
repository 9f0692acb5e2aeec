import { describe, expect, it } from "vitest";
import { parseResolvConf, parseResolverAddress } from "../../../audit/dns";

describe("resolver addresses", () => {
  it("accepts IPv4 with a port, bracketed IPv6 with a port, and bare addresses on port 53", () => {
    expect(parseResolverAddress("127.0.0.1:5353")).toEqual({ ip: "127.0.0.1", port: 5353, family: 4 });
    expect(parseResolverAddress("[::1]:5353")).toEqual({ ip: "::1", port: 5353, family: 6 });
    expect(parseResolverAddress("::1")).toEqual({ ip: "::1", port: 53, family: 6 });
    expect(parseResolverAddress("9.9.9.9")).toEqual({ ip: "9.9.9.9", port: 53, family: 4 });
  });

  it("rejects host names and bad ports with a message that says what to write", () => {
    expect(() => parseResolverAddress("dns.example:53")).toThrow(/"dns.example" is not an IPv4 or IPv6 address \(use IP:PORT/);
    expect(() => parseResolverAddress("127.0.0.1:99999")).toThrow(/port "99999" must be 1-65535/);
    expect(() => parseResolverAddress("127.0.0.1:")).toThrow(/port "" must be/);
  });

  it("reads nameserver lines from resolv.conf text, ignoring everything else", () => {
    const text = "# comment\nsearch example\nnameserver 10.0.0.2\nnameserver fe80::1%eth0\noptions ndots:2\nnameserver bogus\n";
    expect(parseResolvConf(text)).toEqual([
      { ip: "10.0.0.2", port: 53, family: 4 },
      { ip: "fe80::1", port: 53, family: 6 },
    ]);
  });
});
