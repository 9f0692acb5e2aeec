/**
 * The HSTS policy each site zone's apex will send, read from the planned `security_header` zone setting, in the
 * shape the auditor reads a served header (`HstsSource`): Cloudflare sends the header on the HTTPS answers of the
 * zone's proxied hosts, never over plain http.
 */
import { hstsHeaderText, readSecurityHeaderValue } from "../../../core/edge/hsts";
import type { HstsSource, HostHttps } from "../../../core/judges/web";
import { describeHostHttps } from "../../../core/judges/web";
import type { EdgeZone } from "./edge";

export function plannedHstsSource(zone: EdgeZone, apex: HostHttps): HstsSource {
  const host = apex.host;
  switch (apex.kind) {
    case "no-address":
    case "no-answer":
    case "downgraded":
      return { kind: "no-https", host, reason: describeHostHttps(apex) };
    case "unknown":
      return { kind: "unknown", host, reason: apex.reason };
    case "served":
    case "redirected":
      break;
  }
  const url = `https://${host}/`;
  const s = zone.settings.get("security_header");
  if (s === undefined) return { kind: "response", url, https: [], http: [], basis: `no \`security_header\` setting is planned for ${zone.label}` };
  const read = readSecurityHeaderValue(s.value);
  if (!read.ok) return { kind: "unreadable-setting", host, error: read.error };
  const sts = read.sts;
  if (!sts.enabled) return { kind: "response", url, https: [], http: [], basis: `the planned \`security_header\` of ${zone.label} has \`enabled: false\`` };
  return { kind: "response", url, https: [hstsHeaderText(sts)], http: [], basis: `from the planned \`security_header\` of ${zone.label}` };
}

/** The urn to attach an HSTS finding to: the setting when planned. */
export function hstsUrn(zone: EdgeZone): string | undefined {
  return zone.settings.get("security_header")?.urn;
}
