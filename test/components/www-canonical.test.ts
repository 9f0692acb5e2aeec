import { beforeAll, describe, expect, it } from "vitest";
import { EDGE_ORDERS, followChain } from "../../core/edge/redirect-sim";
import type { CapturedResource } from "../../engine/capture";
import type { OfflineRun } from "../../engine/run";
import { edgeZones, simZones } from "../../policy/rules/support/edge";
import type { Scorecard } from "../../policy/scorecard";
import { readStack, runStack } from "../stacks/support/run-stack";

/** The second stack: www is canonical, the apex and a whole legacy domain redirect to it, an entrypoint is adopted. */
describe("www-canonical stack: www as canonical host and a redirect-only legacy domain", () => {
  let run: OfflineRun;
  let scorecard: Scorecard;
  const byName = (name: string): CapturedResource => {
    const r = run.resources.find((x) => x.name === name);
    if (r === undefined) throw new Error(`no resource ${name}`);
    return r;
  };
  beforeAll(async () => {
    ({ run, scorecard } = await runStack(readStack("www-canonical"), false));
  });

  it("adopts the existing redirect entrypoint by its zones/<zoneId>/<rulesetId> import id and keeps it on delete", () => {
    expect(byName("northwind-example-redirects-entrypoint").options).toMatchObject({
      importId: "zones/7c2e9a4b1d3f5e6a8b0c2d4e6f8a1b3c/9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b",
      retainOnDelete: true,
    });
    expect(byName("northwind-support-example-redirects-entrypoint").options.importId).toBeUndefined();
  });

  it("imports the entrypoint without replacing it: its name (which forces replacement) is never changed, and on the import step its rules stay as they are live", () => {
    expect(byName("northwind-example-redirects-entrypoint").options.ignoreChanges).toEqual(["name", "description", "rules"]);
    expect(byName("northwind-support-example-redirects-entrypoint").options.ignoreChanges).toEqual([]);
    expect(run.errors).toEqual([]);
  });

  it("leaves Always Use HTTPS alone in the adopted zone while its entrypoint keeps its live rules, and says so", () => {
    expect(run.resources.find((r) => r.name === "northwind-example-edge-always-use-https")).toBeUndefined();
    expect(run.logs).toContainEqual({ severity: "info", message: expect.stringMatching(/northwind\.example edge: the adopted redirect entrypoint is imported as it is and Always Use HTTPS is left unchanged \(set cloudflare\.imported: true/) });
  });

  it("plans HSTS for one year, the most Cloudflare's HSTS setting accepts", () => {
    const hsts = run.resources.filter((r) => r.inputs["settingId"] === "security_header").map((r) => Reflect.get(Object(Reflect.get(Object(r.inputs["value"]), "strict_transport_security")), "max_age"));
    expect(hsts).toEqual([31536000, 31536000]);
  });

  it("proxies the legacy domain's hosts to the RFC 6666 discard address: they only ever redirect", () => {
    for (const name of ["northwind-support-example-dns-apex-aaaa", "northwind-support-example-dns-www-aaaa"]) {
      expect(byName(name).inputs).toMatchObject({ type: "AAAA", content: "100::", proxied: true });
    }
  });

  it("splits a long DKIM TXT value into quoted 255-byte strings", () => {
    const dkim = String(byName("northwind-example-dns-nw1-_domainkey-txt").inputs["content"]);
    const strings = [...dkim.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? "");
    expect(strings.map((x) => x.length)).toEqual([255, 155]);
    expect(dkim).toBe(strings.map((x) => `"${x}"`).join(" "));
    expect(strings.join("")).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/]+=*$/);
  });

  it("allows no ACM CA for an origin that is not on AWS", () => {
    const values = run.resources.filter((r) => r.inputs["type"] === "CAA").map((r) => Reflect.get(Object(r.inputs["data"]), "value"));
    expect(values).not.toContain("amazon.com");
    expect(values).toContain("letsencrypt.org");
  });

  it("sends the apex, the legacy domain and its legacy path to https://www in one hop, path and query kept, whichever of Always Use HTTPS and the redirect rules runs first", () => {
    const zones = simZones(edgeZones(run.resources));
    const cases: [string, string][] = [
      ["http://northwind.example/a?b=1", "https://www.northwind.example/a?b=1"],
      ["https://northwind-support.example/tickets/7?x=y", "https://www.northwind.example/tickets/7?x=y"],
      ["http://www.northwind-support.example/kb.php?id=3", "https://www.northwind.example/help?id=3"],
      ["http://www.northwind.example/kb.php", "https://www.northwind.example/help"],
      ["http://help.northwind.example/faq?q=1", "https://help.northwind.example/faq?q=1"],
      ["http://www.northwind.example/docs?x=1", "https://www.northwind.example/docs?x=1"],
    ];
    for (const order of EDGE_ORDERS) {
      for (const [start, end] of cases) {
        const chain = followChain(zones, start, order);
        expect(chain.end).toEqual({ kind: "final", url: end, atEdge: true });
        expect(chain.hops).toHaveLength(1);
      }
    }
  });

  it("turns Always Use HTTPS off in the zone it created the ruleset for, and ends each ruleset with the zone-wide http → https catch-all", () => {
    const auh = run.resources.filter((r) => r.inputs["settingId"] === "always_use_https").map((r) => [r.name, r.inputs["value"]]);
    expect(auh).toEqual([["northwind-support-example-edge-always-use-https", "off"]]);
    const last = (name: string): unknown => {
      const rules = byName(name).inputs["rules"];
      return Array.isArray(rules) ? rules.at(-1) : undefined;
    };
    const target = { statusCode: 301, preserveQueryString: true, targetUrl: { expression: 'concat("https://", http.host, http.request.uri.path)' } };
    expect(last("northwind-example-redirects-entrypoint")).toMatchObject({
      ref: "http-to-https",
      expression: 'not ssl and not starts_with(http.request.uri.path, "/.well-known/")',
      actionParameters: { fromValue: target },
    });
    expect(last("northwind-support-example-redirects-entrypoint")).toMatchObject({
      ref: "http-to-https",
      expression: 'not ssl and not starts_with(http.request.uri.path, "/.well-known/")',
      actionParameters: { fromValue: target },
    });
  });

  it("passes every SSL/TLS and DNS/redirect check", () => {
    const failing = scorecard.checks.filter((c) => c.status === "fail");
    expect(failing).toEqual([]);
    expect(scorecard.checks.find((c) => c.id === "dns.adopted_retained")?.status).toBe("pass");
    expect(scorecard.checks.find((c) => c.id === "web.redirect_hops")?.status).toBe("pass");
  });
});
