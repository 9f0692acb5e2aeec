/**
 * Planned resources for one Cloudflare zone, built from the toolkit's own planners the way the components register
 * them (same input shapes), so each rule test starts from a compliant edge and changes one thing.
 */
import { caaContent, planCaa } from "../../../../core/edge/caa";
import { httpsUpgradeRule, planRedirectRules, REDIRECT_PHASE } from "../../../../core/edge/redirects";
import { planZoneSettings, type ZoneSettingPlan } from "../../../../core/edge/zone-settings";
import type { PlannedResource } from "../../../../policy/resource";
import { planned } from "../../../helpers/planned";

export const ZONE_ID = "0f3a2b1c4d5e6f708192a3b4c5d6e7f8";
export const T = {
  record: "cloudflare:index/dnsRecord:DnsRecord",
  setting: "cloudflare:index/zoneSetting:ZoneSetting",
  ruleset: "cloudflare:index/ruleset:Ruleset",
  dnssec: "cloudflare:index/zoneDnssec:ZoneDnssec",
} as const;

export interface EdgeOptions {
  readonly zone?: string;
  readonly zoneId?: string;
  readonly canonical?: string;
  readonly aliases?: readonly string[];
  readonly origin?: string;
  readonly ssl?: "off" | "flexible" | "full" | "strict";
  readonly hsts?: { maxAgeSeconds: number; includeSubdomains: boolean; preload: boolean };
  readonly legacyPaths?: readonly { from: string; to: string }[];
  /** Replace or drop settings by id after planning. */
  readonly settings?: (s: ZoneSettingPlan[]) => { settingId: string; value: unknown }[];
  readonly caa?: boolean;
  readonly dnssec?: "active" | "disabled" | "none";
}

export function edgePlan(o: EdgeOptions = {}): PlannedResource[] {
  const zone = o.zone ?? "acme.example";
  const zoneId = o.zoneId ?? ZONE_ID;
  const canonical = o.canonical ?? zone;
  const aliases = o.aliases ?? [`www.${zone}`];
  const origin = o.origin ?? "lb-1.eu-west-1.elb.amazonaws.com";
  const out: PlannedResource[] = [];
  for (const host of [canonical, ...aliases]) {
    out.push(planned(T.record, { zoneId, name: host, type: "CNAME", content: origin, ttl: 1, proxied: true }, { name: `rec-${host}` }));
  }
  if (o.caa !== false) {
    for (const r of planCaa({ cloudflare: true, acm: origin.endsWith(".amazonaws.com"), extraIssuers: [] })) {
      out.push(planned(T.record, { zoneId, name: zone, type: "CAA", ttl: 3600, data: { flags: r.flags, tag: r.tag, value: r.value } }, { name: `caa-${caaContent(r)}` }));
    }
  }
  const plannedSettings = planZoneSettings({ ssl: o.ssl ?? "strict", hsts: o.hsts ?? { maxAgeSeconds: 31536000, includeSubdomains: true, preload: false } });
  const settings = o.settings ? o.settings(plannedSettings) : plannedSettings;
  for (const s of settings) out.push(planned(T.setting, { zoneId, settingId: s.settingId, value: s.value }, { name: `setting-${s.settingId}` }));
  const rules = planRedirectRules({ aliases, target: `https://${canonical}`, served: [canonical], legacyPaths: o.legacyPaths ?? [], proxied: [canonical, ...aliases] });
  out.push(
    planned(
      T.ruleset,
      {
        zoneId,
        kind: "zone",
        phase: REDIRECT_PHASE,
        name: "launch-ready single redirects",
        rules: rules.map((r) => ({
          ref: r.ref,
          expression: r.expression,
          action: "redirect",
          enabled: true,
          actionParameters: { fromValue: { statusCode: r.statusCode, preserveQueryString: r.preserveQueryString, targetUrl: "value" in r.target ? { value: r.target.value } : { expression: r.target.expression } } },
        })),
      },
      { name: `redirects-${zone}` },
    ),
  );
  if ((o.dnssec ?? "active") !== "none") out.push(planned(T.dnssec, { zoneId, status: o.dnssec ?? "active" }, { name: `dnssec-${zone}` }));
  return out;
}

/** Swap one setting's value. */
export function withSetting(id: string, value: unknown): (s: ZoneSettingPlan[]) => { settingId: string; value: unknown }[] {
  return (s) => s.map((x) => (x.settingId === id ? { settingId: id, value } : x));
}

/** Drop one setting. */
export function withoutSetting(id: string): (s: ZoneSettingPlan[]) => { settingId: string; value: unknown }[] {
  return (s) => s.filter((x) => x.settingId !== id);
}

/** Only unrelated resources: a stack with no Cloudflare web zone. */
export function noEdge(): PlannedResource[] {
  return [planned("random:index/randomPassword:RandomPassword", { length: 32 })];
}

/** A redirect rule as the component writes it, with a hand-written target. */
export function redirectRule(ref: string, expression: string, target: { value: string } | { expression: string }, preserveQueryString = true): Record<string, unknown> {
  return { ref, expression, action: "redirect", enabled: true, actionParameters: { fromValue: { statusCode: 301, preserveQueryString, targetUrl: target } } };
}

/** The toolkit's catch-all http → https rule for these hosts, as the component writes it. */
export function httpsUpgrade(hosts: readonly string[] = ["acme.example", "www.acme.example"]): Record<string, unknown> {
  const r = httpsUpgradeRule(hosts);
  return redirectRule(r.ref, r.expression, r.target, r.preserveQueryString);
}

/** The plan with its redirect ruleset's rules replaced. */
export function withRules(plan: readonly PlannedResource[], rules: readonly Record<string, unknown>[]): PlannedResource[] {
  return plan.map((r) => (r.type === T.ruleset ? { ...r, inputs: { ...r.inputs, rules } } : r));
}
