/**
 * Validates a zone's chain of trust ourselves (RFC 4035 §5): from a trust anchor down, each zone's DNSKEY RRset
 * must be signed by a key a DS in its parent names, each DS RRset signed by the parent's keys, and the apex SOA
 * signed by the zone's keys. Data is fetched with CD set, so a validating resolver still hands bogus data over.
 */
import type { DnsClient, DnsLookup, DnsRecordType, SignedRecord } from "../types";
import { provesAbsence, provesWildcardExpansion, type Nsec3Proof, type NsecProof } from "./denial";
import { parseDsRecord, ROOT_TRUST_ANCHORS, type DsRecord } from "./ds-record";
import { dsMatches, keyTag, SUPPORTED_ALGORITHMS, supportedDigest } from "./keys";
import { labelsOf, show } from "./names";
import { asDnskey, asDs, asNsec, asNsec3, type DnskeyData, type DsData } from "./rdata";
import { verifyRrset, type SignatureSeen } from "./verify-rrset";

export type ChainStatus = "secure" | "insecure" | "bogus" | "error";

export interface ChainResult {
  readonly status: ChainStatus;
  /** One line: why. */
  readonly reason: string;
  /** What was checked, top (anchor) down. */
  readonly steps: readonly string[];
  /** Every RRSIG seen for the zone itself (DNSKEY, SOA, and the DS at the parent). */
  readonly signatures: readonly SignatureSeen[];
}

type QuerySigned = NonNullable<DnsClient["querySigned"]>;

/** One RRset (or its absence) the audit relies on, validated (RFC 4035 §5.3 for data, §5.4 for denials). */
export interface RrsetCheck {
  readonly name: string;
  readonly type: string;
  readonly status: ChainStatus;
  /** The zone the data was judged in (the last one on a CNAME chain). */
  readonly zone: string;
  /** One line: what validated, or which RRset broke and why. */
  readonly reason: string;
  /** The RRSIGs seen on it and on the CNAMEs that lead to it. */
  readonly signatures: readonly SignatureSeen[];
}

const RANK: Readonly<Record<ChainStatus, number>> = { secure: 0, insecure: 1, error: 2, bogus: 3 };

interface ZoneKeys {
  readonly keys: readonly DnskeyData[];
  readonly signatures: readonly SignatureSeen[];
}

type Step<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly status: Exclude<ChainStatus, "secure">;
      readonly reason: string;
      /** Set when the zone's keys are missing or match no DS (as opposed to a signature that fails). */
      readonly noMatchingKey?: true;
    };


export class ChainValidator {
  private readonly anchors: readonly DsRecord[];
  private readonly memo = new Map<string, Promise<Step<ZoneKeys>>>();
  private readonly zoneMemo = new Map<string, Promise<Step<string>>>();
  readonly steps: string[] = [];

  constructor(
    private readonly query: QuerySigned,
    extraAnchors: readonly string[],
    readonly nowSeconds: number,
  ) {
    this.anchors = [...ROOT_TRUST_ANCHORS, ...extraAnchors].map(parseDsRecord);
  }

  /** The zone's validated DNSKEYs, or why not. */
  zoneKeys(zone: string): Promise<Step<ZoneKeys>> {
    return this.zoneKeysAt(zone, 0);
  }

  /**
   * The signed NSEC/NSEC3 records of `zone` in a negative answer's proof, each RRset verified with the zone's keys
   * (RFC 4035 §5.4: a denial counts only if its own signatures validate). Records that do not verify are dropped and
   * said why.
   */
  verifiedDenials(records: readonly SignedRecord[], zone: string, keys: readonly DnskeyData[]): { nsec: NsecProof[]; nsec3: Nsec3Proof[]; dropped: string[] } {
    const nsec: NsecProof[] = [];
    const nsec3: Nsec3Proof[] = [];
    const dropped: string[] = [];
    const owners = new Set(records.filter((r) => r.type === "NSEC" || r.type === "NSEC3").map((r) => `${r.type} ${r.name}`));
    for (const key of owners) {
      const [type = "", owner = ""] = key.split(" ");
      const rrset = records.filter((r) => r.name === owner && (r.type === type || r.type === "RRSIG"));
      const v = verifyRrset(rrset, type, zone, keys, this.nowSeconds);
      if (!v.ok) {
        dropped.push(v.reason);
        continue;
      }
      for (const r of rrset) {
        if (r.type === "NSEC") {
          const d = asNsec(r.data);
          if (d) nsec.push({ owner, next: d.nextDomain.replace(/\.$/, "").toLowerCase(), types: d.rrtypes });
        } else if (r.type === "NSEC3") {
          const d = asNsec3(owner, zone, r.data);
          if (d) nsec3.push(d);
          else dropped.push(`NSEC3 ${owner}: its owner is not a hash label directly below ${show(zone)}`);
        }
      }
    }
    return { nsec, nsec3, dropped };
  }
  private async trustedDs(zone: string, depth: number): Promise<Step<{ ds: DsData[]; signatures: readonly SignatureSeen[]; anchored: boolean }>> {
    const anchored = this.anchors.filter((a) => a.owner === zone);
    if (anchored.length > 0) {
      this.steps.push(`${show(zone)}: trust anchor DS ${anchored.map((a) => a.keyTag).join(", ")}`);
      return { ok: true, value: { ds: anchored.map(({ keyTag: t, algorithm, digestType, digest }) => ({ keyTag: t, algorithm, digestType, digest })), signatures: [], anchored: true } };
    }
    if (zone === "" || depth > 16) return { ok: false, status: "error", reason: `no trust anchor above ${show(zone)}` };
    const dsAnswer = await this.query(zone, "DS");
    if (dsAnswer.kind === "error") return { ok: false, status: "error", reason: `DS ${show(zone)}: ${dsAnswer.reason}` };
    if (dsAnswer.kind === "absent") {
      // Insecure only if the parent itself is secure: otherwise the missing DS proves nothing (RFC 4035 §4.3).
      const parent = await this.parentZone(zone);
      if (!parent.ok) return parent;
      const parentKeys = await this.zoneKeysAt(parent.value, depth + 1);
      if (!parentKeys.ok) return parentKeys;
      // A signed parent must prove the absence with NSEC/NSEC3 (RFC 4035 §5.2, RFC 5155 §8.6): an unproven "no DS"
      // is how an attacker would downgrade a signed zone to insecure.
      const denials = this.verifiedDenials(dsAnswer.proof ?? [], parent.value, parentKeys.value.keys);
      const proven = provesAbsence(denials, zone, "DS", dsAnswer.reason, parent.value);
      if (!proven.ok) {
        const dropped = denials.dropped.length > 0 ? ` (unverified: ${denials.dropped.join("; ")})` : "";
        return { ok: false, status: "bogus", reason: `DS ${show(zone)}: ${show(parent.value)} answers ${dsAnswer.reason} but does not prove it: ${proven.reason}${dropped}` };
      }
      if (dsAnswer.reason === "NXDOMAIN") {
        return { ok: false, status: "bogus", reason: `${show(parent.value)} proves that ${show(zone)} does not exist (${proven.how}), yet ${show(zone)} answers as a zone` };
      }
      this.steps.push(`${show(zone)}: no DS at ${show(parent.value)}, proven by ${proven.how}`);
      return { ok: false, status: "insecure", reason: `no DS record for ${show(zone)} in its signed parent ${show(parent.value)} (proven by ${proven.how}): the delegation is unsigned` };
    }
    const signer = signerOf(dsAnswer.records, "DS");
    if (signer === undefined) return { ok: false, status: "bogus", reason: `DS ${show(zone)}: no RRSIG covers it` };
    if (!isStrictAncestor(signer, zone)) return { ok: false, status: "bogus", reason: `DS ${show(zone)} is signed by ${show(signer)}, which is not its parent` };
    const parent = await this.zoneKeysAt(signer, depth + 1);
    if (!parent.ok) {
      // An unreachable or unsigned parent decides the child (RFC 4035 §4.3).
      return parent;
    }
    const v = verifyRrset(dsAnswer.records, "DS", signer, parent.value.keys, this.nowSeconds);
    if (!v.ok) return { ok: false, status: "bogus", reason: v.reason };
    const ds = dsAnswer.records.flatMap((r) => (r.type === "DS" ? [asDs(r.data)].filter((d): d is DsData => d !== undefined) : []));
    this.steps.push(`${show(zone)}: DS ${ds.map((d) => d.keyTag).join(", ")} signed by ${show(signer)} key ${v.by}`);
    return { ok: true, value: { ds, signatures: v.signatures, anchored: false } };
  }

  /** The closest enclosing zone above `name`. */
  private parentZone(name: string): Promise<Step<string>> {
    return this.zoneOf(labelsOf(name).slice(1).join("."));
  }

  /**
   * The zone `name` belongs to: the nearest of it and its ancestors that answers an SOA owned by itself (a CNAME's
   * target's SOA does not count). Memoised per run.
   */
  zoneOf(name: string): Promise<Step<string>> {
    let p = this.zoneMemo.get(name);
    if (!p) {
      p = this.findZone(name);
      this.zoneMemo.set(name, p);
    }
    return p;
  }

  private async findZone(name: string): Promise<Step<string>> {
    if (name === "") return { ok: true, value: "" };
    const soa = await this.query(name, "SOA");
    if (soa.kind === "error") return { ok: false, status: "error", reason: `SOA ${name}: ${soa.reason}` };
    if (soa.kind === "answer" && soa.records.some((r) => r.type === "SOA" && r.name === name)) return { ok: true, value: name };
    return this.zoneOf(labelsOf(name).slice(1).join("."));
  }

  private zoneKeysAt(zone: string, depth: number): Promise<Step<ZoneKeys>> {
    let p = this.memo.get(zone);
    if (!p) {
      p = this.computeZoneKeys(zone, depth);
      this.memo.set(zone, p);
    }
    return p;
  }

  private async computeZoneKeys(zone: string, depth: number): Promise<Step<ZoneKeys>> {
    const trusted = await this.trustedDs(zone, depth);
    if (!trusted.ok) return trusted;
    const keys = await this.keysFor(zone, trusted.value.ds, trusted.value.signatures);
    // A trust anchor that names none of its zone's keys is a setup problem (a stale anchor, a server that does not
    // serve that zone), not proof that the audited domain is bogus. A failing signature there is real: every
    // validating resolver fails below it too.
    if (!keys.ok && trusted.value.anchored && keys.noMatchingKey) {
      return { ok: false, status: "error", reason: `the trust anchor for ${show(zone)} cannot be used: ${keys.reason}` };
    }
    return keys;
  }

  private async keysFor(zone: string, ds: readonly DsData[], dsSignatures: readonly SignatureSeen[]): Promise<Step<ZoneKeys>> {
    const trusted = { value: { ds, signatures: dsSignatures } };
    const usable = trusted.value.ds.filter((d) => supportedDigest(d.digestType) && SUPPORTED_ALGORITHMS[d.algorithm] !== undefined);
    if (usable.length === 0) {
      return { ok: false, status: "insecure", reason: `${show(zone)}: its DS records use only unsupported algorithms or digests (RFC 4035 §5.2)` };
    }
    const keyAnswer = await this.query(zone, "DNSKEY");
    if (keyAnswer.kind === "error") return { ok: false, status: "error", reason: `DNSKEY ${show(zone)}: ${keyAnswer.reason}` };
    if (keyAnswer.kind === "absent") return { ok: false, status: "bogus", reason: `${show(zone)} has a DS at its parent but publishes no DNSKEY (${keyAnswer.reason})`, noMatchingKey: true };
    const keys = keyAnswer.records.flatMap((r) => (r.type === "DNSKEY" ? [asDnskey(r.data)].filter((k): k is DnskeyData => k !== undefined) : []));
    const entry = keys.filter((k) => usable.some((d) => dsMatches(d, zone, k)));
    if (entry.length === 0) {
      return {
        ok: false,
        status: "bogus",
        reason: `no DNSKEY of ${show(zone)} matches its DS (DS tags ${usable.map((d) => d.keyTag).join(", ")}; DNSKEY tags ${keys.map(keyTag).join(", ") || "none"})`,
        noMatchingKey: true,
      };
    }
    const v = verifyRrset(keyAnswer.records, "DNSKEY", zone, entry, this.nowSeconds);
    if (!v.ok) return { ok: false, status: "bogus", reason: v.reason };
    this.steps.push(`${show(zone)}: DNSKEY RRset signed by key ${v.by}, which the DS names`);
    return { ok: true, value: { keys, signatures: [...trusted.value.signatures, ...v.signatures] } };
  }
}

/** Validates what `name`/`type` answers: each CNAME on the way, then the RRset or the proof of its absence. */
export async function validateRrset(v: ChainValidator, query: QuerySigned, name: string, type: DnsRecordType): Promise<RrsetCheck> {
  const lookup = await query(name, type);
  const at = (status: ChainStatus, zone: string, reason: string, signatures: readonly SignatureSeen[] = []): RrsetCheck => ({ name, type, status, zone, reason, signatures });
  if (lookup.kind === "error") return at("error", "", `${type} ${name}: ${lookup.reason}`);
  const all: readonly SignedRecord[] = [...(lookup.kind === "answer" ? lookup.records : []), ...(lookup.proof ?? [])];
  const signatures: SignatureSeen[] = [];
  let worst: { status: ChainStatus; zone: string; reason: string } | undefined;
  const note = (status: ChainStatus, zone: string, reason: string): void => {
    if (!worst || RANK[status] > RANK[worst.status]) worst = { status, zone, reason };
  };
  let current = name;
  const seen = new Set<string>();
  for (let hop = 0; hop <= 8 && type !== "CNAME"; hop++) {
    const cname = all.find((r) => r.type === "CNAME" && r.name === current);
    if (!cname || typeof cname.data !== "string" || seen.has(current)) break;
    seen.add(current);
    const r = await checkData(v, all, current, "CNAME");
    signatures.push(...r.signatures);
    note(r.status, r.zone, r.reason);
    current = cname.data.replace(/\.$/, "").toLowerCase();
  }
  const last = lookup.kind === "answer" ? await checkData(v, all, current, type) : await checkAbsence(v, all, current, type, lookup);
  signatures.push(...last.signatures);
  note(last.status, last.zone, last.reason);
  const w = worst ?? { status: last.status, zone: last.zone, reason: last.reason };
  // Secure only when every link is: report the final RRset's reason then, else the worst link's.
  return w.status === "secure" ? at("secure", last.zone, last.reason, signatures) : at(w.status, w.zone, w.reason, signatures);
}

async function keysOrWhy(v: ChainValidator, owner: string): Promise<{ ok: true; zone: string; keys: readonly DnskeyData[] } | { ok: false; zone: string; status: Exclude<ChainStatus, "secure">; reason: string }> {
  const zone = await v.zoneOf(owner);
  if (!zone.ok) return { ok: false, zone: "", status: zone.status, reason: zone.reason };
  const keys = await v.zoneKeys(zone.value);
  if (!keys.ok) return { ok: false, zone: zone.value, status: keys.status, reason: keys.reason };
  return { ok: true, zone: zone.value, keys: keys.value.keys };
}

async function checkData(v: ChainValidator, all: readonly SignedRecord[], owner: string, type: string): Promise<Omit<RrsetCheck, "name" | "type">> {
  const k = await keysOrWhy(v, owner);
  const rrset = all.filter((r) => r.name === owner && (r.type === type || r.type === "RRSIG"));
  if (!k.ok) {
    // In an unsigned (or undecided) zone the data has nothing to validate against.
    const why = k.status === "insecure" ? `${type} ${owner} is in ${show(k.zone)}, which is not signed (${k.reason})` : `${type} ${owner}: zone ${show(k.zone)}: ${k.reason}`;
    return { status: k.status, zone: k.zone, reason: why, signatures: [] };
  }
  const r = verifyRrset(rrset, type, k.zone, k.keys, v.nowSeconds);
  if (!r.ok) return { status: "bogus", zone: k.zone, reason: r.reason, signatures: r.signatures };
  const ownerLabels = labelsOf(owner).length;
  if (r.labels > ownerLabels) return { status: "bogus", zone: k.zone, reason: `${type} ${owner}: its RRSIG claims ${r.labels} labels, more than the owner has`, signatures: r.signatures };
  if (r.labels < ownerLabels) {
    // A wildcard expansion (RFC 4035 §5.3.4): valid only with a proof that no closer name exists.
    const wildcardParent = labelsOf(owner).slice(ownerLabels - r.labels).join(".");
    const denials = v.verifiedDenials(all, k.zone, k.keys);
    const proof = provesWildcardExpansion(denials, owner, wildcardParent);
    if (!proof.ok) return { status: "bogus", zone: k.zone, reason: `${type} ${owner}: ${proof.reason}`, signatures: r.signatures };
  }
  return { status: "secure", zone: k.zone, reason: `${type} ${owner} signed by ${show(k.zone)} key ${r.by}`, signatures: r.signatures };
}

async function checkAbsence(v: ChainValidator, all: readonly SignedRecord[], qname: string, qtype: string, lookup: Extract<DnsLookup<SignedRecord>, { kind: "absent" }>): Promise<Omit<RrsetCheck, "name" | "type">> {
  const k = await keysOrWhy(v, qname);
  if (!k.ok) {
    const why = k.status === "insecure" ? `no ${qtype} at ${qname}, in ${show(k.zone)}, which is not signed (${k.reason})` : `${qtype} ${qname}: zone ${show(k.zone)}: ${k.reason}`;
    return { status: k.status, zone: k.zone, reason: why, signatures: [] };
  }
  const denials = v.verifiedDenials(all, k.zone, k.keys);
  const proof = provesAbsence(denials, qname, qtype, lookup.reason, k.zone);
  if (!proof.ok) {
    const dropped = denials.dropped.length > 0 ? ` (unverified: ${denials.dropped.join("; ")})` : "";
    return { status: "bogus", zone: k.zone, reason: `${qtype} ${qname}: ${lookup.reason} in signed ${show(k.zone)} without a valid proof: ${proof.reason}${dropped}`, signatures: [] };
  }
  return { status: "secure", zone: k.zone, reason: `${qtype} ${qname}: ${lookup.reason}, proven by ${proof.how}`, signatures: [] };
}

function signerOf(records: readonly SignedRecord[], type: string): string | undefined {
  for (const r of records) {
    if (r.type !== "RRSIG") continue;
    const d = r.data;
    if (typeof d === "object" && d !== null && "typeCovered" in d && "signersName" in d && d.typeCovered === type && typeof d.signersName === "string") {
      return d.signersName.toLowerCase().replace(/\.$/, "");
    }
  }
  return undefined;
}

function isStrictAncestor(ancestor: string, name: string): boolean {
  if (ancestor === name) return false;
  return ancestor === "" || name.endsWith(`.${ancestor}`);
}

async function validateZoneWith(validator: ChainValidator, query: QuerySigned, zone: string): Promise<ChainResult> {
  const nowSeconds = validator.nowSeconds;
  const keys = await validator.zoneKeys(zone);
  if (!keys.ok) return { status: keys.status, reason: keys.reason, steps: validator.steps, signatures: [] };
  const soa = await query(zone, "SOA");
  if (soa.kind === "error") return { status: "error", reason: `SOA ${zone}: ${soa.reason}`, steps: validator.steps, signatures: keys.value.signatures };
  if (soa.kind === "absent") return { status: "bogus", reason: `${zone} is signed but has no SOA (${soa.reason})`, steps: validator.steps, signatures: keys.value.signatures };
  const v = verifyRrset(soa.records, "SOA", zone, keys.value.keys, nowSeconds);
  const signatures = [...keys.value.signatures, ...v.signatures];
  if (!v.ok) return { status: "bogus", reason: v.reason, steps: validator.steps, signatures };
  validator.steps.push(`${zone}: SOA signed by key ${v.by}`);
  return { status: "secure", reason: `the chain validates from the trust anchor down to ${zone}`, steps: validator.steps, signatures };
}

/** Validates `zone` (an apex, A-labels): its keys from a trust anchor down, then its SOA. */
export async function validateZone(query: QuerySigned, zone: string, extraAnchors: readonly string[], now: Date): Promise<ChainResult> {
  const validator = new ChainValidator(query, extraAnchors, Math.floor(now.getTime() / 1000));
  return validateZoneWith(validator, query, zone);
}

export interface DomainValidation {
  /** The zone the audited name belongs to (its apex), when it could be found. */
  readonly zone: string | undefined;
  /** The zone's chain of trust: keys from the anchor down, and its apex SOA. */
  readonly chain: ChainResult;
  /** Every RRset the audit relies on, each validated or shown to be unsigned, bogus or unreadable. */
  readonly rrsets: readonly RrsetCheck[];
}

/**
 * Validates the zone `name` belongs to (walking up to its apex: `name` need not be one), then every RRset in
 * `rrsets`, wherever it lives: a bogus one anywhere is what a validating resolver refuses (RFC 4035 §5.5).
 */
export async function validateDomain(
  query: QuerySigned,
  name: string,
  rrsets: ReadonlyArray<{ readonly name: string; readonly type: DnsRecordType }>,
  extraAnchors: readonly string[],
  now: Date,
): Promise<DomainValidation> {
  const validator = new ChainValidator(query, extraAnchors, Math.floor(now.getTime() / 1000));
  const zone = await validator.zoneOf(name);
  if (!zone.ok) return { zone: undefined, chain: { status: "error", reason: `the zone of ${name} could not be found: ${zone.reason}`, steps: [], signatures: [] }, rrsets: [] };
  const chain = await validateZoneWith(validator, query, zone.value);
  const checked = await Promise.all(rrsets.map((r) => validateRrset(validator, query, r.name, r.type)));
  return { zone: zone.value, chain, rrsets: checked };
}

/** The RRSIGs over the zone's own DNSKEY and SOA RRsets, verified or not: what signature expiry is judged on. */
export async function zoneSignatures(query: QuerySigned, zone: string): Promise<{ ok: true; signatures: SignatureSeen[] } | { ok: false; reason: string }> {
  const out: SignatureSeen[] = [];
  for (const type of ["DNSKEY", "SOA"] as const) {
    const a = await query(zone, type);
    if (a.kind === "error") return { ok: false, reason: `${type} ${zone}: ${a.reason}` };
    if (a.kind === "absent") continue;
    // verifyRrset lists every RRSIG it saw whatever the verdict; the keys do not matter here.
    out.push(...verifyRrset(a.records, type, zone, [], 0).signatures);
  }
  return { ok: true, signatures: out };
}
