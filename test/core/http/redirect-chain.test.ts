import { describe, expect, it } from "vitest";
import { describeChain, downgrades, firstHop, type RedirectChain } from "../../../core/http/redirect-chain";

const chain = (hops: [string, number, string][], end: RedirectChain["end"]): RedirectChain => ({
  start: hops[0]?.[0] ?? "",
  hops: hops.map(([url, status, location]) => ({ url, status, location })),
  end,
});

describe("redirect chain analysis", () => {
  const oneHop = chain([["http://acme.example/", 301, "https://acme.example/"]], { kind: "final", url: "https://acme.example/", status: 200 });
  const viaWww = chain([["http://www.acme.example/", 301, "https://acme.example/"]], { kind: "final", url: "https://acme.example/", status: 200 });
  const plain = chain([["http://www.acme.example/", 301, "http://acme.example/"]], { kind: "final", url: "http://acme.example/", status: 200 });

  it("classifies the first hop", () => {
    expect(firstHop(oneHop, "acme.example")?.kind).toBe("https-same-host");
    expect(firstHop(viaWww, "acme.example")?.kind).toBe("https-canonical");
    expect(firstHop(viaWww, "other.example")?.kind).toBe("https-elsewhere");
    expect(firstHop(plain, "acme.example")?.kind).toBe("http");
    expect(firstHop(chain([], { kind: "final", url: "http://a/", status: 200 }), "a")).toEqual({ kind: "no-redirect", status: 200 });
  });

  it("finds https → http hops only", () => {
    const down = chain(
      [["http://a.example/", 301, "https://a.example/"], ["https://a.example/", 302, "http://a.example/x"]],
      { kind: "final", url: "http://a.example/x", status: 200 },
    );
    expect(downgrades(down).map((h) => h.url)).toEqual(["https://a.example/"]);
    expect(downgrades(plain)).toEqual([]);
  });

  it("describes every hop with its status code", () => {
    expect(describeChain(oneHop)).toEqual(["301 http://acme.example/ → https://acme.example/", "200 https://acme.example/"]);
    expect(describeChain(chain([], { kind: "loop", url: "https://a/" }))).toEqual(["loop: https://a/ was already visited"]);
  });
});
