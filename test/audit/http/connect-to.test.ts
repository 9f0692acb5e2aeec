import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseConnectTo, resolveConnectTo } from "../../../audit/http/connect-to";

describe("--connect-to parsing (curl's HOST1:PORT1:HOST2:PORT2)", () => {
  it.each([
    [":443:127.0.0.1:18443", { fromHost: undefined, fromPort: 443, toHost: "127.0.0.1", toPort: 18443 }],
    ["acme.example:80:127.0.0.1:18080", { fromHost: "acme.example", fromPort: 80, toHost: "127.0.0.1", toPort: 18080 }],
    ["ACME.Example.:::", { fromHost: "acme.example", fromPort: undefined, toHost: undefined, toPort: undefined }],
    ["[::1]:443:[::1]:8443", { fromHost: "::1", fromPort: 443, toHost: "::1", toPort: 8443 }],
    ["www.acme.example::[2001:db8::1]:", { fromHost: "www.acme.example", fromPort: undefined, toHost: "2001:db8::1", toPort: undefined }],
  ])("reads %s", (input, expected) => {
    expect(parseConnectTo(input)).toEqual({ ...expected, source: input });
  });

  it.each([
    ["acme.example:443:127.0.0.1", /too few parts/],
    ["acme.example:443", /too few parts/],
    [":443:::1:8443", /too many parts.*brackets/],
    [":99999:127.0.0.1:1", /PORT1 "99999" is not a port/],
    [":443:127.0.0.1:http", /PORT2 "http" is not a port/],
    [":0:127.0.0.1:1", /PORT1 "0"/],
    ["[::1:443:127.0.0.1:1", /HOST1 starts with "\[" but has no closing/],
    ["[acme]:443:127.0.0.1:1", /HOST1 "\[acme\]" is not an IPv6 address/],
    ["bad host:443:127.0.0.1:1", /HOST1 "bad host" is not a host name/],
  ])("rejects %s naming the bad part", (input, message) => {
    expect(() => parseConnectTo(input)).toThrow(message);
  });

  it("round-trips any rule written back in curl's syntax", () => {
    const host = fc.oneof(
      fc.constant(undefined),
      fc.domain().map((d) => d.toLowerCase()),
      fc.ipV4(),
      fc.ipV6().map((v) => v.toLowerCase()),
    );
    const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
    const fmt = (h: string | undefined) => (h === undefined ? "" : h.includes(":") ? `[${h}]` : h);
    fc.assert(
      fc.property(host, port, host, port, (fromHost, fromPort, toHost, toPort) => {
        const s = `${fmt(fromHost)}:${fromPort ?? ""}:${fmt(toHost)}:${toPort ?? ""}`;
        expect(parseConnectTo(s)).toEqual({ fromHost, fromPort, toHost, toPort, source: s });
      }),
    );
  });
});

describe("--connect-to matching", () => {
  const rules = [parseConnectTo("app.acme.example:443:127.0.0.2:9443"), parseConnectTo(":443:127.0.0.1:18443"), parseConnectTo(":80:127.0.0.1:")];

  it("uses the first matching rule, as curl does", () => {
    expect(resolveConnectTo(rules, "app.acme.example", 443)).toMatchObject({ host: "127.0.0.2", port: 9443 });
    expect(resolveConnectTo(rules, "acme.example", 443)).toMatchObject({ host: "127.0.0.1", port: 18443 });
  });

  it("keeps the original port when PORT2 is empty and leaves unmatched targets alone", () => {
    expect(resolveConnectTo(rules, "acme.example", 80)).toMatchObject({ host: "127.0.0.1", port: 80 });
    expect(resolveConnectTo(rules, "acme.example", 8080)).toEqual({ host: "acme.example", port: 8080, rule: undefined });
  });

  it("compares names case-insensitively, without a trailing dot or IPv6 brackets", () => {
    expect(resolveConnectTo(rules, "APP.acme.example.", 443)).toMatchObject({ host: "127.0.0.2" });
    expect(resolveConnectTo([parseConnectTo("[::1]:443:127.0.0.1:1")], "[::1]", 443)).toMatchObject({ host: "127.0.0.1", port: 1 });
  });
});
