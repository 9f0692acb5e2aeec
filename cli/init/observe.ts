/**
 * What `launch-ready init` looks at, through the auditor's own clients (DNS to the given resolvers only, HTTPS
 * through --connect-to and --ca): the apex and www (addresses, CNAME, where https:// ends up), MX, the apex TXT,
 * DMARC, CAA and the DKIM selectors the auditor tries. A lookup that fails stays `unknown`, never "no record".
 */
import { COMMON_DKIM_SELECTORS } from "../../audit/checks/email/dkim";
import { follow } from "../../audit/checks/web/follow";
import type { AuditTarget, DnsClient, DnsLookup, HttpClient } from "../../audit/types";
import type { DomainObservations, Seen, SeenDkim, SeenHost, SeenHttps } from "../../core/init";

function seen<T, U>(l: DnsLookup<T>, map: (r: T) => U): Seen<U> {
  if (l.kind === "error") return { kind: "unknown", reason: l.reason };
  if (l.kind === "absent" || l.records.length === 0) return { kind: "none" };
  return { kind: "found", records: l.records.map(map) };
}

const same = <T>(r: T): T => r;

async function httpsOf(http: HttpClient, name: string): Promise<SeenHttps> {
  const f = await follow((url) => http.request({ url }), `https://${name}/`);
  const end = f.chain.end;
  if (end.kind === "final") return { kind: "answered", finalUrl: end.url, status: end.status, hops: f.chain.hops.length };
  if (end.kind === "error") return { kind: "failed", reason: end.reason };
  if (end.kind === "loop") return { kind: "failed", reason: `redirect loop at ${end.url}` };
  return { kind: "failed", reason: `more than ${end.limit} redirects` };
}

async function observeHost(dns: DnsClient, http: HttpClient, name: string): Promise<SeenHost> {
  const [cname, a, aaaa] = await Promise.all([dns.query(name, "CNAME"), dns.query(name, "A"), dns.query(name, "AAAA")]);
  const host = { name, cname: seen(cname, same), a: seen(a, same), aaaa: seen(aaaa, same) };
  const reachable = host.cname.kind === "found" || host.a.kind === "found" || host.aaaa.kind === "found";
  const https: SeenHttps = reachable ? await httpsOf(http, name) : { kind: "not-tried", reason: `${name} has no address` };
  return { ...host, https };
}

async function observeDkim(dns: DnsClient, domain: string, selector: string): Promise<SeenDkim> {
  const name = `${selector}._domainkey.${domain}`;
  const cname = await dns.query(name, "CNAME");
  if (cname.kind === "error") return { selector, kind: "unknown", reason: cname.reason };
  const target = cname.kind === "answer" ? cname.records[0] : undefined;
  if (target !== undefined) return { selector, kind: "cname", target };
  const txt = await dns.query(name, "TXT");
  if (txt.kind === "error") return { selector, kind: "unknown", reason: txt.reason };
  return txt.kind === "answer" && txt.records.length > 0 ? { selector, kind: "txt", records: txt.records } : { selector, kind: "none" };
}

export async function observeDomain(target: AuditTarget, dns: DnsClient, http: HttpClient): Promise<DomainObservations> {
  const d = target.name;
  const [apex, www, mx, txt, dmarc, caa, dkim] = await Promise.all([
    observeHost(dns, http, d),
    observeHost(dns, http, `www.${d}`),
    dns.query(d, "MX"),
    dns.query(d, "TXT"),
    dns.query(`_dmarc.${d}`, "TXT"),
    dns.query(d, "CAA"),
    Promise.all(COMMON_DKIM_SELECTORS.map((s) => observeDkim(dns, d, s))),
  ]);
  return {
    domain: d,
    apex,
    www,
    mx: seen(mx, (r) => ({ preference: r.preference, exchange: r.exchange })),
    txt: seen(txt, same),
    dmarc: seen(dmarc, same),
    caa: seen(caa, (r) => ({ flags: r.flags, tag: r.tag, value: r.value })),
    dkim,
  };
}
