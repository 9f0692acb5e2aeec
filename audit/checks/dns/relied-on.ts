/**
 * The RRsets the audit's checks rely on for one target: what dnssec.chain validates, so that a bogus answer to any
 * of them fails the chain by name (RFC 4035 §5.3) instead of feeding a check forged data. The list is built from
 * the same lookups the checks make (their name rules, the SPF evaluator, the CAA climb), read from the same
 * per-run DNS cache, so it costs no extra queries for data; `test/audit/checks/dns/relied-on.test.ts` runs every
 * check module and fails when one asks for a name or type this list does not name.
 */
import { domainToASCII } from "node:url";
import { evaluateSpf, type SpfDns } from "../../../core/email/spf";
import { isDmarcRecord, parseDmarc } from "../../../core/email/dmarc";
import type { Lookup } from "../../../core/email/lookup";
import type { AuditContext, AuditTarget, DnsLookup, DnsRecordType } from "../../types";
import { COMMON_DKIM_SELECTORS } from "../email/dkim";
import { findZone } from "../../dns/zone";
import { relevantCaaSet } from "./caa";

export interface ReliedOnRrset {
  readonly name: string;
  readonly type: DnsRecordType;
  /** Which checks read it (for the evidence). */
  readonly by: string;
}

function strip<T>(l: DnsLookup<T>): Lookup<T> {
  if (l.kind === "answer") return l.records.length > 0 ? { kind: "answer", records: l.records } : { kind: "absent", reason: "NODATA" };
  return l;
}

function hostOf(nameOrUrl: string, base: string): string | undefined {
  try {
    const host = new URL(nameOrUrl, `https://${base}/`).hostname;
    return domainToASCII(host.replace(/\.$/, "")) || undefined;
  } catch {
    return undefined;
  }
}

/** The names between `name` and `orgDomain` inclusive, nearest first: where a DMARC policy may be looked up. */
function dmarcPolicyDomains(name: string, orgDomain: string): string[] {
  const out: string[] = [];
  const labels = name.split(".");
  for (let i = 0; i < labels.length; i++) {
    const d = labels.slice(i).join(".");
    out.push(d);
    if (d === orgDomain) break;
  }
  return out;
}

export async function reliedOnRrsets(target: AuditTarget, ctx: AuditContext): Promise<ReliedOnRrset[]> {
  const n = target.name;
  const out = new Map<string, ReliedOnRrset>();
  const add = (name: string, type: DnsRecordType, by: string): void => {
    const key = `${type} ${name}`;
    const had = out.get(key);
    out.set(key, had ? { ...had, by: had.by.split(", ").includes(by) ? had.by : `${had.by}, ${by}` } : { name, type, by });
  };
  const addHost = (host: string, by: string): void => {
    add(host, "A", by);
    add(host, "AAAA", by);
  };

  add(n, "NS", "dns.resolve");
  add(n, "SOA", "dns.resolve");
  // A subdomain audited on its own: the walk up to its zone, and the zone apex's NS and SOA.
  const zone = await findZone(ctx.dns, n);
  for (const w of zone.walked) add(w, "SOA", "dns.resolve");
  if (zone.kind === "found") {
    add(zone.zone, "NS", "dns.resolve");
    add(zone.zone, "SOA", "dns.resolve");
  }

  // The CAA climb (RFC 8659 §3): every level asked until a set is found, the found one included.
  const caa = await relevantCaaSet(n, ctx);
  for (const at of caa.climbed) add(at, "CAA", "caa.*");

  // Mail: MX and the apex TXT (SPF, parked-domain detection), each MX host, and the SPF tree as the evaluator walks it.
  add(n, "MX", "mx.*, spf.*, mtasts.*");
  add(n, "TXT", "spf.*");
  const mx = await ctx.dns.query(n, "MX");
  if (mx.kind === "answer") {
    for (const r of mx.records) {
      if (r.exchange === "" || r.exchange === ".") continue;
      add(r.exchange, "CNAME", "mx.records");
      addHost(r.exchange, "mx.records");
    }
  }
  const recording: SpfDns = {
    txt: async (name) => (add(name, "TXT", "spf.*"), strip(await ctx.dns.query(name, "TXT"))),
    mx: async (name) => (add(name, "MX", "spf.*"), strip(await ctx.dns.query(name, "MX"))),
    a: async (name) => (add(name, "A", "spf.*"), strip(await ctx.dns.query(name, "A"))),
    aaaa: async (name) => (add(name, "AAAA", "spf.*"), strip(await ctx.dns.query(name, "AAAA"))),
  };
  await evaluateSpf(n, recording);

  // DMARC at the name and every parent up to the organisational domain (RFC 7489 §6.6.3), and the external report
  // authorisations of whichever record applies (RFC 7489 §7.1).
  for (const d of dmarcPolicyDomains(n, target.orgDomain)) {
    add(`_dmarc.${d}`, "TXT", "dmarc.*");
    const txt = await ctx.dns.query(`_dmarc.${d}`, "TXT");
    const record = txt.kind === "answer" ? txt.records.find(isDmarcRecord) : undefined;
    if (record === undefined) continue;
    const parsed = parseDmarc(record);
    for (const u of [...parsed.record.rua, ...parsed.record.ruf]) {
      if (u.domain) add(`${d}._report._dmarc.${u.domain}`, "TXT", "dmarc.rua_authorized");
    }
  }

  // MTA-STS and TLS-RPT (RFC 8461 §3, RFC 8460 §3), and the policy host.
  add(`_mta-sts.${n}`, "TXT", "mtasts.*, tlsrpt.record");
  addHost(`mta-sts.${n}`, "mtasts.policy_fetch");
  add(`_smtp._tls.${n}`, "TXT", "tlsrpt.record");

  // DKIM: the configured selectors, else the common ones; a selector may be a CNAME to the provider.
  const configured = ctx.expected?.dkimSelectors ?? [];
  for (const s of configured.length > 0 ? configured : COMMON_DKIM_SELECTORS) {
    // Each name on its CNAME chain, as the dkim checks follow it (RFC 6376 §3.6.2.1).
    let current = `${s}._domainkey.${n}`;
    for (let hop = 0; hop < 8; hop++) {
      add(current, "TXT", "dkim.*");
      add(current, "CNAME", "dkim.*");
      const cname = await ctx.dns.query(current, "CNAME");
      const next = cname.kind === "answer" ? cname.records[0] : undefined;
      if (next === undefined || out.has(`TXT ${next}`)) break;
      current = next;
    }
  }

  // Web: the hosts the HTTPS checks connect to.
  addHost(n, "web.*");
  addHost(`www.${n}`, "web.*");
  addHost(`app.${n}`, "cors.*");
  const e = ctx.expected;
  if (e) {
    for (const h of [e.canonicalHost, ...e.aliases, ...Object.values(e.endpoints)]) {
      const host = h === undefined ? undefined : hostOf(h, n);
      if (host !== undefined) addHost(host, "web.*");
    }
  }
  return [...out.values()];
}
