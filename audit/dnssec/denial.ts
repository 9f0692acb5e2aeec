/**
 * Authenticated denial of existence: whether signed NSEC (RFC 4035 §5.4, §3.1.3) or NSEC3 (RFC 5155 §8) records
 * prove that a name, or a type at a name, does not exist. The records handed in have already had their RRSIGs
 * verified against the zone's keys; this module only reasons about what they cover.
 */
import { createHash } from "node:crypto";
import { canonicalName } from "./canonical";
export { base32hexDecode, base32hexEncode } from "./base32hex";
import { canonicalCompare, commonAncestor, isAtOrBelow, labelsOf, nextCloser, selfAndAncestors, show } from "./names";

export interface NsecProof {
  readonly owner: string;
  readonly next: string;
  readonly types: readonly string[];
}

export interface Nsec3Proof {
  /** The owner's first label decoded: the hash of the name it stands for. */
  readonly hash: Buffer;
  readonly next: Buffer;
  readonly flags: number;
  readonly iterations: number;
  readonly salt: Buffer;
  readonly algorithm: number;
  readonly types: readonly string[];
  readonly owner: string;
}

export type Denial =
  /** The absence is proven; `optOut`: only an NSEC3 opt-out span covers it (an unsigned delegation may hide there). */
  | { readonly ok: true; readonly how: string; readonly optOut?: true }
  | { readonly ok: false; readonly reason: string };

/** Above this NSEC3 iteration count a proof is not computed (RFC 5155 §10.3 caps it at 2500 for any key size). */
export const MAX_NSEC3_ITERATIONS = 2500;

/** RFC 5155 §5: IH(salt, x, 0) = H(x | salt); IH(salt, x, k) = H(IH(salt, x, k-1) | salt), SHA-1. */
export function nsec3Hash(name: string, salt: Buffer, iterations: number): Buffer {
  let h = createHash("sha1").update(canonicalName(name)).update(salt).digest();
  for (let i = 0; i < iterations; i++) h = createHash("sha1").update(h).update(salt).digest();
  return h;
}

// ---------------------------------------------------------------------------------------------------------------
// NSEC (RFC 4035 §3.1.3, §5.4)

function nsecCovers(n: NsecProof, name: string): boolean {
  const afterOwner = canonicalCompare(n.owner, name) < 0;
  const beforeNext = canonicalCompare(name, n.next) < 0;
  // The last NSEC of a zone points back at the apex: it covers everything after its owner.
  return canonicalCompare(n.owner, n.next) < 0 ? afterOwner && beforeNext : afterOwner || beforeNext;
}

/** An NSEC at a delegation (NS without SOA) or a DNAME says nothing about names below it (RFC 6840 §4.1). */
function nsecUsableBelow(n: NsecProof, name: string): boolean {
  if (n.owner === name || !isAtOrBelow(name, n.owner)) return true;
  return !((n.types.includes("NS") && !n.types.includes("SOA")) || n.types.includes("DNAME"));
}

function nsecDenies(nsecs: readonly NsecProof[], qname: string, qtype: string, kind: "NXDOMAIN" | "NODATA", zone: string): Denial {
  const matching = nsecs.find((n) => n.owner === qname);
  if (kind === "NODATA" && matching) {
    if (matching.types.includes(qtype)) return { ok: false, reason: `the NSEC at ${qname} lists ${qtype}: the type exists` };
    if (matching.types.includes("CNAME")) return { ok: false, reason: `the NSEC at ${qname} lists CNAME` };
    if (qtype === "DS") {
      // RFC 6840 §4.4: only the parent side of a delegation (NS, no SOA) proves that no DS exists.
      if (matching.types.includes("SOA")) return { ok: false, reason: `the NSEC at ${qname} is the child's apex NSEC (SOA set), not the parent's` };
      if (!matching.types.includes("NS")) return { ok: false, reason: `the NSEC at ${qname} in ${show(zone)} lists no NS: ${qname} is not a delegation` };
    }
    return { ok: true, how: `NSEC ${qname} lists only ${matching.types.join(" ")}` };
  }
  const covering = nsecs.find((n) => nsecCovers(n, qname) && nsecUsableBelow(n, qname));
  if (!covering) {
    return { ok: false, reason: kind === "NODATA" ? `no NSEC at ${qname} (or covering it) proves that ${qtype} is absent` : `no NSEC covers ${qname}` };
  }
  // The closest encloser is the deepest ancestor of qname that the covering NSEC shows to exist.
  const ce = [commonAncestor(qname, covering.owner), commonAncestor(qname, covering.next)].reduce((a, b) => (labelsOf(a).length >= labelsOf(b).length ? a : b));
  const wildcard = ce === "" ? "*" : `*.${ce}`;
  if (!isAtOrBelow(ce, zone)) return { ok: false, reason: `the NSEC covering ${qname} lies outside ${show(zone)}` };
  if (kind === "NXDOMAIN") {
    const noWildcard = nsecs.find((n) => nsecCovers(n, wildcard) && nsecUsableBelow(n, wildcard));
    if (!noWildcard) return { ok: false, reason: `NSEC ${covering.owner} covers ${qname}, but nothing proves ${wildcard} absent` };
    return { ok: true, how: `NSEC ${covering.owner} → ${covering.next} covers ${qname}; ${wildcard} is covered too` };
  }
  // NODATA through a wildcard (RFC 4035 §3.1.3.4): qname is covered, and the wildcard lacks the type.
  const wild = nsecs.find((n) => n.owner === wildcard);
  if (!wild || wild.types.includes(qtype) || wild.types.includes("CNAME")) {
    return { ok: false, reason: `no NSEC at ${qname}, and no NSEC at ${wildcard} proves ${qtype} absent` };
  }
  return { ok: true, how: `NSEC ${covering.owner} covers ${qname}; the NSEC at ${wildcard} lists no ${qtype}` };
}

// ---------------------------------------------------------------------------------------------------------------
// NSEC3 (RFC 5155 §8)

function nsec3Covers(n: Nsec3Proof, h: Buffer): boolean {
  const afterOwner = Buffer.compare(n.hash, h) < 0;
  const beforeNext = Buffer.compare(h, n.next) < 0;
  return Buffer.compare(n.hash, n.next) < 0 ? afterOwner && beforeNext : afterOwner || beforeNext;
}

function nsec3Denies(all: readonly Nsec3Proof[], qname: string, qtype: string, kind: "NXDOMAIN" | "NODATA", zone: string): Denial {
  // RFC 5155 §8.1-8.2: only SHA-1 is defined; records of an unknown algorithm or with flags other than opt-out are
  // ignored; every record used must share the zone's parameters.
  const usable = all.filter((n) => n.algorithm === 1 && (n.flags & 0xfe) === 0);
  const first = usable[0];
  if (!first) return { ok: false, reason: "no usable NSEC3 record (hash algorithm 1)" };
  if (first.iterations > MAX_NSEC3_ITERATIONS) return { ok: false, reason: `NSEC3 uses ${first.iterations} iterations, above ${MAX_NSEC3_ITERATIONS}` };
  const nsec3s = usable.filter((n) => n.iterations === first.iterations && n.salt.equals(first.salt));
  const hashOf = (name: string): Buffer => nsec3Hash(name, first.salt, first.iterations);
  const matchOf = (name: string): Nsec3Proof | undefined => {
    const h = hashOf(name);
    return nsec3s.find((n) => n.hash.equals(h));
  };
  const coverOf = (name: string): Nsec3Proof | undefined => {
    const h = hashOf(name);
    return nsec3s.find((n) => nsec3Covers(n, h));
  };
  if (kind === "NODATA") {
    const m = matchOf(qname);
    if (m) {
      if (m.types.includes(qtype)) return { ok: false, reason: `the NSEC3 for ${qname} lists ${qtype}: the type exists` };
      if (m.types.includes("CNAME")) return { ok: false, reason: `the NSEC3 for ${qname} lists CNAME` };
      if (qtype === "DS") {
        if (m.types.includes("SOA")) return { ok: false, reason: `the NSEC3 for ${qname} is the child's apex record (SOA set), not the parent's` };
        if (!m.types.includes("NS")) return { ok: false, reason: `the NSEC3 for ${qname} in ${show(zone)} lists no NS: ${qname} is not a delegation` };
      }
      return { ok: true, how: `NSEC3 ${m.owner} (for ${qname}) lists only ${m.types.join(" ")}` };
    }
  }
  // RFC 5155 §8.3: the closest provable encloser, and an NSEC3 covering the next closer name.
  let ce: { name: string; cover: Nsec3Proof } | undefined;
  for (const candidate of selfAndAncestors(qname).slice(1).concat(zone === "" ? [""] : [])) {
    if (!isAtOrBelow(candidate, zone)) break;
    const m = matchOf(candidate);
    if (!m) continue;
    if ((m.types.includes("NS") && !m.types.includes("SOA")) || m.types.includes("DNAME")) {
      return { ok: false, reason: `the closest encloser ${candidate} is a delegation or DNAME: its NSEC3 proves nothing below it` };
    }
    const cover = coverOf(nextCloser(qname, candidate));
    if (!cover) return { ok: false, reason: `NSEC3 proves ${candidate} exists, but none covers ${nextCloser(qname, candidate)}` };
    ce = { name: candidate, cover };
    break;
  }
  if (!ce) return { ok: false, reason: `no NSEC3 proves a closest encloser of ${qname} in ${show(zone)}` };
  if (kind === "NODATA" && qtype === "DS") {
    // RFC 5155 §8.6: with no NSEC3 for the name, only an opt-out span over the next closer name allows an unsigned
    // delegation.
    if ((ce.cover.flags & 1) === 1) return { ok: true, how: `NSEC3 opt-out span ${ce.cover.owner} covers ${nextCloser(qname, ce.name)}`, optOut: true };
    return { ok: false, reason: `no NSEC3 for ${qname}, and the span covering it is not opt-out` };
  }
  const wildcard = ce.name === "" ? "*" : `*.${ce.name}`;
  if (kind === "NXDOMAIN") {
    if (!coverOf(wildcard)) return { ok: false, reason: `NSEC3 proves ${qname} absent below ${ce.name}, but nothing covers ${wildcard}` };
    return { ok: true, how: `NSEC3 closest encloser ${ce.name}; ${nextCloser(qname, ce.name)} and ${wildcard} are covered` };
  }
  // NODATA through a wildcard (RFC 5155 §8.7).
  const w = matchOf(wildcard);
  if (!w || w.types.includes(qtype) || w.types.includes("CNAME")) return { ok: false, reason: `no NSEC3 for ${qname}, and none for ${wildcard} proves ${qtype} absent` };
  return { ok: true, how: `NSEC3 closest encloser ${ce.name}; the NSEC3 for ${wildcard} lists no ${qtype}` };
}

/** Whether the verified NSEC/NSEC3 records prove that `qtype` at `qname` (NODATA), or `qname` (NXDOMAIN), is absent. */
export function provesAbsence(proof: { nsec: readonly NsecProof[]; nsec3: readonly Nsec3Proof[] }, qname: string, qtype: string, kind: "NXDOMAIN" | "NODATA", zone: string): Denial {
  if (proof.nsec.length > 0) {
    const d = nsecDenies(proof.nsec, qname, qtype, kind, zone);
    if (d.ok || proof.nsec3.length === 0) return d;
  }
  if (proof.nsec3.length > 0) return nsec3Denies(proof.nsec3, qname, qtype, kind, zone);
  return { ok: false, reason: `no signed NSEC or NSEC3 record proves it (${kind} without proof)` };
}

/**
 * A wildcard-expanded answer is genuine only if no closer name exists (RFC 4035 §5.3.4, RFC 5155 §8.8): an NSEC
 * covering qname, or an NSEC3 covering the next closer name below the wildcard's parent.
 */
export function provesWildcardExpansion(proof: { nsec: readonly NsecProof[]; nsec3: readonly Nsec3Proof[] }, qname: string, wildcardParent: string): Denial {
  if (proof.nsec.some((n) => nsecCovers(n, qname) && nsecUsableBelow(n, qname))) return { ok: true, how: `an NSEC covers ${qname}` };
  const first = proof.nsec3.find((n) => n.algorithm === 1 && n.iterations <= MAX_NSEC3_ITERATIONS);
  if (first) {
    const h = nsec3Hash(nextCloser(qname, wildcardParent), first.salt, first.iterations);
    if (proof.nsec3.some((n) => n.salt.equals(first.salt) && n.iterations === first.iterations && nsec3Covers(n, h))) return { ok: true, how: `an NSEC3 covers ${nextCloser(qname, wildcardParent)}` };
  }
  return { ok: false, reason: `the answer for ${qname} is a wildcard expansion with no NSEC/NSEC3 proof that ${qname} itself does not exist` };
}
