import { describe, expect, it } from "vitest";
import { parseTarget } from "../../audit/target";

describe("audit targets", () => {
  it("queries IDNs as A-labels and shows them as U-labels", () => {
    expect(parseTarget("Bücher.Example")).toEqual({ name: "xn--bcher-kva.example", display: "bücher.example", orgDomain: "xn--bcher-kva.example" });
    expect(parseTarget("xn--bcher-kva.example.").display).toBe("bücher.example");
  });

  it("finds the organisational domain with the public suffix list", () => {
    expect(parseTarget("mail.acme.co.uk").orgDomain).toBe("acme.co.uk");
    expect(parseTarget("a.b.signed.test").orgDomain).toBe("signed.test");
  });

  it.each([
    ["https://acme.example/", /is a URL/],
    ["ops@acme.example", /is an email address/],
    ["192.0.2.1", /is an IP address/],
    ["acme.example:443", /contains a port/],
    ["acme", /single label/],
    ["co.uk", /is a public suffix/],
    ["-acme.example", /invalid label "-acme"/],
    ["acme..example", /invalid label ""/],
    ["acme_x.example", /invalid label "acme_x"/],
    ["", /is empty/],
  ])("rejects %j with a message that says how to fix it", (input, message) => {
    expect(() => parseTarget(input)).toThrow(message);
  });
});
