import type { Lookup, MxAnswer } from "../../../core/email/lookup";
import type { SpfDns } from "../../../core/email/spf";
import type { AuditContext, DnsLookup, DnsRecordType, EvidenceValue } from "../../types";

/** `TXT name` → what came back, for evidence. */
export function describeLookup<T>(type: DnsRecordType, name: string, lookup: DnsLookup<T>, show: (r: T) => EvidenceValue = (r) => String(r)): { [k: string]: EvidenceValue } {
  const query = `${type} ${name}`;
  if (lookup.kind === "answer") return { query, result: "answer", records: lookup.records.map(show) };
  return { query, result: lookup.kind === "absent" ? lookup.reason : "error", ...(lookup.kind === "error" ? { reason: lookup.reason } : {}) };
}

export const showMx = (r: MxAnswer): EvidenceValue => `${r.preference} ${r.exchange === "" ? "." : r.exchange}`;

/** A "record exists" answer: no records means absent even if a client hands back an empty answer. */
export function recordsOf<T>(lookup: DnsLookup<T>): readonly T[] {
  return lookup.kind === "answer" ? lookup.records : [];
}

function strip<T>(l: DnsLookup<T>): Lookup<T> {
  if (l.kind === "answer") return l.records.length > 0 ? { kind: "answer", records: l.records } : { kind: "absent", reason: "NODATA" };
  return l;
}

/** The SPF evaluator's view of the injected DNS client (core/email stays free of I/O). */
export function spfDnsOf(ctx: AuditContext): SpfDns {
  return {
    txt: async (n) => strip(await ctx.dns.query(n, "TXT")),
    mx: async (n) => strip(await ctx.dns.query(n, "MX")),
    a: async (n) => strip(await ctx.dns.query(n, "A")),
    aaaa: async (n) => strip(await ctx.dns.query(n, "AAAA")),
  };
}

/**
 * TXT at `name`, following a CNAME by hand when the client did not (DKIM selectors are often CNAMEs to the
 * provider, RFC 6376 §3.6.2.1). Returns the lookup of the final name and the chain for evidence.
 */
export async function txtFollowingCname(ctx: AuditContext, name: string): Promise<{ lookup: DnsLookup<string>; chain: string[] }> {
  const chain = [name];
  let current = name;
  for (let hop = 0; hop < 8; hop++) {
    const txt = await ctx.dns.query(current, "TXT");
    if (txt.kind === "answer" && txt.records.length > 0) return { lookup: txt, chain };
    if (txt.kind === "error") return { lookup: txt, chain };
    const cname = await ctx.dns.query(current, "CNAME");
    // A failed CNAME lookup leaves the name undecided: never read it as "no record" (docs/CHECKS.md, statuses).
    if (cname.kind === "error") return { lookup: cname, chain };
    const target = cname.kind === "answer" ? cname.records[0] : undefined;
    if (target === undefined || chain.includes(target)) return { lookup: txt, chain };
    chain.push(target);
    current = target;
  }
  return { lookup: { kind: "error", reason: `more than 8 CNAMEs from ${name}`, elapsedMs: 0 }, chain };
}

export function isNullMx(exchange: string): boolean {
  return exchange === "" || exchange === ".";
}
