/**
 * Reads the planned edge (zone settings, DNS records, redirect rulesets, DNSSEC) back out of the planned resources,
 * per zone, for the SSL/TLS and DNS/redirect rules. Inputs are read through the runner's proxy: an unknown value
 * throws, and the runner reports the rule as not decidable before apply.
 */
import { getDomain } from "tldts";
import type { SimRule, SimZone } from "../../../core/edge/redirect-sim";
import { ofType, TYPES } from "../../rule";
import type { PlannedResource } from "../../resource";
import { memoByIdentity } from "./memo";

export const EDGE_TYPES = {
  zoneSetting: "cloudflare:index/zoneSetting:ZoneSetting",
  ruleset: "cloudflare:index/ruleset:Ruleset",
  zoneDnssec: "cloudflare:index/zoneDnssec:ZoneDnssec",
} as const;

export const REDIRECT_PHASE = "http_request_dynamic_redirect";
const WEB_TYPES = new Set(["A", "AAAA", "CNAME"]);

export interface PlannedSetting {
  readonly value: unknown;
  readonly urn: string;
}

export interface EdgeZone {
  readonly zoneId: string;
  /** Display name: the registrable domain of the zone's records, else the zone id. */
  readonly label: string;
  /** Proxied web hosts (A/AAAA/CNAME with `proxied: true`). */
  readonly proxiedHosts: readonly string[];
  readonly records: readonly PlannedResource[];
  readonly settings: ReadonlyMap<string, PlannedSetting>;
  readonly rulesets: readonly PlannedResource[];
  readonly dnssec: readonly PlannedResource[];
}

export function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Every zone the stack touches (through records, settings, rulesets or DNSSEC), keyed by zone id. */
export function edgeZones(resources: readonly PlannedResource[]): EdgeZone[] {
  return [...zonesOnce(resources)];
}

interface ZoneBucket {
  readonly records: PlannedResource[];
  readonly settings: PlannedResource[];
  readonly rulesets: PlannedResource[];
  readonly dnssec: PlannedResource[];
}

/**
 * One pass per resource kind, grouping by zone id. Inputs are read in the order a per-zone scan would read them, so
 * the first unknown value met (and so the "cannot tell" message) is the same.
 */
const zonesOnce = memoByIdentity((resources: readonly PlannedResource[]): readonly EdgeZone[] => {
  const buckets = new Map<string, ZoneBucket>();
  const bucket = (r: PlannedResource): ZoneBucket => {
    const id = str(r.inputs["zoneId"]) ?? "(no zone id)";
    let b = buckets.get(id);
    if (b === undefined) {
      b = { records: [], settings: [], rulesets: [], dnssec: [] };
      buckets.set(id, b);
    }
    return b;
  };
  for (const r of ofType(resources, TYPES.dnsRecord)) bucket(r).records.push(r);
  const settings = ofType(resources, EDGE_TYPES.zoneSetting);
  const settingZone = new Map(settings.map((r) => [r, bucket(r)] as const));
  for (const [r, b] of settingZone) b.settings.push(r);
  for (const r of ofType(resources, EDGE_TYPES.ruleset).filter((x) => x.inputs["phase"] === REDIRECT_PHASE)) bucket(r).rulesets.push(r);
  for (const r of ofType(resources, EDGE_TYPES.zoneDnssec)) bucket(r).dnssec.push(r);
  let settingIdsRead = false;
  return [...buckets].map(([zoneId, b]) => {
    const names = b.records.map((r) => str(r.inputs["name"]) ?? "").filter((n) => n !== "");
    const domains = names.map((n) => getDomain(n, { allowPrivateDomains: true })).filter((d): d is string => d !== null);
    // A scan of every setting per zone reads each setting's id (and the first zone's values) with the first zone.
    if (!settingIdsRead) {
      for (const [r, z] of settingZone) {
        const id = str(r.inputs["settingId"]);
        if (z === b && id !== undefined) void r.inputs["value"];
      }
      settingIdsRead = true;
    }
    const settingMap = new Map<string, PlannedSetting>();
    for (const r of b.settings) {
      const id = str(r.inputs["settingId"]);
      if (id !== undefined) settingMap.set(id, { value: r.inputs["value"], urn: r.urn });
    }
    return {
      zoneId,
      label: mostCommon(domains) ?? zoneId,
      proxiedHosts: b.records.filter((r) => WEB_TYPES.has(String(r.inputs["type"])) && r.inputs["proxied"] === true).map((r) => String(r.inputs["name"]).toLowerCase()),
      records: b.records,
      settings: settingMap,
      rulesets: b.rulesets,
      dnssec: b.dnssec,
    };
  });
});

/** Zones that serve web traffic through the edge, or whose edge settings the stack manages. */
export function webZones(resources: readonly PlannedResource[]): EdgeZone[] {
  return edgeZones(resources).filter((z) => z.proxiedHosts.length > 0 || z.settings.size > 0);
}

function mostCommon(xs: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The redirect rules of a planned Ruleset, as the simulator reads them. */
export function simRulesOf(ruleset: PlannedResource): SimRule[] {
  const rules = ruleset.inputs["rules"];
  if (!Array.isArray(rules)) return [];
  const out: SimRule[] = [];
  rules.forEach((raw: unknown, i) => {
    if (!isRecord(raw) || raw["action"] !== "redirect" || raw["enabled"] === false) return;
    const params = isRecord(raw["actionParameters"]) ? raw["actionParameters"] : {};
    const from = isRecord(params["fromValue"]) ? params["fromValue"] : {};
    const target = isRecord(from["targetUrl"]) ? from["targetUrl"] : {};
    const value = str(target["value"]);
    const expression = str(target["expression"]);
    out.push({
      ref: str(raw["ref"]) ?? `#${i + 1}`,
      expression: str(raw["expression"]) ?? "",
      ...(value !== undefined ? { targetValue: value } : {}),
      ...(expression !== undefined ? { targetExpression: expression } : {}),
      preserveQueryString: from["preserveQueryString"] === true,
      statusCode: typeof from["statusCode"] === "number" ? from["statusCode"] : 301,
    });
  });
  return out;
}

/** The planned edge as the redirect simulator sees it. */
export function simZones(zones: readonly EdgeZone[]): SimZone[] {
  return zones.map((z) => ({
    name: z.label,
    hosts: z.proxiedHosts,
    alwaysUseHttps: z.settings.get("always_use_https")?.value === "on",
    rules: z.rulesets.flatMap(simRulesOf),
  }));
}
