/**
 * Chain validation over an in-memory signed hierarchy (test. as the trust anchor, child.test. below it), so the
 * verdicts are pinned without Knot; the Knot lab tests prove the same against a real signer.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalName, signedData } from "../../../audit/dnssec/canonical";
import { validateZone } from "../../../audit/dnssec";
import { dnskeyRdata, keyTag } from "../../../audit/dnssec/keys";
import type { DnskeyData } from "../../../audit/dnssec/rdata";
import type { DnsLookup, SignedRecord } from "../../../audit/types";

interface Key {
  readonly data: DnskeyData;
  readonly priv: KeyObject;
}

function newKey(flags: 256 | 257): Key {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const key = Buffer.concat([Buffer.from(jwk.x ?? "", "base64url"), Buffer.from(jwk.y ?? "", "base64url")]);
  return { data: { flags, algorithm: 13, key }, priv: privateKey };
}

const NOW = 1_800_000_000;
const DAY = 86_400;

function rrsig(rrset: readonly SignedRecord[], signer: string, key: Key, window = { inception: NOW - DAY, expiration: NOW + 20 * DAY }): SignedRecord {
  const first = rrset[0];
  if (!first) throw new Error("empty RRset");
  const labels = first.name.split(".").filter((l) => l !== "").length;
  const sig = { typeCovered: first.type, algorithm: 13, labels, originalTTL: 300, expiration: window.expiration, inception: window.inception, keyTag: keyTag(key.data), signersName: signer };
  const signature = sign("sha256", signedData(rrset, { ...sig, signature: Buffer.alloc(0) }), { key: key.priv, dsaEncoding: "ieee-p1363" });
  return { name: first.name, type: "RRSIG", ttl: 300, data: { ...sig, signature } };
}

function ds(owner: string, key: Key) {
  return { keyTag: keyTag(key.data), algorithm: 13, digestType: 2, digest: createHash("sha256").update(canonicalName(owner)).update(dnskeyRdata(key.data)).digest() };
}

type Table = Map<string, DnsLookup<SignedRecord>>;

type NoDs = "proven" | "unproven" | "nsec-lists-ds" | "child-apex-nsec" | "nsec-unsigned" | "other-name";

function world(opts: { corruptDs?: boolean; expiredKeySig?: boolean; noDs?: NoDs; dsError?: boolean; soaSignedBy?: "zsk" | "stranger" } = {}) {
  const table: Table = new Map();
  const answer = (records: SignedRecord[]): DnsLookup<SignedRecord> => ({ kind: "answer", records, authenticated: false, elapsedMs: 1 });
  const pKsk = newKey(257);
  const pZsk = newKey(256);
  const cKsk = newKey(257);
  const cZsk = newKey(256);
  const keys = (owner: string, ks: Key[]): SignedRecord[] => ks.map((k) => ({ name: owner, type: "DNSKEY", ttl: 300, data: k.data }));
  const parentKeys = keys("test", [pKsk, pZsk]);
  table.set("test|DNSKEY", answer([...parentKeys, rrsig(parentKeys, "test", pKsk)]));
  const childKeys = keys("child.test", [cKsk, cZsk]);
  table.set("child.test|DNSKEY", answer([...childKeys, rrsig(childKeys, "child.test", cKsk, opts.expiredKeySig ? { inception: NOW - 30 * DAY, expiration: NOW - DAY } : undefined)]));
  const dsData = ds("child.test", cKsk);
  const dsSet: SignedRecord[] = [{ name: "child.test", type: "DS", ttl: 300, data: opts.corruptDs ? { ...dsData, digest: Buffer.alloc(32, 7) } : dsData }];
  if (opts.dsError) table.set("child.test|DS", { kind: "error", reason: "DS child.test: 127.0.0.1:53 answered SERVFAIL", elapsedMs: 1 });
  else if (opts.noDs) {
    // The parent's denial: the NSEC at child.test in test. (RFC 4035 §5.2), genuine or forged in one way.
    const owner = opts.noDs === "other-name" ? "aaa.test" : "child.test";
    const types = opts.noDs === "nsec-lists-ds" ? ["NS", "DS", "RRSIG", "NSEC"] : opts.noDs === "child-apex-nsec" ? ["NS", "SOA", "RRSIG", "NSEC", "DNSKEY"] : ["NS", "RRSIG", "NSEC"];
    const nsec: SignedRecord[] = [{ name: owner, type: "NSEC", ttl: 300, data: { nextDomain: opts.noDs === "other-name" ? "bbb.test" : "zzz.test", rrtypes: types } }];
    const signer = opts.noDs === "child-apex-nsec" ? cZsk : pZsk;
    const proof = opts.noDs === "unproven" ? [] : opts.noDs === "nsec-unsigned" ? nsec : [...nsec, rrsig(nsec, opts.noDs === "child-apex-nsec" ? "child.test" : "test", signer)];
    table.set("child.test|DS", { kind: "absent", reason: "NODATA", elapsedMs: 1, proof });
  }
  else table.set("child.test|DS", answer([...dsSet, rrsig(dsSet, "test", pZsk)]));
  const soa: SignedRecord[] = [{ name: "child.test", type: "SOA", ttl: 300, data: { mname: "ns1.test", rname: "hostmaster.test", serial: 1, refresh: 3600, retry: 900, expire: 604800, minimum: 300 } }];
  table.set("child.test|SOA", answer([...soa, rrsig(soa, "child.test", opts.soaSignedBy === "stranger" ? newKey(256) : cZsk)]));
  const testSoa: SignedRecord[] = [{ name: "test", type: "SOA", ttl: 300, data: { mname: "ns1.test", rname: "hostmaster.test", serial: 1, refresh: 3600, retry: 900, expire: 604800, minimum: 300 } }];
  table.set("test|SOA", answer([...testSoa, rrsig(testSoa, "test", pZsk)]));
  const query = async (name: string, type: string): Promise<DnsLookup<SignedRecord>> => table.get(`${name}|${type}`) ?? { kind: "absent", reason: "NODATA", elapsedMs: 1 };
  const anchor = `test. DS ${keyTag(pKsk.data)} 13 2 ${ds("test", pKsk).digest.toString("hex")}`;
  return { query, anchor };
}

const at = new Date(NOW * 1000);

describe("DNSSEC chain validation", () => {
  it("is secure from the anchor down: DS ↔ DNSKEY ↔ RRSIG over DNSKEY, DS and SOA", async () => {
    const w = world();
    const r = await validateZone(w.query, "child.test", [w.anchor], at);
    expect(r.status).toBe("secure");
    expect(r.steps).toEqual([
      expect.stringMatching(/^test: trust anchor DS \d+$/),
      expect.stringMatching(/^test: DNSKEY RRset signed by key \d+, which the DS names$/),
      expect.stringMatching(/^child\.test: DS \d+ signed by test key \d+$/),
      expect.stringMatching(/^child\.test: DNSKEY RRset signed by key \d+, which the DS names$/),
      expect.stringMatching(/^child\.test: SOA signed by key \d+$/),
    ]);
  });

  it("is bogus when the DS matches no DNSKEY", async () => {
    const w = world({ corruptDs: true });
    expect(await validateZone(w.query, "child.test", [w.anchor], at)).toMatchObject({ status: "bogus", reason: expect.stringContaining("no DNSKEY of child.test matches its DS") });
  });

  it("is bogus when the DNSKEY signature has expired", async () => {
    const w = world({ expiredKeySig: true });
    expect(await validateZone(w.query, "child.test", [w.anchor], at)).toMatchObject({ status: "bogus", reason: expect.stringContaining("expired") });
  });

  it("is bogus when the SOA is signed by a key the zone does not publish", async () => {
    const w = world({ soaSignedBy: "stranger" });
    expect(await validateZone(w.query, "child.test", [w.anchor], at)).toMatchObject({ status: "bogus", reason: expect.stringContaining("no DNSKEY with that tag") });
  });

  it("is insecure when the signed parent proves with a signed NSEC that it has no DS for it", async () => {
    const w = world({ noDs: "proven" });
    expect(await validateZone(w.query, "child.test", [w.anchor], at)).toMatchObject({
      status: "insecure",
      reason: expect.stringMatching(/no DS record for child\.test in its signed parent test \(proven by NSEC child\.test lists only NS RRSIG NSEC\)/),
    });
  });

  it.each([
    ["unproven", "no signed NSEC or NSEC3 record proves it"],
    ["nsec-lists-ds", "the NSEC at child.test lists DS"],
    ["child-apex-nsec", "signer child.test is not test"],
    ["nsec-unsigned", "no RRSIG covers it"],
    ["other-name", "no NSEC at child.test (or covering it) proves that DS is absent"],
  ] as const)("is bogus, never insecure, when the DS absence is not proven (%s): a forged downgrade (RFC 4035 §5.2)", async (variant, why) => {
    const w = world({ noDs: variant });
    const r = await validateZone(w.query, "child.test", [w.anchor], at);
    expect(r).toMatchObject({ status: "bogus", reason: expect.stringContaining("DS child.test: test answers NODATA but does not prove it") });
    expect(r.reason).toContain(why);
  });

  it("is an error, never insecure, when the DS lookup fails", async () => {
    const w = world({ dsError: true });
    expect(await validateZone(w.query, "child.test", [w.anchor], at)).toMatchObject({ status: "error", reason: expect.stringContaining("SERVFAIL") });
  });

  it("is an error without a trust anchor: a chain that reaches none proves nothing", async () => {
    const w = world();
    expect((await validateZone(w.query, "child.test", [], at)).status).toBe("error");
  });

  it("is an error, not bogus, when the trust anchor matches no key (a setup problem, not the domain's)", async () => {
    const w = world();
    const wrong = w.anchor.replace(/[0-9a-f]$/, (c) => (c === "0" ? "1" : "0"));
    expect(await validateZone(w.query, "child.test", [wrong], at)).toMatchObject({ status: "error", reason: expect.stringContaining("the trust anchor for test cannot be used") });
  });
});
