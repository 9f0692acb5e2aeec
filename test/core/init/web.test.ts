import { describe, expect, it } from "vitest";
import { inferStack, inferWeb, originOf } from "../../../core/init";
import { host, observations } from "./fixtures";

const PATH = ["launch-ready:domains", 0] as const;

describe("web hosts and origin from what is live", () => {
  it("takes the origin from the apex's address and the canonical host from www's redirect", () => {
    const w = inferWeb(observations(), PATH);
    expect(w.value).toMatchObject({ origin: "203.0.113.10", canonicalHost: "acme.example", aliases: ["www.acme.example"] });
    expect(w.comments.find((c) => c.path.join(".").endsWith("web.origin"))?.text).toBe("seen: acme.example A 203.0.113.10");
    expect(w.comments.find((c) => c.path.join(".").endsWith("web.canonicalHost"))?.text).toBe("seen: https://www.acme.example/ redirects to acme.example");
  });

  it("makes www canonical when the apex redirects there, and takes a CNAME target as the origin", () => {
    const obs = observations({
      apex: host("acme.example", { https: { kind: "answered", finalUrl: "https://www.acme.example/", status: 200, hops: 1 } }),
      www: host("www.acme.example", { cname: { kind: "found", records: ["acme-1.eu-west-1.elb.amazonaws.com"] }, a: { kind: "found", records: ["198.51.100.4"] } }),
    });
    expect(originOf(obs.www, "acme.example")).toMatchObject({ kind: "origin", value: "acme-1.eu-west-1.elb.amazonaws.com" });
    const w = inferWeb(obs, PATH);
    expect(w.value).toMatchObject({ origin: "203.0.113.10", canonicalHost: "www.acme.example", aliases: ["acme.example"] });
  });

  it("never guesses an origin hidden behind Cloudflare: no web section, and a note saying how to give it", () => {
    const cf = { a: { kind: "found" as const, records: ["104.21.3.4"] }, aaaa: { kind: "found" as const, records: ["2606:4700:3030::6815:304"] } };
    const obs = observations({ apex: host("acme.example", cf), www: host("www.acme.example", cf) });
    const w = inferWeb(obs, PATH);
    expect(w.value).toBeUndefined();
    expect(w.notes.join("\n")).toMatch(/acme\.example resolves to 104\.21\.3\.4, 2606:4700:3030::6815:304, Cloudflare's edge: the real origin is hidden.*--origin/);
    const s = inferStack(obs);
    expect(s.kind === "stack" && JSON.stringify(s.config)).not.toContain("104.21.3.4");
  });

  it("uses the origin the user gives (--origin) when it is hidden, and says so", () => {
    const cf = { a: { kind: "found" as const, records: ["104.21.3.4"] } };
    const w = inferWeb(observations({ apex: host("acme.example", cf), www: host("www.acme.example", cf) }), PATH, { origin: "origin.acme.example" });
    expect(w.value).toMatchObject({ origin: "origin.acme.example" });
    expect(w.comments.find((c) => c.path.join(".").endsWith("web.origin"))?.text).toMatch(/^given: --origin origin\.acme\.example \(acme\.example resolves to 104\.21\.3\.4, Cloudflare's edge/);
  });

  it("keeps one of several addresses and names the others", () => {
    const w = inferWeb(observations({ apex: host("acme.example", { a: { kind: "found", records: ["203.0.113.10", "203.0.113.11"] } }) }), PATH);
    expect(w.value).toMatchObject({ origin: "203.0.113.10" });
    expect(w.notes.join("\n")).toMatch(/also 203\.0\.113\.11: the stack takes one origin/);
  });

  it("no web section for a domain with no address at all", () => {
    const none = { a: { kind: "none" as const }, https: { kind: "not-tried" as const, reason: "no address" } };
    const w = inferWeb(observations({ apex: host("acme.example", none), www: host("www.acme.example", none) }), PATH);
    expect(w.value).toBeUndefined();
  });

  it("keeps the CAA issuers and iodef in use beyond the ones the stack always allows", () => {
    const w = inferWeb(
      observations({ caa: { kind: "found", records: [{ flags: 0, tag: "issue", value: "digicert.com; cansignhttpexchanges=yes" }, { flags: 0, tag: "issue", value: "letsencrypt.org" }, { flags: 0, tag: "iodef", value: "mailto:sec@acme.example" }] } }),
      PATH,
    );
    expect(w.value?.["caa"]).toEqual({ issuers: ["digicert.com"], iodef: "mailto:sec@acme.example" });
  });
});
