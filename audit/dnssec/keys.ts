/** DNSKEY handling: key tags (RFC 4034 App. B), DS digests (RFC 4034 §5.1.4, RFC 4509, RFC 6605) and signature checks. */
import { createHash, createPublicKey, verify, type KeyObject } from "node:crypto";
import { canonicalName } from "./canonical";
import type { DnskeyData, DsData } from "./rdata";

export function dnskeyRdata(k: DnskeyData): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(k.flags, 0);
  head.writeUInt8(3, 2); // protocol is always 3 (RFC 4034 §2.1.2)
  head.writeUInt8(k.algorithm, 3);
  return Buffer.concat([head, k.key]);
}

export function keyTag(k: DnskeyData): number {
  const rdata = dnskeyRdata(k);
  let ac = 0;
  for (let i = 0; i < rdata.length; i++) ac += i & 1 ? (rdata[i] ?? 0) : (rdata[i] ?? 0) << 8;
  ac += (ac >> 16) & 0xffff;
  return ac & 0xffff;
}

const DIGESTS: Readonly<Record<number, string>> = { 1: "sha1", 2: "sha256", 4: "sha384" };

export function supportedDigest(type: number): boolean {
  return DIGESTS[type] !== undefined;
}

/** Whether a DS names this key: same tag and algorithm, and the digest of owner|RDATA matches. */
export function dsMatches(ds: DsData, owner: string, key: DnskeyData): boolean {
  const alg = DIGESTS[ds.digestType];
  if (!alg || ds.keyTag !== keyTag(key) || ds.algorithm !== key.algorithm) return false;
  const digest = createHash(alg).update(canonicalName(owner)).update(dnskeyRdata(key)).digest();
  return digest.equals(ds.digest);
}

/** Algorithms we validate (RFC 8624 §3.1 MUST/RECOMMENDED); others make a zone insecure, not bogus (RFC 4035 §5.2). */
export const SUPPORTED_ALGORITHMS: Readonly<Record<number, string>> = {
  8: "RSASHA256",
  10: "RSASHA512",
  13: "ECDSAP256SHA256",
  14: "ECDSAP384SHA384",
  15: "ED25519",
};

function b64url(b: Buffer): string {
  return b.toString("base64url");
}

function publicKey(k: DnskeyData): KeyObject {
  switch (k.algorithm) {
    case 8:
    case 10: {
      // RFC 3110 §2: exponent length (1 byte, or 0 then 2 bytes), exponent, modulus.
      let off = 1;
      let expLen = k.key[0] ?? 0;
      if (expLen === 0) {
        expLen = k.key.readUInt16BE(1);
        off = 3;
      }
      const e = k.key.subarray(off, off + expLen);
      const n = k.key.subarray(off + expLen);
      return createPublicKey({ key: { kty: "RSA", n: b64url(n), e: b64url(e) }, format: "jwk" });
    }
    case 13:
    case 14: {
      // RFC 6605 §4: the key is x | y.
      const half = k.key.length / 2;
      return createPublicKey({
        key: { kty: "EC", crv: k.algorithm === 13 ? "P-256" : "P-384", x: b64url(k.key.subarray(0, half)), y: b64url(k.key.subarray(half)) },
        format: "jwk",
      });
    }
    case 15:
      return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: b64url(k.key) }, format: "jwk" });
    default:
      throw new Error(`algorithm ${k.algorithm} is not supported`);
  }
}

type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks already made this run, by everything the answer depends on (algorithm, key, signed data, signature): a
 * denial of existence repeats the same NSEC and SOA RRsets across many names, so an audit verifies each signature
 * several times (measured: 64 checks of 18 distinct signatures for a lab domain). A pure function's memo, so a
 * repeated check can only give the answer it gave before. Bounded: emptied when it reaches `MEMO_LIMIT` entries.
 */
const memo = new Map<string, SignatureCheck>();
const MEMO_LIMIT = 4096;

/** Checks one signature; a malformed key or signature is a failed check with the reason, never a throw. */
export function verifySignature(key: DnskeyData, data: Buffer, signature: Buffer): SignatureCheck {
  const id = `${key.algorithm} ${key.key.toString("base64")} ${signature.toString("base64")} ${data.toString("base64")}`;
  const known = memo.get(id);
  if (known !== undefined) return known;
  const answer = checkSignature(key, data, signature);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(id, answer);
  return answer;
}

function checkSignature(key: DnskeyData, data: Buffer, signature: Buffer): SignatureCheck {
  try {
    const pub = publicKey(key);
    let ok: boolean;
    switch (key.algorithm) {
      case 8:
        ok = verify("sha256", data, pub, signature);
        break;
      case 10:
        ok = verify("sha512", data, pub, signature);
        break;
      case 13:
        ok = verify("sha256", data, { key: pub, dsaEncoding: "ieee-p1363" }, signature);
        break;
      case 14:
        ok = verify("sha384", data, { key: pub, dsaEncoding: "ieee-p1363" }, signature);
        break;
      case 15:
        ok = verify(null, data, pub, signature);
        break;
      default:
        return { ok: false, reason: `algorithm ${key.algorithm} is not supported` };
    }
    return ok ? { ok: true } : { ok: false, reason: "the signature does not verify" };
  } catch (err) {
    return { ok: false, reason: `unusable key or signature (${err instanceof Error ? err.message : String(err)})` };
  }
}
