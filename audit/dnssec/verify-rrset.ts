import type { SignedRecord } from "../types";
import { signedData } from "./canonical";
import { keyTag, verifySignature } from "./keys";
import { asRrsig, type DnskeyData, type RrsigData } from "./rdata";

export interface SignatureSeen {
  readonly covers: string;
  readonly owner: string;
  readonly keyTag: number;
  readonly signer: string;
  readonly expiration: string;
  readonly inception: string;
  /** Seconds since the epoch. */
  readonly expiresAt: number;
}

export type RrsetVerdict =
  | {
      readonly ok: true;
      readonly by: number;
      /** The RRSIG labels field of the signature that verified: fewer than the owner's labels means a wildcard expansion. */
      readonly labels: number;
      readonly signatures: readonly SignatureSeen[];
    }
  | { readonly ok: false; readonly reason: string; readonly signatures: readonly SignatureSeen[] };

const iso = (s: number): string => new Date(s * 1000).toISOString().replace(".000Z", "Z");

/**
 * Splits a signed answer into the RRset of `type` and its RRSIGs, and checks that at least one RRSIG made by one
 * of `keys` for `signer` is within its validity window and verifies (RFC 4035 §5.3).
 */
export function verifyRrset(records: readonly SignedRecord[], type: string, signer: string, keys: readonly DnskeyData[], nowSeconds: number): RrsetVerdict {
  const rrset = records.filter((r) => r.type === type);
  const sigs: Array<{ rr: SignedRecord; sig: RrsigData }> = [];
  for (const r of records) {
    const sig = r.type === "RRSIG" ? asRrsig(r.data) : undefined;
    if (sig && sig.typeCovered === type) sigs.push({ rr: r, sig });
  }
  const signatures: SignatureSeen[] = sigs.map(({ rr, sig }) => ({
    covers: type,
    owner: rr.name,
    keyTag: sig.keyTag,
    signer: sig.signersName.toLowerCase(),
    expiration: iso(sig.expiration),
    inception: iso(sig.inception),
    expiresAt: sig.expiration,
  }));
  const where = `${type} ${rrset[0]?.name ?? "?"}`;
  if (rrset.length === 0) return { ok: false, reason: `${where}: no records to verify`, signatures };
  if (sigs.length === 0) return { ok: false, reason: `${where}: no RRSIG covers it`, signatures };
  const reasons: string[] = [];
  for (const { sig } of sigs) {
    const tag = `RRSIG ${type} by key ${sig.keyTag}`;
    if (sig.signersName.toLowerCase().replace(/\.$/, "") !== signer) {
      reasons.push(`${tag}: signer ${sig.signersName} is not ${signer || "."}`);
      continue;
    }
    // RFC 4034 §3.1.5: 32-bit serial arithmetic; the plain comparison holds until 2106.
    if (nowSeconds > sig.expiration) {
      reasons.push(`${tag}: expired ${iso(sig.expiration)}`);
      continue;
    }
    if (nowSeconds < sig.inception) {
      reasons.push(`${tag}: not valid before ${iso(sig.inception)}`);
      continue;
    }
    const candidates = keys.filter((k) => k.algorithm === sig.algorithm && keyTag(k) === sig.keyTag && (k.flags & 0x100) !== 0);
    if (candidates.length === 0) {
      reasons.push(`${tag}: no DNSKEY with that tag and algorithm ${sig.algorithm}`);
      continue;
    }
    const data = signedData(rrset, sig);
    for (const k of candidates) {
      const v = verifySignature(k, data, sig.signature);
      if (v.ok) return { ok: true, by: sig.keyTag, labels: sig.labels, signatures };
      reasons.push(`${tag}: ${v.reason}`);
    }
  }
  return { ok: false, reason: `${where}: ${reasons.join("; ")}`, signatures };
}
