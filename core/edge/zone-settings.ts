/**
 * The zone settings that make a Cloudflare zone serve HTTPS everywhere, as data with narrow literal types: the
 * SDK types `settingId` as any string and `value` as `any`, so a typo would only show at apply (DESIGN: traps).
 */
import type { WebSpec } from "../spec";
import { type SecurityHeaderValue, securityHeaderValue } from "./hsts";

/** Cloudflare's SSL modes. Only `strict` validates the origin's certificate. */
export const SSL_MODES = ["off", "flexible", "full", "strict"] as const;
export type SslMode = (typeof SSL_MODES)[number];

export const TLS_VERSIONS = ["1.0", "1.1", "1.2", "1.3"] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

export type OnOff = "on" | "off";

/** One `cloudflare.ZoneSetting`: the API's setting id (snake_case) and its typed value. */
export type ZoneSettingPlan =
  | { readonly settingId: "ssl"; readonly value: SslMode }
  | { readonly settingId: "always_use_https"; readonly value: OnOff }
  | { readonly settingId: "automatic_https_rewrites"; readonly value: OnOff }
  | { readonly settingId: "min_tls_version"; readonly value: TlsVersion }
  | { readonly settingId: "tls_1_3"; readonly value: OnOff }
  | { readonly settingId: "security_header"; readonly value: SecurityHeaderValue };

export type ZoneSettingId = ZoneSettingPlan["settingId"];

export interface ZoneSettingsOptions {
  /**
   * Leave Always Use HTTPS out of the plan (the zone keeps its current value): while an adopted redirect entrypoint
   * is only being imported, its live rules stay as they are, so nothing may take the upgrade away yet.
   */
  readonly keepAlwaysUseHttps?: boolean;
}

/** The settings of a zone that serves web traffic. `ssl` comes from config; the rest are the checklist's. */
export function planZoneSettings(web: Pick<WebSpec, "ssl" | "hsts">, opts: ZoneSettingsOptions = {}): ZoneSettingPlan[] {
  return [
    { settingId: "ssl", value: web.ssl },
    // Off on purpose: the redirect ruleset's catch-all rule upgrades http → https itself, so an alias takes one hop
    // whichever of the two Cloudflare runs first (see `redirects.ts`). The component orders it after the ruleset.
    ...(opts.keepAlwaysUseHttps === true ? [] : [{ settingId: "always_use_https", value: "off" } as const]),
    { settingId: "automatic_https_rewrites", value: "on" },
    // RFC 8996 deprecates TLS 1.0 and 1.1.
    { settingId: "min_tls_version", value: "1.2" },
    { settingId: "tls_1_3", value: "on" },
    { settingId: "security_header", value: securityHeaderValue(web.hsts) },
  ];
}

/** Resource-name suffix for a setting: `ssl`, `always-use-https`, … */
export function settingSlug(id: ZoneSettingId): string {
  return id.replace(/_/g, "-");
}
