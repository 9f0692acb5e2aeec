import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Chain, type EdgeOrder, followChain, isDowngrade, parseRule, type SimRule, type SimZone } from "../../../core/edge/redirect-sim";
import { type LegacyPath, planRedirectRules, type RedirectRulePlan } from "../../../core/edge/redirects";

/** What the component writes, as the simulator reads it. */
function simRules(rules: readonly RedirectRulePlan[]): SimRule[] {
  return rules.map((r) => ({
    ref: r.ref,
    expression: r.expression,
    ...("value" in r.target ? { targetValue: r.target.value } : { targetExpression: r.target.expression }),
    preserveQueryString: r.preserveQueryString,
    statusCode: r.statusCode,
  }));
}

interface Site {
  readonly zone: string;
  readonly canonical: string;
  readonly aliases: readonly string[];
  readonly others: readonly string[];
  readonly legacyPaths: readonly LegacyPath[];
  /** A second, redirect-only zone sending its apex and www to the canonical host. */
  readonly legacyZone?: string;
}

function zonesOf(site: Site): SimZone[] {
  const main: SimZone = {
    name: site.zone,
    hosts: [site.canonical, ...site.aliases, ...site.others],
    alwaysUseHttps: true,
    rules: simRules(planRedirectRules({ aliases: site.aliases, target: `https://${site.canonical}`, served: [site.canonical], legacyPaths: site.legacyPaths })),
  };
  if (site.legacyZone === undefined) return [main];
  const legacyHosts = [site.legacyZone, `www.${site.legacyZone}`];
  return [main, { name: site.legacyZone, hosts: legacyHosts, alwaysUseHttps: true, rules: simRules(planRedirectRules({ aliases: legacyHosts, target: `https://${site.canonical}`, served: [], legacyPaths: site.legacyPaths })) }];
}

const label = fc.constantFrom("www", "app", "shop", "go", "docs", "status");
// Dot segments are resolved by the browser before it sends the request (RFC 3986 §5.2.4), so they never reach a rule.
const pathSegment = fc.stringMatching(/^[a-z0-9._-]{1,8}$/).filter((seg) => !/^\.+$/.test(seg));
const path = fc.array(pathSegment, { maxLength: 3 }).map((parts) => `/${parts.join("/")}`);
const query = fc.option(fc.stringMatching(/^[a-z0-9=&]{1,10}$/), { nil: undefined }).map((q) => (q === undefined ? "" : `?${q}`));

const site: fc.Arbitrary<Site> = fc
  .record({
    apexCanonical: fc.boolean(),
    canonicalLabel: label,
    labels: fc.uniqueArray(label, { maxLength: 4 }),
    aliasApex: fc.boolean(),
    froms: fc.uniqueArray(path.filter((p) => p !== "/"), { maxLength: 3 }),
    tos: fc.array(path, { minLength: 3, maxLength: 3 }),
    legacy: fc.boolean(),
  })
  .map((g) => {
    const zone = "acme.example";
    const canonical = g.apexCanonical ? zone : `${g.canonicalLabel}.${zone}`;
    const hosts = [...new Set(g.labels.map((l) => `${l}.${zone}`))].filter((h) => h !== canonical);
    const split = Math.ceil(hosts.length / 2);
    const aliases = [...hosts.slice(0, split), ...(g.aliasApex && !g.apexCanonical ? [zone] : [])];
    // A legacy path never points at another legacy path (config validation refuses that).
    const legacyPaths = g.froms.map((from, i) => ({ from, to: `https://${canonical}${g.tos[i] ?? "/"}` })).filter((p) => !g.froms.includes(new URL(p.to).pathname));
    return { zone, canonical, aliases, others: hosts.slice(split), legacyPaths, ...(g.legacy ? { legacyZone: "acme-old.example" } : {}) };
  });

function expectedEnd(s: Site, host: string, p: string, q: string): string {
  // Legacy paths apply on every redirecting or canonical host, the legacy domain's too (else: two hops).
  const moved = s.legacyPaths.find((l) => l.from === p && !s.others.includes(host));
  if (moved !== undefined) return moved.to + q;
  const servedHere = s.others.includes(host);
  return `https://${servedHere ? host : s.canonical}${p}${q}`;
}

function hostsOf(s: Site): string[] {
  return [s.canonical, ...s.aliases, ...s.others, ...(s.legacyZone ? [s.legacyZone, `www.${s.legacyZone}`] : [])];
}

describe("single-redirect planner, proven by following what a browser would", () => {
  it("sends http://www. and https://www. to https://apex in one hop, path and query kept", () => {
    const zones = zonesOf({ zone: "acme.example", canonical: "acme.example", aliases: ["www.acme.example"], others: [], legacyPaths: [] });
    for (const start of ["http://www.acme.example/a/b?x=1", "https://www.acme.example/a/b?x=1"]) {
      const chain = followChain(zones, start);
      expect(chain.hops).toHaveLength(1);
      expect(chain.end).toEqual({ kind: "final", url: "https://acme.example/a/b?x=1", atEdge: true });
    }
    expect(followChain(zones, "http://acme.example/").hops.map((h) => h.by)).toEqual(["always_use_https"]);
    expect(followChain(zones, "https://acme.example/").hops).toEqual([]);
  });

  it("writes a ref on every rule, unique within the ruleset", () => {
    fc.assert(
      fc.property(site, (s) => {
        const rules = planRedirectRules({ aliases: s.aliases, target: `https://${s.canonical}`, served: [s.canonical], legacyPaths: s.legacyPaths });
        expect(new Set(rules.map((r) => r.ref)).size).toBe(rules.length);
        for (const r of rules) expect(r.ref).toMatch(/^[a-z0-9-]+$/);
      }),
    );
  });

  it("properties: one hop at most, never a loop, never a downgrade, ends on the canonical https URL with path and query", () => {
    fc.assert(
      fc.property(site, fc.constantFrom("http", "https"), path, query, fc.nat(), (s, scheme, p, q, pick) => {
        const zones = zonesOf(s);
        const hosts = hostsOf(s);
        const host = hosts[pick % hosts.length]!;
        const paths = [p, ...s.legacyPaths.map((l) => l.from)];
        for (const tryPath of paths) {
          const chain = followChain(zones, `${scheme}://${host}${tryPath}${q}`);
          expect(chain.end).toEqual({ kind: "final", url: expectedEnd(s, host, tryPath, q), atEdge: true });
          expect(chain.hops.length).toBeLessThanOrEqual(1);
          expect(chain.hops.some(isDowngrade)).toBe(false);
        }
      }),
    );
  });

  it("if Always Use HTTPS answered first, still no loop and no downgrade, and the same destination in two hops at most", () => {
    fc.assert(
      fc.property(site, fc.constantFrom("http", "https"), path, query, fc.nat(), (s, scheme, p, q, pick) => {
        const hosts = hostsOf(s);
        const host = hosts[pick % hosts.length]!;
        const order: EdgeOrder = "always-https-first";
        const chain: Chain = followChain(zonesOf(s), `${scheme}://${host}${p}${q}`, order);
        expect(chain.end).toEqual({ kind: "final", url: expectedEnd(s, host, p, q), atEdge: true });
        expect(chain.hops.length).toBeLessThanOrEqual(2);
        expect(chain.hops.some(isDowngrade)).toBe(false);
      }),
    );
  });

  it("the simulator catches what a bad plan would do: a chain of two aliases, a loop, a downgrade", () => {
    const rule = (ref: string, host: string, base: string): SimRule => ({ ref, expression: `http.host eq "${host}"`, targetExpression: `concat("${base}", http.request.uri.path)`, preserveQueryString: true, statusCode: 301 });
    const zone = (rules: SimRule[]): SimZone[] => [{ name: "acme.example", hosts: ["acme.example", "www.acme.example", "go.acme.example"], alwaysUseHttps: true, rules }];
    const twoHops = followChain(zone([rule("go", "go.acme.example", "https://www.acme.example"), rule("www", "www.acme.example", "https://acme.example")]), "https://go.acme.example/x");
    expect(twoHops.hops.map((h) => h.to)).toEqual(["https://www.acme.example/x", "https://acme.example/x"]);
    const loop = followChain(zone([rule("a", "acme.example", "https://www.acme.example"), rule("b", "www.acme.example", "https://acme.example")]), "https://acme.example/");
    expect(loop.end.kind).toBe("loop");
    const down = followChain(zone([rule("www", "www.acme.example", "http://acme.example")]), "https://www.acme.example/");
    expect(down.hops.filter(isDowngrade)).toHaveLength(1);
  });

  it("reports rules it cannot read instead of guessing", () => {
    expect(parseRule({ ref: "x", expression: 'http.host matches "^w+"', targetValue: "https://acme.example", preserveQueryString: true, statusCode: 301 })).toMatchObject({ ok: false, reason: expect.stringMatching(/outside what the checker can read/) });
    expect(parseRule({ ref: "x", expression: 'http.host eq "a.example"', targetExpression: 'wildcard_replace(http.request.full_uri, "*", "${1}")', preserveQueryString: true, statusCode: 301 })).toMatchObject({ ok: false });
    expect(parseRule({ ref: "x", expression: '(http.host in {"a.example" "b.example"} and not ssl)', targetValue: "https://a.example/", preserveQueryString: false, statusCode: 301 })).toMatchObject({ ok: true });
  });
});
