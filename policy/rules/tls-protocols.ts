import { judgeTlsProtocols, type Offer, type TlsVersionName } from "../../core/judges/web";
import { plannedSites } from "./support/redirects";
import { type JudgedRule, judgedRule, zoneSubjects } from "./support/setting-rule";

const MINIMUMS: Readonly<Record<string, number>> = { "1.0": 0, "1.1": 1, "1.2": 2, "1.3": 3 };

/**
 * The TLS versions the apex's edge will offer, from `min_tls_version` (Cloudflare's default minimum is 1.0) and
 * `tls_1_3` (`on`, or `zrt` = on with 0-RTT), judged as the versions live handshakes with the apex find (RFC 8996).
 * An apex without a proxied record is not the edge's: no address means nothing to judge (as live), an unproxied one
 * is the origin's TLS, unknown before apply.
 */
export const tlsProtocols: JudgedRule = judgedRule("tls.protocols", (resources) =>
  zoneSubjects(plannedSites(resources), ({ zone: z, apex, apexHttps }) => {
    const min = z.settings.get("min_tls_version");
    const tls13 = z.settings.get("tls_1_3");
    const urn = min?.urn ?? tls13?.urn;
    if (apexHttps.kind === "no-address") return { verdict: judgeTlsProtocols({ kind: "no-https", host: apex, reason: `${apex} has no address` }), urn };
    if (apexHttps.kind === "unknown") {
      const unknown: Record<TlsVersionName, Offer> = { TLSv1: "unknown", "TLSv1.1": "unknown", "TLSv1.2": "unknown", "TLSv1.3": "unknown" };
      return { verdict: judgeTlsProtocols({ kind: "versions", host: apex, versions: unknown, basis: apexHttps.reason }), urn };
    }
    const floor = min === undefined ? 0 : MINIMUMS[String(min.value)];
    const t13: Offer = tls13 === undefined ? "unknown" : tls13.value === "on" || tls13.value === "zrt" ? "offered" : tls13.value === "off" ? "not-offered" : "unknown";
    const at = (i: number): Offer => (floor === undefined ? "unknown" : i < floor ? "not-offered" : "offered");
    const versions: Record<TlsVersionName, Offer> = { TLSv1: at(0), "TLSv1.1": at(1), "TLSv1.2": at(2), "TLSv1.3": at(3) === "offered" ? t13 : at(3) };
    const basis = `planned: \`min_tls_version\` ${min === undefined ? "not set (Cloudflare's default minimum is 1.0)" : `\`${String(min.value)}\``}, \`tls_1_3\` ${tls13 === undefined ? "not set" : `\`${String(tls13.value)}\``}`;
    return { verdict: judgeTlsProtocols({ kind: "versions", host: apex, versions, basis }), urn };
  }),
);
