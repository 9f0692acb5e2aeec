/**
 * Re-derives, from the planned zones, the redirect chain a browser would follow from every proxied host, over http
 * and https, for a probe path and every legacy path a rule names, under both orders of Always Use HTTPS and the
 * redirect phase (Cloudflare documents neither: see `core/edge/redirects.ts`). The three web.redirect_* rules judge
 * these chains, so a plan passes only if it holds whichever order the edge uses.
 */
import { type Chain, describeOrder, EDGE_ORDERS, type EdgeOrder, followChain, parseRule, type SimZone } from "../../../core/edge/redirect-sim";
import type { PlannedResource } from "../../resource";
import { type EdgeZone, simZones, webZones } from "./edge";

/** A path no real page is likely to have, with a query, so a redirect that drops either shows. */
export const PROBE_PATH = "/launch-ready/probe?from=plan";

/** A chain and the order it was followed under. */
export interface OrderedChain extends Chain {
  readonly order: EdgeOrder;
}

export interface EdgeChains {
  readonly zones: readonly EdgeZone[];
  readonly sim: readonly SimZone[];
  /** Every start URL under both orders; a chain the order does not change appears once. */
  readonly chains: readonly OrderedChain[];
}

export function edgeChains(resources: readonly PlannedResource[]): EdgeChains {
  const zones = webZones(resources).filter((z) => z.proxiedHosts.length > 0);
  const sim = simZones(zones);
  const paths = new Set([PROBE_PATH]);
  for (const z of sim) {
    for (const rule of z.rules) {
      const parsed = parseRule(rule);
      if (!parsed.ok) continue;
      for (const atom of parsed.atoms) if (atom.kind === "path-eq") paths.add(`${atom.path}?from=plan`);
    }
  }
  const chains: OrderedChain[] = [];
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
            chains.push({ ...c, order });
          }
        }
      }
    }
  }
  return { zones, sim, chains };
}

/** The chain as `start → to (301, by) → …`, naming the order when Always Use HTTPS took part in it. */
export function describeChain(c: OrderedChain): string {
  const steps = [c.start, ...c.hops.map((h) => `${h.to} (${h.status}, ${h.by})`)];
  return steps.join(" → ") + (c.hops.some((h) => h.by === ALWAYS_USE_HTTPS) ? ` [${describeOrder(c.order)}]` : "");
}

export const ALWAYS_USE_HTTPS = "always_use_https";

/** The zone (its redirect ruleset, else a host record) a violation about `url` belongs to. */
export function urnFor(zones: readonly EdgeZone[], url: string): string | undefined {
  const host = new URL(url).hostname;
  const zone = zones.find((z) => z.proxiedHosts.includes(host));
  return zone?.rulesets[0]?.urn ?? zone?.records.find((r) => String(r.inputs["name"]).toLowerCase() === host)?.urn;
}
