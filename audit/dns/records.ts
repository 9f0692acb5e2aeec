import type * as dnsPacket from "dns-packet";
import type { DnsRecordData, DnsRecordType } from "../types";

/** Names as the auditor keeps them: lower case, no trailing dot. */
export function normaliseName(name: string): string {
  return name.replace(/\.$/, "").toLowerCase();
}

function txtText(data: dnsPacket.TxtData): string {
  // RFC 7208 §3.3: the character-strings of one TXT record are concatenated with no separator.
  const parts = Array.isArray(data) ? data : [data];
  return parts.map((p) => (typeof p === "string" ? p : p.toString("utf8"))).join("");
}

type Converters = { readonly [K in DnsRecordType]: (a: dnsPacket.Answer) => DnsRecordData[K] | undefined };

/** Turns one decoded answer of the asked type into the contract's record shape (undefined: not that type). */
export const RECORD_CONVERTERS: Converters = {
  A: (a) => (a.type === "A" ? a.data : undefined),
  AAAA: (a) => (a.type === "AAAA" ? a.data : undefined),
  CNAME: (a) => (a.type === "CNAME" ? normaliseName(a.data) : undefined),
  NS: (a) => (a.type === "NS" ? normaliseName(a.data) : undefined),
  MX: (a) => (a.type === "MX" ? { preference: a.data.preference ?? 0, exchange: normaliseName(a.data.exchange) } : undefined),
  TXT: (a) => (a.type === "TXT" ? txtText(a.data) : undefined),
  CAA: (a) => (a.type === "CAA" ? { flags: a.data.flags ?? (a.data.issuerCritical ? 128 : 0), tag: a.data.tag, value: a.data.value } : undefined),
  SOA: (a) => (a.type === "SOA" ? { mname: normaliseName(a.data.mname), rname: normaliseName(a.data.rname), serial: a.data.serial ?? 0 } : undefined),
  DS: (a) => (a.type === "DS" ? a : undefined),
  DNSKEY: (a) => (a.type === "DNSKEY" ? a : undefined),
  RRSIG: (a) => (a.type === "RRSIG" ? a : undefined),
};

export function convertRecords<T extends DnsRecordType>(type: T, answers: readonly dnsPacket.Answer[]): DnsRecordData[T][] {
  const convert: (a: dnsPacket.Answer) => DnsRecordData[T] | undefined = RECORD_CONVERTERS[type];
  const out: DnsRecordData[T][] = [];
  for (const a of answers) {
    const r = convert(a);
    if (r !== undefined) out.push(r);
  }
  return out;
}
