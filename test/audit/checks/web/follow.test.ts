import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { follow, MAX_REDIRECTS } from "../../../../audit/checks/web/follow";
import type { HttpResult } from "../../../../audit/types";

/** A scripted server: URL → [status, Location?]; unknown URLs fail like a refused connection. */
function scripted(routes: Record<string, [number, string?]>) {
  const asked: string[] = [];
  const fetchOnce = async (url: string): Promise<HttpResult> => {
    asked.push(url);
    const r = routes[url];
    if (!r) return { kind: "error", url, reason: `GET ${url}: ECONNREFUSED`, elapsedMs: 0 };
    const [status, location] = r;
    return { kind: "response", url, status, headers: location ? { location: [location] } : {}, body: "", truncated: false, elapsedMs: 0 };
  };
  return { fetchOnce, asked };
}

describe("following redirects by hand", () => {
  it("records every hop with its status and resolves relative Locations", async () => {
    const s = scripted({ "http://a.example/": [301, "https://a.example/"], "https://a.example/": [302, "/home"], "https://a.example/home": [200] });
    const f = await follow(s.fetchOnce, "http://a.example/");
    expect(f.chain.hops).toEqual([
      { url: "http://a.example/", status: 301, location: "https://a.example/" },
      { url: "https://a.example/", status: 302, location: "https://a.example/home" },
    ]);
    expect(f.chain.end).toEqual({ kind: "final", url: "https://a.example/home", status: 200 });
    expect(f.final?.url).toBe("https://a.example/home");
  });

  it("stops at the first URL seen twice and calls it a loop", async () => {
    const s = scripted({ "https://a.example/": [302, "/x"], "https://a.example/x": [302, "/"] });
    const f = await follow(s.fetchOnce, "https://a.example/");
    expect(f.chain.end).toEqual({ kind: "loop", url: "https://a.example/" });
    expect(s.asked).toEqual(["https://a.example/", "https://a.example/x"]);
  });

  it(`gives up after ${MAX_REDIRECTS} hops of an endless chain`, async () => {
    const routes: Record<string, [number, string?]> = {};
    for (let i = 0; i < 50; i++) routes[`https://a.example/${i}`] = [307, `/${i + 1}`];
    const s = scripted(routes);
    const f = await follow(s.fetchOnce, "https://a.example/0");
    expect(f.chain.end).toEqual({ kind: "too-many", limit: MAX_REDIRECTS });
    expect(s.asked).toHaveLength(MAX_REDIRECTS);
  });

  it("ends on an error with the failing URL, keeping the hops before it", async () => {
    const s = scripted({ "http://a.example/": [301, "https://a.example/"] });
    const f = await follow(s.fetchOnce, "http://a.example/");
    expect(f.chain.hops).toHaveLength(1);
    expect(f.chain.end).toEqual({ kind: "error", url: "https://a.example/", reason: "GET https://a.example/: ECONNREFUSED" });
    expect(f.final).toBeUndefined();
  });

  it("treats a redirect without Location as the final answer and a malformed Location as an error", async () => {
    expect((await follow(scripted({ "https://a.example/": [301] }).fetchOnce, "https://a.example/")).chain.end).toEqual({ kind: "final", url: "https://a.example/", status: 301 });
    const bad = await follow(scripted({ "https://a.example/": [301, "https://[bad"] }).fetchOnce, "https://a.example/");
    expect(bad.chain.end).toMatchObject({ kind: "error", reason: expect.stringMatching(/invalid Location "https:\/\/\[bad"/) });
  });

  it("on any redirect graph, asks each URL at most once and stops within the hop budget", async () => {
    // Node i either answers 200 or redirects to node next[i].
    const graph = fc.array(fc.option(fc.nat(40), { nil: undefined }), { minLength: 1, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(graph, async (next) => {
        const routes: Record<string, [number, string?]> = {};
        next.forEach((n, i) => {
          routes[`https://g.example/${i}`] = n === undefined ? [200] : [302, `/${n % next.length}`];
        });
        const s = scripted(routes);
        const f = await follow(s.fetchOnce, "https://g.example/0");
        expect(new Set(s.asked).size).toBe(s.asked.length);
        expect(s.asked.length).toBeLessThanOrEqual(MAX_REDIRECTS + 1);
        expect(f.chain.hops.length).toBeLessThanOrEqual(MAX_REDIRECTS);
        if (f.chain.end.kind === "final") expect(routes[f.chain.end.url]?.[0]).toBe(200);
      }),
    );
  });
});
