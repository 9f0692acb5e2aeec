/**
 * Re-derives, from the planned zones, the redirect chain a browser would follow from every proxied host, over http
 * and https, for a probe path and every legacy path a rule names, under both orders of Always Use HTTPS and the
 * redirect phase (Cloudflare documents neither: see `core/edge/redirects.ts`), and hands them to the web judges in
 * the shape the auditor hands its observed chains (`core/judges/web/chain.ts`).
 *
 * A zone whose SSL mode is `off` answers every HTTPS request with a redirect to plain http
 * (https://developers.cloudflare.com/ssl/origin-configuration/ssl-modes/off/): the simulator does not model the
 * mode, so it is given as a first rule of that zone.
 */
import { type Chain as SimChain, describeOrder, EDGE_ORDERS, type EdgeOrder, followChain, parseRule, type SimZone } from "../../../core/edge/redirect-sim";
import { hostSet } from "../../../core/edge/redirects";
import { type Chain, type HostHttps, hostHttpsOf, hostOf, type HstsSource, type IdleRule, scheme } from "../../../core/judges/web";
import type { PlannedResource } from "../../resource";
import { type EdgeZone, simZones, webZones } from "./edge";
import { plannedHstsSource } from "./hsts";
import { memoByIdentity } from "./memo";

/** A path no real page is likely to have, with a query, so a redirect that drops either shows. */
export const PROBE_PATH = "/launch-ready/probe?from=plan";

export const ALWAYS_USE_HTTPS = "always_use_https";
export const NO_PROXIED_HOST = "The stack serves no web host through Cloudflare.";
const SSL_OFF_REF = "launch-ready:ssl-mode-off";
const SSL_OFF_BY = "SSL mode `off`";

export interface EdgeChains {
  readonly zones: readonly EdgeZone[];
  readonly sim: readonly SimZone[];
  /** Every start URL under both orders, as the judges read them; a chain the order does not change appears once. */
  readonly chains: readonly Chain[];
  /** Redirect rules naming hosts that are not proxied in their zone: they never run. */
  readonly idleRules: readonly IdleRule[];
}

export function isSslOff(z: EdgeZone): boolean {
  return z.settings.get("ssl")?.value === "off";
}

/** The planned edge as the simulator sees it, with SSL mode `off` as the zone's first rule. */
export function planSim(zones: readonly EdgeZone[]): SimZone[] {
  return simZones(zones).map((s, i) => {
    const z = zones[i];
    if (z === undefined || !isSslOff(z) || s.hosts.length === 0) return s;
    const off = { ref: SSL_OFF_REF, expression: `ssl and http.host in ${hostSet(s.hosts)}`, targetExpression: 'concat("http://", http.host, http.request.uri.path)', preserveQueryString: true, statusCode: 301 };
    return { ...s, rules: [off, ...s.rules] };
  });
}

/** Every chain of the plan; derived once per resources array, however many rules ask (`memo.ts`). */
export function edgeChains(resources: readonly PlannedResource[]): EdgeChains {
  return edgeChainsOnce(resources);
}

const edgeChainsOnce = memoByIdentity((resources: readonly PlannedResource[]): EdgeChains => {
  const zones = webZones(resources).filter((z) => z.proxiedHosts.length > 0);
  const sim = planSim(zones);
  const paths = new Set([PROBE_PATH]);
  for (const z of sim) {
    for (const rule of z.rules) {
      const parsed = parseRule(rule);
      if (!parsed.ok) continue;
      for (const atom of parsed.atoms) if (atom.kind === "path-eq") paths.add(`${atom.path}?from=plan`);
    }
  }
  const chains: Chain[] = [];
  const seen = new Set<string>();
  for (const z of sim) {
    for (const host of z.hosts) {
      for (const scheme of ["http", "https"]) {
        for (const p of paths) {
          for (const order of EDGE_ORDERS) {
            const c = followChain(sim, `${scheme}://${host}${p}`, order);
            const key = JSON.stringify([c.start, c.hops, c.end]);
            if (seen.has(key)) continue;
            seen.add(key);
            chains.push(toJudgeChain(c, order, p === PROBE_PATH));
          }
        }
      }
    }
  }
  return { zones, sim, chains, idleRules: idleRules(zones, sim) };
});

/** The chain from `url` under each edge order, as the judges read it (deduplicated). */
export function chainsFrom(sim: readonly SimZone[], url: string): Chain[] {
  const out = new Map<string, Chain>();
  for (const order of EDGE_ORDERS) {
    const c = followChain(sim, url, order);
    out.set(JSON.stringify([c.hops, c.end]), toJudgeChain(c, order, false));
  }
  return [...out.values()];
}

export function toJudgeChain(c: SimChain, order: EdgeOrder, probe: boolean): Chain {
  const hops = c.hops.map((h) => ({ from: h.from, to: h.to, status: h.status, by: h.by === `rule ${SSL_OFF_REF}` ? SSL_OFF_BY : h.by }));
  const last = c.hops.at(-1)?.to ?? c.start;
  const e = c.end;
  const end: Chain["end"] =
    e.kind === "unreadable" ? { kind: "unknown", url: last, reason: `redirect rule \`${e.ref}\` cannot be read: ${e.reason}` } : e.kind === "final" ? { kind: "final", url: e.url } : e;
  const note = c.hops.some((h) => h.by === ALWAYS_USE_HTTPS) ? describeOrder(order) : undefined;
  return { start: c.start, hops, end, ...(note !== undefined ? { note } : {}), ...(probe ? { pathShouldStay: true } : {}) };
}

// Single redirects only run for proxied hostnames: a rule for any other host never fires.
function idleRules(zones: readonly EdgeZone[], sim: readonly SimZone[]): IdleRule[] {
  const out: IdleRule[] = [];
  sim.forEach((z, i) => {
    for (const rule of z.rules) {
      const parsed = parseRule(rule);
      if (!parsed.ok) continue;
      for (const atom of parsed.atoms) {
        if (atom.kind !== "host-in") continue;
        const dark = [...atom.hosts].filter((h) => !z.hosts.includes(h));
        if (dark.length > 0) out.push({ ref: rule.ref, zone: zones[i]?.label ?? z.name, hosts: dark });
      }
    }
  });
  return out;
}

/** The zone (its redirect ruleset, else a host record) a finding about `url` belongs to. */
export function urnFor(zones: readonly EdgeZone[], url: string): string | undefined {
  const host = new URL(url).hostname;
  const zone = zones.find((z) => z.proxiedHosts.includes(host));
  return zone?.rulesets[0]?.urn ?? zone?.records.find((r) => String(r.inputs["name"]).toLowerCase() === host)?.urn;
}

const WEB_TYPES = new Set(["A", "AAAA", "CNAME"]);

/** A zone that serves a site, with the apex and www the auditor will look at after apply. */
export interface SiteZone {
  readonly zone: EdgeZone;
  readonly apex: string;
  readonly www: string;
}

/** The web zones whose records name a domain (the apex and www are then known). */
export function siteZones(resources: readonly PlannedResource[]): SiteZone[] {
  return webZones(resources)
    .filter((z) => z.label !== z.zoneId)
    .map((zone) => ({ zone, apex: zone.label, www: `www.${zone.label}` }));
}

/**
 * Whether `host` will answer over HTTPS, as the auditor decides it from its `https://host/` answer: no web record
 * is no address; an unproxied record is answered by the origin itself, which the plan cannot see; a proxied one is
 * answered by the edge (served, redirected, or with SSL `off` downgraded to http).
 */
export function plannedHostHttps(zones: readonly EdgeZone[], sim: readonly SimZone[], host: string): HostHttps {
  const records = webRecordsByName(zones).get(host) ?? [];
  if (records.length === 0) return { kind: "no-address", host };
  if (!records.some((r) => r.inputs["proxied"] === true)) return { kind: "unknown", host, reason: `${host} is not proxied, so its origin answers HTTPS itself, which cannot be known before apply` };
  const chain = chainsFrom(sim, `https://${host}/`)[0];
  return chain === undefined ? { kind: "unknown", host, reason: "no chain" } : hostHttpsOf(host, chain);
}

/** The web records (A/AAAA/CNAME) of all the zones by lower-case name, in zone and record order: one pass, not one per host. */
const webRecordsByName = memoByIdentity((zones: readonly EdgeZone[]): ReadonlyMap<string, readonly PlannedResource[]> => {
  const byName = new Map<string, PlannedResource[]>();
  for (const r of zones.flatMap((z) => z.records)) {
    if (!WEB_TYPES.has(String(r.inputs["type"]))) continue;
    const name = String(r.inputs["name"]).toLowerCase();
    const same = byName.get(name);
    if (same === undefined) byName.set(name, [r]);
    else same.push(r);
  }
  return byName;
});

/** A site zone with what the auditor will look at after apply, predicted from the plan. */
export interface PlannedSite extends SiteZone {
  readonly apexHttps: HostHttps;
  readonly wwwHttps: HostHttps;
  readonly hsts: HstsSource;
  /** The chains from `http://apex/`, one per edge order that changes it. */
  readonly apexHttp: readonly Chain[];
  /** Web records of the zone that are not proxied, so not known to serve HTTPS. */
  readonly unproxied: readonly string[];
}

export function plannedSites(resources: readonly PlannedResource[]): PlannedSite[] {
  return [...plannedSitesOnce(resources)];
}

const plannedSitesOnce = memoByIdentity((resources: readonly PlannedResource[]): readonly PlannedSite[] => {
  const all = webZones(resources);
  const sim = planSim(all);
  return siteZones(resources).map((s) => {
    const apexHttps = plannedHostHttps(all, sim, s.apex);
    const unproxied = s.zone.records.filter((r) => WEB_TYPES.has(String(r.inputs["type"])) && r.inputs["proxied"] !== true).map((r) => String(r.inputs["name"]).toLowerCase());
    return {
      ...s,
      apexHttps,
      wwwHttps: plannedHostHttps(all, sim, s.www),
      hsts: plannedHstsSource(s.zone, apexHttps),
      apexHttp: chainsFrom(sim, `http://${s.apex}/`),
      unproxied: [...new Set(unproxied)],
    };
  });
});

/** The urn of the zone's record for `host`, else any of its resources'. */
export function siteUrn(s: SiteZone, host: string): string | undefined {
  return s.zone.records.find((r) => String(r.inputs["name"]).toLowerCase() === host)?.urn ?? s.zone.records[0]?.urn;
}

/** The chains starting on each zone's proxied hosts, with the zone's idle rules and the urn findings attach to. */
export interface ZoneChains {
  readonly zone: EdgeZone;
  readonly chains: readonly Chain[];
  readonly idleRules: readonly IdleRule[];
  readonly urn: string | undefined;
}

export function zoneChains(resources: readonly PlannedResource[]): { readonly zones: readonly ZoneChains[]; readonly canonical: readonly string[] } {
  return zoneChainsOnce(resources);
}

const zoneChainsOnce = memoByIdentity((resources: readonly PlannedResource[]): { readonly zones: readonly ZoneChains[]; readonly canonical: readonly string[] } => {
  const all = edgeChains(resources);
  // Grouped in one pass each (chains by the zones proxying their start host, sites and idle rules by zone), in
  // the order a filter per zone would give.
  const zonesOfHost = new Map<string, number[]>();
  all.zones.forEach((zone, i) => {
    for (const h of new Set(zone.proxiedHosts)) {
      const list = zonesOfHost.get(h);
      if (list === undefined) zonesOfHost.set(h, [i]);
      else list.push(i);
    }
  });
  const chainsOf = all.zones.map((): Chain[] => []);
  for (const c of all.chains) for (const i of zonesOfHost.get(hostOf(c.start)) ?? []) chainsOf[i]?.push(c);
  const siteOf = new Map<string, SiteZone>();
  for (const s of siteZones(resources)) if (!siteOf.has(s.zone.zoneId)) siteOf.set(s.zone.zoneId, s);
  const idleOf = new Map<string, IdleRule[]>();
  for (const r of all.idleRules) {
    const list = idleOf.get(r.zone);
    if (list === undefined) idleOf.set(r.zone, [r]);
    else list.push(r);
  }
  const zones = all.zones.map((zone, i) => ({
    zone,
    chains: [...(chainsOf[i] ?? []), ...unservedApex(siteOf.get(zone.zoneId))],
    idleRules: idleOf.get(zone.label) ?? [],
    urn: zone.rulesets[0]?.urn ?? zone.records[0]?.urn,
  }));
  return { zones, canonical: canonicalHosts(all.zones) };
});

/**
 * The auditor always starts at `http://apex/` and `https://apex/`: when the plan gives the apex no proxied record,
 * those chains end at once, on no address (a fact) or on an origin the plan cannot see.
 */
function unservedApex(site: SiteZone | undefined): Chain[] {
  if (site === undefined || site.zone.proxiedHosts.includes(site.apex)) return [];
  const records = site.zone.records.filter((r) => WEB_TYPES.has(String(r.inputs["type"])) && String(r.inputs["name"]).toLowerCase() === site.apex);
  return ["http", "https"].map((scheme): Chain => {
    const url = `${scheme}://${site.apex}/`;
    return {
      start: url,
      hops: [],
      end: records.length === 0 ? { kind: "failed", url, reason: `${site.apex} has no A or AAAA record (no web record is planned)` } : { kind: "unknown", url, reason: `${site.apex} is not proxied, so its origin answers, which cannot be known before apply` },
    };
  });
}

/**
 * Where the site lands, i.e. the canonical host(s): where each proxied host's https:// request ends, followed through
 * the redirect rules alone (SSL mode `off` would turn every such request back to http and hide the intent).
 */
export function canonicalHosts(zones: readonly EdgeZone[]): string[] {
  const sim = simZones(zones);
  return [...new Set(zones.flatMap((z) => z.proxiedHosts).flatMap((h) => {
    const c = followChain(sim, `https://${h}${PROBE_PATH}`);
    return c.end.kind === "final" ? [hostOf(c.end.url)] : [];
  }))];
}

