/** The planned HSTS policy of each web zone, for the hsts.* rules. */
import { readSecurityHeaderValue, type StrictTransportSecurity } from "../../../core/edge/hsts";
import type { PlannedResource } from "../../resource";
import { type EdgeZone, webZones } from "./edge";

export type ZoneHsts =
  | { readonly zone: EdgeZone; readonly kind: "missing" }
  | { readonly zone: EdgeZone; readonly kind: "invalid"; readonly urn: string; readonly error: string }
  | { readonly zone: EdgeZone; readonly kind: "ok"; readonly urn: string; readonly sts: StrictTransportSecurity };

export function zoneHsts(resources: readonly PlannedResource[]): ZoneHsts[] {
  return webZones(resources).map((zone): ZoneHsts => {
    const s = zone.settings.get("security_header");
    if (s === undefined) return { zone, kind: "missing" };
    const read = readSecurityHeaderValue(s.value);
    return read.ok ? { zone, kind: "ok", urn: s.urn, sts: read.sts } : { zone, kind: "invalid", urn: s.urn, error: read.error };
  });
}

/** Zones whose HSTS policy is planned and enabled: the ones max-age / includeSubDomains / preload apply to. */
export function enabledHsts(resources: readonly PlannedResource[]): (ZoneHsts & { kind: "ok" })[] {
  return zoneHsts(resources).filter((z): z is ZoneHsts & { kind: "ok" } => z.kind === "ok" && z.sts.enabled);
}
