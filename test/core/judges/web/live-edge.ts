/**
 * A live edge in memory, built from a plan: the DNS, HTTP and TLS answers a Cloudflare zone applied from these
 * planned resources would give, hop by hop from the redirect simulator (the same one the plan rules read), so the
 * auditor can be run against "the plan, applied" and its verdicts compared with the plan rules'.
 */
import type { DnsClient, HttpClient, HttpResult, TlsHandshakeResult, TlsProbe } from "../../../../audit/types";
import { hstsHeaderText, readSecurityHeaderValue } from "../../../../core/edge/hsts";
import { type EdgeOrder, followChain } from "../../../../core/edge/redirect-sim";
import type { PlannedResource } from "../../../../policy/resource";
import { webZones } from "../../../../policy/rules/support/edge";
import { planSim } from "../../../../policy/rules/support/redirects";
import { fakeDns, type Zone } from "../../../audit/checks/email/fakes";

const WEB = new Set(["A", "AAAA", "CNAME"]);
const VERSIONS = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"] as const;
const MIN: Readonly<Record<string, number>> = { "1.0": 0, "1.1": 1, "1.2": 2, "1.3": 3 };

export interface LiveEdge {
  readonly dns: DnsClient;
  readonly http: HttpClient;
  readonly tls: TlsProbe;
}

/**
 * @param order which of Always Use HTTPS and the redirect rules answers first on this edge (undocumented: the plan
 *   rules judge both, so a test runs the live edge under the worse one).
 */
export function liveEdge(plan: readonly PlannedResource[], order: EdgeOrder, page = "<!doctype html><p>ok</p>"): LiveEdge {
  const zones = webZones(plan);
  const sim = planSim(zones);
  const hosts = new Set(zones.flatMap((z) => z.records.filter((r) => WEB.has(String(r.inputs["type"]))).map((r) => String(r.inputs["name"]).toLowerCase())));
  const zoneOf = (host: string) => zones.find((z) => z.proxiedHosts.includes(host));
  const dnsZone: Record<string, { A: string[] }> = {};
  for (const h of hosts) dnsZone[h] = { A: ["192.0.2.10"] };
  const http: HttpClient = {
    request(req) {
      const url = new URL(req.url);
      const host = url.hostname;
      if (!hosts.has(host)) return Promise.resolve({ kind: "error", url: req.url, reason: `${host} has no A or AAAA record`, elapsedMs: 0 });
      const zone = zoneOf(host);
      if (zone === undefined) return Promise.resolve({ kind: "error", url: req.url, reason: "connect ECONNREFUSED 192.0.2.10:443", elapsedMs: 0 });
      const hop = followChain(sim, req.url, order).hops[0];
      const headers: Record<string, string[]> = {};
      const sts = readSecurityHeaderValue(zone.settings.get("security_header")?.value);
      if (url.protocol === "https:" && zone.settings.get("ssl")?.value !== "off" && sts.ok && sts.sts.enabled) headers["strict-transport-security"] = [hstsHeaderText(sts.sts)];
      const res: HttpResult =
        hop !== undefined
          ? { kind: "response", url: req.url, status: hop.status, headers: { ...headers, location: [hop.to] }, body: "", truncated: false, elapsedMs: 1 }
          : { kind: "response", url: req.url, status: 200, headers: { ...headers, "content-type": ["text/html; charset=utf-8"] }, body: page, truncated: false, elapsedMs: 1 };
      return Promise.resolve(res);
    },
  };
  const tls: TlsProbe = {
    handshake(host, _port, options): Promise<TlsHandshakeResult> {
      const zone = zoneOf(host);
      if (zone === undefined) return Promise.resolve({ kind: "refused", reason: `connect ECONNREFUSED ${host}:443` });
      const pinned = options?.minVersion;
      const floor = MIN[String(zone.settings.get("min_tls_version")?.value ?? "1.0")] ?? 0;
      const t13 = zone.settings.get("tls_1_3")?.value;
      const offered = (i: number): boolean => i >= floor && (i < 3 || t13 === "on" || t13 === "zrt");
      // Pinned: that version or nothing. Unpinned, as Node's client asks (TLS 1.2 and up): the highest offered.
      const at = pinned !== undefined ? VERSIONS.findIndex((v) => v === pinned) : ([3, 2].find(offered) ?? -1);
      const protocol = VERSIONS[at];
      if (protocol === undefined || !offered(at)) return Promise.resolve({ kind: "refused", reason: "no protocols in common (alert 70)" });
      return Promise.resolve({
        kind: "connected",
        protocol,
        authorized: true,
        chain: [{ subject: `CN=${host}`, issuer: "CN=Edge CA", subjectAltNames: [host], validFrom: "2026-09-01T00:00:00Z", validTo: "2026-12-30T00:00:00Z", keyType: "EC", keyBits: 256, signatureAlgorithm: "ecdsa-with-SHA256", fingerprint256: "00" }],
      });
    },
  };
  const zone: Zone = dnsZone;
  return { dns: fakeDns(zone), http, tls };
}
