/**
 * Validates a zone's chain of trust ourselves (RFC 4035 §5): from a trust anchor down, each zone's DNSKEY RRset
 * must be signed by a key a DS in its parent names, each DS RRset signed by the parent's keys, and the apex SOA
 * signed by the zone's keys. Data is fetched with CD set, so a validating resolver still hands bogus data over.
 */
import type { DnsClient, SignedRecord } from "../types";
import { parseDsRecord, ROOT_TRUST_ANCHORS, type DsRecord } from "./ds-record";
import { dsMatches, keyTag, SUPPORTED_ALGORITHMS, supportedDigest } from "./keys";
import { asDnskey, asDs, type DnskeyData, type DsData } from "./rdata";
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

const show = (zone: string): string => (zone === "" ? "." : zone);

export class ChainValidator {
  private readonly anchors: readonly DsRecord[];
  private readonly memo = new Map<string, Promise<Step<ZoneKeys>>>();
  readonly steps: string[] = [];

  constructor(
    private readonly query: QuerySigned,
    extraAnchors: readonly string[],
    private readonly nowSeconds: number,
  ) {
    this.anchors = [...ROOT_TRUST_ANCHORS, ...extraAnchors].map(parseDsRecord);
  }

  /** The zone's validated DNSKEYs, or why not. */
  zoneKeys(zone: string): Promise<Step<ZoneKeys>> {
    return this.zoneKeysAt(zone, 0);
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
      // The parent's signed denial (NSEC/NSEC3) is not checked; the reason says the delegation is unsigned.
      const parent = await this.parentZone(zone);
      if (!parent.ok) return parent;
      const parentKeys = await this.zoneKeysAt(parent.value, depth + 1);
      if (!parentKeys.ok) return parentKeys;
      this.steps.push(`${show(zone)}: no DS at ${show(parent.value)} (${dsAnswer.reason})`);
      return { ok: false, status: "insecure", reason: `no DS record for ${show(zone)} in its signed parent ${show(parent.value)} (${dsAnswer.reason}): the delegation is unsigned` };
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

  /** The closest enclosing zone above `name`: the nearest ancestor that answers an SOA at itself. */
  private async parentZone(name: string): Promise<Step<string>> {
    let labels = name.split(".").slice(1);
    for (;;) {
      const candidate = labels.join(".");
      if (candidate === "") return { ok: true, value: "" };
      const soa = await this.query(candidate, "SOA");
      if (soa.kind === "error") return { ok: false, status: "error", reason: `SOA ${candidate}: ${soa.reason}` };
      if (soa.kind === "answer" && soa.records.some((r) => r.type === "SOA" && r.name === candidate)) return { ok: true, value: candidate };
      labels = labels.slice(1);
    }
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

/** Validates `zone` (an apex, A-labels): its keys from a trust anchor down, then its SOA. */
export async function validateZone(query: QuerySigned, zone: string, extraAnchors: readonly string[], now: Date): Promise<ChainResult> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const validator = new ChainValidator(query, extraAnchors, nowSeconds);
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
