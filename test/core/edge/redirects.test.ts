import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EDGE_ORDERS, type EdgeOrder, followChain, isDowngrade, parseRule, type SimRule, type SimZone } from "../../../core/edge/redirect-sim";
import { HTTPS_UPGRADE_REF, type LegacyPath, planRedirectRules, type RedirectRulePlan } from "../../../core/edge/redirects";
import { checkFilterExpression } from "../../../core/edge/rules-language";
import { planZoneSettings } from "../../../core/edge/zone-settings";

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

/** How the zone's edge is set up: what the toolkit plans (AUH off, catch-all rule), or a user keeping AUH on. */
interface EdgeSetup {
  readonly alwaysUseHttps: boolean;
}

/** What the toolkit plans for Always Use HTTPS, read from the zone-settings planner itself. */
const PLANNED_AUH = planZoneSettings({ ssl: "strict", hsts: { maxAgeSeconds: 31536000, includeSubdomains: true, preload: false } }).find((x) => x.settingId === "always_use_https")?.value === "on";
const TOOLKIT: EdgeSetup = { alwaysUseHttps: PLANNED_AUH };

function zonesOf(site: Site, setup: EdgeSetup = TOOLKIT): SimZone[] {
  const hosts = [site.canonical, ...site.aliases, ...site.others];
  const main: SimZone = {
    name: site.zone,
    hosts,
    alwaysUseHttps: setup.alwaysUseHttps,
    rules: simRules(planRedirectRules({ aliases: site.aliases, target: `https://${site.canonical}`, served: [site.canonical], legacyPaths: site.legacyPaths, proxied: hosts })),
  };
  if (site.legacyZone === undefined) return [main];
  const legacyHosts = [site.legacyZone, `www.${site.legacyZone}`];
  return [
    main,
    {
      name: site.legacyZone,
      hosts: legacyHosts,
      alwaysUseHttps: setup.alwaysUseHttps,
      rules: simRules(planRedirectRules({ aliases: legacyHosts, target: `https://${site.canonical}`, served: [], legacyPaths: site.legacyPaths, proxied: legacyHosts })),
    },
  ];
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

const APEX_SITE: Site = { zone: "acme.example", canonical: "acme.example", aliases: ["www.acme.example"], others: ["app.acme.example"], legacyPaths: [] };

describe("single-redirect planner, proven by following what a browser would", () => {
  it("plans Always Use HTTPS off: the redirect ruleset does the upgrade itself", () => {
    expect(PLANNED_AUH).toBe(false);
  });

  it("ends the ruleset with a catch-all rule on `not ssl` (a field Cloudflare has) and no host list: any http:// request → https:// on the same host, path and query kept", () => {
    const rules = planRedirectRules({ aliases: ["www.acme.example"], target: "https://acme.example", served: ["acme.example"], legacyPaths: [{ from: "/old", to: "https://acme.example/new" }], proxied: ["acme.example", "www.acme.example", "app.acme.example"] });
    expect(rules.map((r) => r.ref)).toEqual(["legacy-path-old", "alias-www-acme-example", HTTPS_UPGRADE_REF]);
    for (const r of rules) expect(checkFilterExpression(r.expression), r.ref).toEqual({ ok: true, problems: [] });
    expect(rules.at(-1)).toMatchObject({
      ref: "http-to-https",
      expression: 'not ssl and not starts_with(http.request.uri.path, "/.well-known/")',
      target: { expression: 'concat("https://", http.host, http.request.uri.path)' },
      preserveQueryString: true,
      statusCode: 301,
    });
    expect(planRedirectRules({ aliases: [], target: "https://acme.example", served: ["acme.example"], legacyPaths: [], proxied: [] })).toEqual([]);
  });

  it("sends http://www. and https://www. to https://apex in one hop whichever of Always Use HTTPS and the redirect rules runs first", () => {
    for (const order of EDGE_ORDERS) {
      const zones = zonesOf(APEX_SITE);
      for (const start of ["http://www.acme.example/a/b?x=1", "https://www.acme.example/a/b?x=1"]) {
        const chain = followChain(zones, start, order);
        expect(chain.hops).toHaveLength(1);
        expect(chain.end).toEqual({ kind: "final", url: "https://acme.example/a/b?x=1", atEdge: true });
      }
      expect(followChain(zones, "http://app.acme.example/p?q=1", order).hops.map((h) => [h.to, h.by])).toEqual([["https://app.acme.example/p?q=1", "rule http-to-https"]]);
      expect(followChain(zones, "http://acme.example/", order).hops.map((h) => h.by)).toEqual(["rule http-to-https"]);
      expect(followChain(zones, "https://acme.example/", order).hops).toEqual([]);
    }
  });

  it("shows why Always Use HTTPS is off: kept on, and answering first, it makes http://www. take two hops", () => {
    const zones = zonesOf(APEX_SITE, { alwaysUseHttps: true });
    expect(followChain(zones, "http://www.acme.example/a", "redirects-first").hops).toHaveLength(1);
    const auhFirst = followChain(zones, "http://www.acme.example/a", "always-https-first");
    expect(auhFirst.hops.map((h) => h.by)).toEqual(["always_use_https", "rule alias-www-acme-example"]);
    expect(auhFirst.end).toEqual({ kind: "final", url: "https://acme.example/a", atEdge: true });
  });

  it("writes a ref on every rule, unique within the ruleset", () => {
    fc.assert(
      fc.property(site, (s) => {
        const rules = planRedirectRules({ aliases: s.aliases, target: `https://${s.canonical}`, served: [s.canonical], legacyPaths: s.legacyPaths, proxied: [s.canonical, ...s.aliases, ...s.others] });
        expect(new Set(rules.map((r) => r.ref)).size).toBe(rules.length);
        for (const r of rules) expect(r.ref).toMatch(/^[a-z0-9-]+$/);
      }),
    );
  });

  it("properties, under both orders: one hop at most, never a loop, never a downgrade, ends on the canonical https URL with path and query", () => {
    fc.assert(
      fc.property(site, fc.constantFrom("http", "https"), path, query, fc.nat(), fc.constantFrom(...EDGE_ORDERS), (s, scheme, p, q, pick, order) => {
        const zones = zonesOf(s);
        const hosts = hostsOf(s);
        const host = hosts[pick % hosts.length]!;
        const paths = [p, ...s.legacyPaths.map((l) => l.from)];
        for (const tryPath of paths) {
          const chain = followChain(zones, `${scheme}://${host}${tryPath}${q}`, order);
          expect(chain.end).toEqual({ kind: "final", url: expectedEnd(s, host, tryPath, q), atEdge: true });
          expect(chain.hops.length).toBeLessThanOrEqual(1);
          expect(chain.hops.some(isDowngrade)).toBe(false);
          // The order cannot matter: the same chain under the other order.
          const other: EdgeOrder = order === "redirects-first" ? "always-https-first" : "redirects-first";
          expect(followChain(zones, chain.start, other)).toEqual(chain);
        }
      }),
    );
  });

  it("properties, for a user who keeps Always Use HTTPS on: one hop if redirects run first; if it runs first, still no loop, no downgrade and the same destination, in two hops at most", () => {
    fc.assert(
      fc.property(site, fc.constantFrom("http", "https"), path, query, fc.nat(), fc.constantFrom(...EDGE_ORDERS), (s, scheme, p, q, pick, order) => {
        const hosts = hostsOf(s);
        const host = hosts[pick % hosts.length]!;
        const chain = followChain(zonesOf(s, { alwaysUseHttps: true }), `${scheme}://${host}${p}${q}`, order);
        expect(chain.end).toEqual({ kind: "final", url: expectedEnd(s, host, p, q), atEdge: true });
        expect(chain.hops.length).toBeLessThanOrEqual(order === "redirects-first" ? 1 : 2);
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

  it("refuses the field `http.request.scheme`, which Cloudflare does not have: the rule is unreadable, never followed as if it worked", () => {
    const old = parseRule({ ref: "u", expression: 'http.request.scheme eq "http" and http.host in {"a.example"}', targetExpression: 'concat("https://", http.host, http.request.uri.path)', preserveQueryString: true, statusCode: 301 });
    expect(old).toMatchObject({ ok: false, reason: expect.stringMatching(/Cloudflare would reject .*unknown field `http\.request\.scheme`/) });
    const zones: SimZone[] = [{ name: "a.example", hosts: ["a.example"], alwaysUseHttps: false, rules: [{ ref: "u", expression: 'http.request.scheme eq "http"', targetExpression: 'concat("https://", http.host, http.request.uri.path)', preserveQueryString: true, statusCode: 301 }] }];
    expect(followChain(zones, "http://a.example/p").end).toMatchObject({ kind: "unreadable", ref: "u" });
  });

  it("reads the catch-all's `not ssl` condition and host-preserving target, and reports rules it cannot read instead of guessing", () => {
    const upgrade = parseRule({ ref: "u", expression: 'not ssl and not starts_with(http.request.uri.path, "/.well-known/")', targetExpression: 'concat("https://", http.host, http.request.uri.path)', preserveQueryString: true, statusCode: 301 });
    expect(upgrade.ok && upgrade.target(new URL("http://a.example/x/y?z=1"))).toBe("https://a.example/x/y");
    const zones: SimZone[] = [{ name: "a.example", hosts: ["a.example"], alwaysUseHttps: false, rules: [{ ref: "u", expression: "not ssl", targetExpression: 'concat("https://", http.host, http.request.uri.path)', preserveQueryString: true, statusCode: 301 }] }];
    expect(followChain(zones, "https://a.example/p").hops).toEqual([]);
    expect(followChain(zones, "http://a.example/p?q=1").end).toEqual({ kind: "final", url: "https://a.example/p?q=1", atEdge: true });
    expect(parseRule({ ref: "x", expression: 'http.host eq "a.example"', targetExpression: 'concat("https://", http.request.uri.query)', preserveQueryString: true, statusCode: 301 })).toMatchObject({ ok: false });
    expect(parseRule({ ref: "x", expression: 'http.host matches "^w+"', targetValue: "https://acme.example", preserveQueryString: true, statusCode: 301 })).toMatchObject({ ok: false, reason: expect.stringMatching(/outside what the checker can read/) });
    expect(parseRule({ ref: "x", expression: 'http.host eq "a.example"', targetExpression: 'wildcard_replace(http.request.full_uri, "*", "${1}")', preserveQueryString: true, statusCode: 301 })).toMatchObject({ ok: false });
    expect(parseRule({ ref: "x", expression: '(http.host in {"a.example" "b.example"} and not ssl)', targetValue: "https://a.example/", preserveQueryString: false, statusCode: 301 })).toMatchObject({ ok: true });
  });

  it("upgrades every host of the zone, as Always Use HTTPS did, including hosts made outside the stack (dashboard, Workers, Pages, SaaS custom hostnames)", () => {
    // The zone also serves hosts the stack never heard of: switching Always Use HTTPS off must not strand them on http.
    const zones = zonesOf(APEX_SITE).map((z) => ({ ...z, hosts: [...z.hosts, "shop.acme.example", "docs.acme.example"] }));
    for (const order of EDGE_ORDERS) {
      for (const host of ["shop.acme.example", "docs.acme.example"]) {
        const chain = followChain(zones, `http://${host}/cart?id=7`, order);
        expect(chain.hops.map((h) => [h.to, h.by])).toEqual([[`https://${host}/cart?id=7`, "rule http-to-https"]]);
        expect(followChain(zones, `https://${host}/cart`, order).hops).toEqual([]);
      }
    }
  });

  it("leaves /.well-known/ alone on every rule: certificate validation reaches every host over plain http, on the host itself", () => {
    const s: Site = { ...APEX_SITE, legacyPaths: [{ from: "/old", to: "https://acme.example/new" }], legacyZone: "acme-old.example" };
    fc.assert(
      fc.property(fc.constantFrom(...hostsOf(s)), fc.constantFrom("http", "https"), fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/), fc.constantFrom(...EDGE_ORDERS), (host, scheme, token, order) => {
        for (const p of [`/.well-known/acme-challenge/${token}`, `/.well-known/pki-validation/${token}.txt`, "/.well-known/"]) {
          const chain = followChain(zonesOf(s), `${scheme}://${host}${p}`, order);
          expect(chain.hops).toEqual([]);
          expect(chain.end).toEqual({ kind: "final", url: `${scheme}://${host}${p}`, atEdge: true });
        }
      }),
    );
    // Paths that only look alike are redirected as usual.
    expect(followChain(zonesOf(s), "http://www.acme.example/.well-knownx/a").hops).toHaveLength(1);
    expect(followChain(zonesOf(s), "http://acme.example/x/.well-known/a").hops).toHaveLength(1);
  });
});
