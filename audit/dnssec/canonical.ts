/**
 * Canonical form and signed data (RFC 4034 §3.1.8.1 and §6): owner names lower-cased and uncompressed (dns-packet
 * never compresses), TTL set to the RRSIG's original TTL, RRs sorted by their canonical RDATA, duplicates dropped.
 */
import * as dnsPacket from "dns-packet";
import type { SignedRecord } from "../types";
import { lowerNamesInRdata, type RrsigData } from "./rdata";

export function canonicalName(name: string): Buffer {
  return dnsPacket.name.encode(name.replace(/\.$/, "").toLowerCase());
}

/** The owner the signature covers: a wildcard expansion signs `*.<closest labels>` (RFC 4035 §5.3.2). */
function signedOwner(owner: string, sig: RrsigData): string {
  const labels = owner.replace(/\.$/, "").toLowerCase().split(".").filter((l) => l !== "");
  if (sig.labels < labels.length) return ["*", ...labels.slice(labels.length - sig.labels)].join(".");
  return labels.join(".");
}

function rrsigRdataWithoutSignature(sig: RrsigData): Buffer {
  const head = Buffer.alloc(18);
  head.writeUInt16BE(typeNumber(sig.typeCovered), 0);
  head.writeUInt8(sig.algorithm, 2);
  head.writeUInt8(sig.labels, 3);
  head.writeUInt32BE(sig.originalTTL >>> 0, 4);
  head.writeUInt32BE(sig.expiration >>> 0, 8);
  head.writeUInt32BE(sig.inception >>> 0, 12);
  head.writeUInt16BE(sig.keyTag, 16);
  return Buffer.concat([head, canonicalName(sig.signersName)]);
}

const TYPE_NUMBERS: Readonly<Record<string, number>> = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, DS: 43, RRSIG: 46, NSEC: 47, DNSKEY: 48, NSEC3: 50, CAA: 257 };

export function typeNumber(type: string): number {
  const n = TYPE_NUMBERS[type.toUpperCase()];
  if (n === undefined) throw new Error(`no type number known for ${type}`);
  return n;
}

/** The bytes an RRSIG signs over an RRset (RFC 4034 §3.1.8.1). */
export function signedData(rrset: readonly SignedRecord[], sig: RrsigData): Buffer {
  const encoded = rrset.map((rr) => {
    const owner = signedOwner(rr.name, sig);
    const wire = dnsPacket.answer.encode({ name: owner, type: rr.type, class: "IN", ttl: sig.originalTTL, data: lowerNamesInRdata(rr.type, rr.data) });
    const ownerLen = canonicalName(owner).length;
    // owner | type(2) class(2) ttl(4) rdlength(2) | rdata: sort on rdata (RFC 4034 §6.3).
    return { wire, rdata: wire.subarray(ownerLen + 10) };
  });
  encoded.sort((a, b) => Buffer.compare(a.rdata, b.rdata));
  const unique = encoded.filter((e, i) => i === 0 || !e.rdata.equals(encoded[i - 1]?.rdata ?? Buffer.alloc(0)));
  return Buffer.concat([rrsigRdataWithoutSignature(sig), ...unique.map((e) => e.wire)]);
}
