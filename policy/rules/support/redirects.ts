/**
 * Re-derives, from the planned zones, the redirect chain a browser would follow from every proxied host, over http
 * and https, for a probe path and every legacy path a rule names. The three web.redirect_* rules judge these chains.
 */
import { type Chain, followChain, parseRule, type SimZone } from "../../../core/edge/redirect-sim";
import type { PlannedResource } from "../../resource";
import { type EdgeZone, simZones, webZones } from "./edge";

/** A path no real page is likely to have, with a query, so a redirect that drops either shows. */
export const PROBE_PATH = "/launch-ready/probe?from=plan";

export interface EdgeChains {
  readonly zones: readonly EdgeZone[];
  readonly sim: readonly SimZone[];
  readonly chains: readonly Chain[];
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
  const chains: Chain[] = [];
  for (const z of sim) {
    for (const host of z.hosts) {
      for (const scheme of ["http", "https"]) {
        for (const p of paths) chains.push(followChain(sim, `${scheme}://${host}${p}`));
      }
    }
  }
  return { zones, sim, chains };
}

export function describeChain(c: Chain): string {
  const steps = [c.start, ...c.hops.map((h) => `${h.to} (${h.status}, ${h.by})`)];
  return steps.join(" → ");
}

/** The zone (its redirect ruleset, else a host record) a violation about `url` belongs to. */
export function urnFor(zones: readonly EdgeZone[], url: string): string | undefined {
  const host = new URL(url).hostname;
  const zone = zones.find((z) => z.proxiedHosts.includes(host));
  return zone?.rulesets[0]?.urn ?? zone?.records.find((r) => String(r.inputs["name"]).toLowerCase() === host)?.urn;
}
