/**
 * Reads the planned edge (zone settings, DNS records, redirect rulesets, DNSSEC) back out of the planned resources,
 * per zone, for the SSL/TLS and DNS/redirect rules. Inputs are read through the runner's proxy: an unknown value
 * throws, and the runner reports the rule as not decidable before apply.
 */
import { getDomain } from "tldts";
import type { SimRule, SimZone } from "../../../core/edge/redirect-sim";
import { ofType, TYPES } from "../../rule";
import type { PlannedResource } from "../../resource";

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
  const ids = new Set<string>();
  const zoneOf = (r: PlannedResource): string => {
    const id = str(r.inputs["zoneId"]) ?? "(no zone id)";
    ids.add(id);
    return id;
  };
  const records = ofType(resources, TYPES.dnsRecord).map((r) => [zoneOf(r), r] as const);
  const settings = ofType(resources, EDGE_TYPES.zoneSetting).map((r) => [zoneOf(r), r] as const);
  const rulesets = ofType(resources, EDGE_TYPES.ruleset)
    .filter((r) => r.inputs["phase"] === REDIRECT_PHASE)
    .map((r) => [zoneOf(r), r] as const);
  const dnssec = ofType(resources, EDGE_TYPES.zoneDnssec).map((r) => [zoneOf(r), r] as const);
  return [...ids].map((zoneId) => {
    const zoneRecords = records.filter(([z]) => z === zoneId).map(([, r]) => r);
    const names = zoneRecords.map((r) => str(r.inputs["name"]) ?? "").filter((n) => n !== "");
    const domains = names.map((n) => getDomain(n, { allowPrivateDomains: true })).filter((d): d is string => d !== null);
    const settingMap = new Map<string, PlannedSetting>();
    for (const [z, r] of settings) {
      const id = str(r.inputs["settingId"]);
      if (z === zoneId && id !== undefined) settingMap.set(id, { value: r.inputs["value"], urn: r.urn });
    }
    return {
      zoneId,
      label: mostCommon(domains) ?? zoneId,
      proxiedHosts: zoneRecords.filter((r) => WEB_TYPES.has(String(r.inputs["type"])) && r.inputs["proxied"] === true).map((r) => String(r.inputs["name"]).toLowerCase()),
      records: zoneRecords,
      settings: settingMap,
      rulesets: rulesets.filter(([z]) => z === zoneId).map(([, r]) => r),
      dnssec: dnssec.filter(([z]) => z === zoneId).map(([, r]) => r),
    };
  });
}

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
