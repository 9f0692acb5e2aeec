import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dsMatches, keyTag, signedData, verifySignature } from "../../../audit/dnssec";
import type { SignedRecord } from "../../../audit/types";

describe("key tags and DS digests", () => {
  // RFC 4034 §5.4: the DS example for dskey.example.com.
  const rfcKey = {
    flags: 256,
    algorithm: 5,
    key: Buffer.from(
      "AQOeiiR0GOMYkDshWoSKz9XzfwJr1AYtsmx3TGkJaNXVbfi/2pHm822aJ5iI9BMzNXxeYCmZDRD99WYwYqUSdjMmmAphXdvxegXd/M5+X7OrzKBaMbCVdFLUUh6DhweJBjEVv5f2wwjM9XzcnOf+EPbtG9DMBmADjFDc2w/rljwvFw==",
      "base64",
    ),
  };
  it("computes the key tag of the RFC 4034 example key (60485)", () => {
    expect(keyTag(rfcKey)).toBe(60485);
  });
  it("matches the RFC 4034 example DS and rejects it for another owner or a changed digest", () => {
    const ds = { keyTag: 60485, algorithm: 5, digestType: 1, digest: Buffer.from("2BB183AF5F22588179A53B0A98631FAD1A292118", "hex") };
    expect(dsMatches(ds, "dskey.example.com", rfcKey)).toBe(true);
    expect(dsMatches(ds, "DSKEY.Example.COM", rfcKey)).toBe(true); // owner names are canonicalised to lower case
    expect(dsMatches(ds, "other.example.com", rfcKey)).toBe(false);
    expect(dsMatches({ ...ds, digest: Buffer.from("2BB183AF5F22588179A53B0A98631FAD1A292119", "hex") }, "dskey.example.com", rfcKey)).toBe(false);
  });
});

/** DNSKEY public key bytes for each algorithm, from a generated key pair. */
function dnskeyBytes(algorithm: number, publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: "jwk" });
  const b = (s: string | undefined): Buffer => Buffer.from(s ?? "", "base64url");
  if (algorithm === 8) {
    const e = b(jwk.e);
    return Buffer.concat([Buffer.from([e.length]), e, b(jwk.n)]);
  }
  if (algorithm === 13 || algorithm === 14) return Buffer.concat([b(jwk.x), b(jwk.y)]);
  return b(jwk.x);
}

const ALGS = [
  { algorithm: 8, name: "RSASHA256", pair: () => generateKeyPairSync("rsa", { modulusLength: 2048 }), hash: "sha256", p1363: false },
  { algorithm: 13, name: "ECDSAP256SHA256", pair: () => generateKeyPairSync("ec", { namedCurve: "P-256" }), hash: "sha256", p1363: true },
  { algorithm: 14, name: "ECDSAP384SHA384", pair: () => generateKeyPairSync("ec", { namedCurve: "P-384" }), hash: "sha384", p1363: true },
  { algorithm: 15, name: "ED25519", pair: () => generateKeyPairSync("ed25519"), hash: null, p1363: false },
] as const;

describe.each(ALGS)("RRSIG verification with $name", ({ algorithm, pair, hash, p1363 }) => {
  const { publicKey, privateKey } = pair();
  const key = { flags: 257, algorithm, key: dnskeyBytes(algorithm, publicKey) };
  const rrset: SignedRecord[] = [
    { name: "Acme.Test", type: "TXT", ttl: 300, data: [Buffer.from("v=spf1 -all")] },
    { name: "acme.test", type: "TXT", ttl: 60, data: [Buffer.from("hello")] },
  ];
  const sig = { typeCovered: "TXT", algorithm, labels: 2, originalTTL: 300, expiration: 2_000_000_000, inception: 1_700_000_000, keyTag: keyTag(key), signersName: "acme.test" };
  const data = signedData(rrset, { ...sig, signature: Buffer.alloc(0) });
  const signature = sign(hash, data, p1363 ? { key: privateKey, dsaEncoding: "ieee-p1363" } : privateKey);

  it("verifies a signature made over the canonical RRset, whatever the order and case of the records", () => {
    const reordered: SignedRecord[] = [rrset[1], { ...rrset[0], name: "ACME.TEST" }].filter((r): r is SignedRecord => r !== undefined);
    expect(verifySignature(key, signedData(reordered, { ...sig, signature }), signature)).toEqual({ ok: true });
  });

  it("rejects a changed record, a changed signature and another key", () => {
    const changed: SignedRecord[] = [{ name: "acme.test", type: "TXT", ttl: 300, data: [Buffer.from("v=spf1 +all")] }, ...rrset.slice(1)];
    expect(verifySignature(key, signedData(changed, { ...sig, signature }), signature).ok).toBe(false);
    const flipped = Buffer.from(signature);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(verifySignature(key, data, flipped).ok).toBe(false);
    const other = { ...key, key: dnskeyBytes(algorithm, pair().publicKey) };
    expect(verifySignature(other, data, signature).ok).toBe(false);
  });

  it("reports a malformed key as a failed check, never a throw", () => {
    expect(verifySignature({ ...key, key: Buffer.from([1, 2, 3]) }, data, signature)).toMatchObject({ ok: false });
  });

  // Repeated checks are answered from memory (a denial of existence repeats the same RRsets): a pass must never
  // carry over to anything but the very same key, data and signature.
  it("answers a repeated check as the first time, and a pass never carries over to other data, signature or key", () => {
    expect(verifySignature(key, data, signature)).toEqual({ ok: true });
    expect(verifySignature(key, Buffer.from(data), Buffer.from(signature))).toEqual({ ok: true });
    const longer = Buffer.concat([data, Buffer.from([0])]);
    expect(verifySignature(key, longer, signature).ok).toBe(false);
    expect(verifySignature(key, data, Buffer.concat([signature, Buffer.from([0])])).ok).toBe(false);
    const otherAlgorithm = ALGS.find((a) => a.algorithm !== algorithm && a.p1363 === p1363)?.algorithm ?? 5;
    expect(verifySignature({ ...key, algorithm: otherAlgorithm }, data, signature).ok).toBe(false);
    expect(verifySignature(key, data, signature)).toEqual({ ok: true });
  });
});
