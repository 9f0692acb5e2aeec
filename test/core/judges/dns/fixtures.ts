/**
 * Both sides of a DNS judge, built from one description: the planned resources the program registers (records as
 * `components/dns/records.ts` registers them, `ZoneDnssec` as `components/dns/dnssec.ts` does) and an in-memory DNS
 * that serves the same records after apply, signed or not, below a test trust anchor.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { canonicalName, signedData } from "../../../../audit/dnssec/canonical";
import { dnskeyRdata, keyTag } from "../../../../audit/dnssec/keys";
import type { DnskeyData } from "../../../../audit/dnssec/rdata";
import type { AuditContext, CaaRecord, DnsClient, DnsLookup, SignedRecord } from "../../../../audit/types";
import type { DomainSpec } from "../../../../config/spec";
import type { PlannedRecord } from "../../../../core/dns/record-plan";
import type { PlannedResource } from "../../../../policy/resource";
import { planned } from "../../../helpers/planned";
import { labContext } from "../../../audit/checks/dns/context";
import { fakeDns } from "../../../audit/checks/email/fakes";

export const ZONE = "acme.example";
export const ZONE_ID = "0f3a2b1c4d5e6f708192a3b4c5d6e7f8";

/** A domain with the apex and www proxied to `origin`, as the config validation hands it to the planner. */
export function domainSpec(origin: "aws" | "ip", caa: { issuers?: readonly string[]; iodef?: string } = {}): DomainSpec {
  const o = origin === "aws" ? { kind: "hostname" as const, value: "lb-1.eu-west-1.elb.amazonaws.com" } : { kind: "ipv4" as const, value: "203.0.113.10" };
  return {
    name: ZONE,
    cloudflare: { plan: "free", zoneId: ZONE_ID, rulesetIds: {}, adoptRecords: [] },
    dnssec: true,
    web: {
      canonicalHost: ZONE,
      aliases: [`www.${ZONE}`],
      hosts: [
        { name: ZONE, origin: o },
        { name: `www.${ZONE}`, origin: o },
      ],
      hsts: { maxAgeSeconds: 31536000, includeSubdomains: true, preload: false },
      ssl: "strict",
      caa: { issuers: caa.issuers ?? [], acm: origin === "aws", ...(caa.iodef !== undefined ? { iodef: caa.iodef } : {}) },
      legacyPaths: [],
    },
    dnsRecords: [],
    rateLimits: [],
  };
}

/** The record plan with its CAA records replaced by `caa` (all at the apex): what a stack with that set plans. */
export function withCaa(records: readonly PlannedRecord[], caa: readonly CaaRecord[]): PlannedRecord[] {
  const hosts = records.filter((r) => r.type !== "CAA");
  return [...hosts, ...caa.map((c, i) => ({ key: `apex-caa-${i}`, name: ZONE, type: "CAA" as const, content: `${c.flags} ${c.tag} "${c.value}"`, caa: c, ttl: 3600, proxied: false, purpose: "test" }))];
}

/** The planned resources, shaped as the components register them (CAA as structured `data`). */
export function plannedResources(records: readonly PlannedRecord[], dnssec: "active" | "disabled" | "none"): PlannedResource[] {
  const out = records.map((r) =>
    planned(
      "cloudflare:index/dnsRecord:DnsRecord",
      r.caa !== undefined
        ? { zoneId: ZONE_ID, name: r.name, type: r.type, ttl: r.ttl, data: { flags: r.caa.flags, tag: r.caa.tag, value: r.caa.value } }
        : { zoneId: ZONE_ID, name: r.name, type: r.type, ttl: r.ttl, content: r.content, proxied: r.proxied },
    ),
  );
  if (dnssec !== "none") out.push(planned("cloudflare:index/zoneDnssec:ZoneDnssec", { zoneId: ZONE_ID, status: dnssec }));
  return out;
}

interface Key {
  readonly data: DnskeyData;
  readonly priv: KeyObject;
}

function newKey(flags: 256 | 257): Key {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  return { data: { flags, algorithm: 13, key: Buffer.concat([Buffer.from(jwk.x ?? "", "base64url"), Buffer.from(jwk.y ?? "", "base64url")]) }, priv: privateKey };
}

export const NOW = new Date(1_800_000_000 * 1000);

function rrsig(rrset: readonly SignedRecord[], signer: string, key: Key): SignedRecord {
  const first = rrset[0];
  if (!first) throw new Error("empty RRset");
  const t = Math.floor(NOW.getTime() / 1000);
  const sig = { typeCovered: first.type, algorithm: 13, labels: first.name.split(".").length, originalTTL: 300, expiration: t + 20 * 86_400, inception: t - 86_400, keyTag: keyTag(key.data), signersName: signer };
  const signature = sign("sha256", signedData(rrset, { ...sig, signature: Buffer.alloc(0) }), { key: key.priv, dsaEncoding: "ieee-p1363" });
  return { name: first.name, type: "RRSIG", ttl: 300, data: { ...sig, signature } };
}

/**
 * The live zone: `example` signed under a test trust anchor, `acme.example` below it with no DS at the parent (the
 * registrar step not done), publishing a signed DNSKEY set or not, and answering `caa` at its apex.
 */
export function liveZone(opts: { readonly caa: readonly CaaRecord[]; readonly signed: boolean; readonly issuer: string }): AuditContext {
  const parentKey = newKey(257);
  const table = new Map<string, DnsLookup<SignedRecord>>();
  const answer = (records: SignedRecord[]): DnsLookup<SignedRecord> => ({ kind: "answer", records, authenticated: false, elapsedMs: 1 });
  const pKeys: SignedRecord[] = [{ name: "example", type: "DNSKEY", ttl: 300, data: parentKey.data }];
  table.set("example|DNSKEY", answer([...pKeys, rrsig(pKeys, "example", parentKey)]));
  const soa = (zone: string): SignedRecord[] => [{ name: zone, type: "SOA", ttl: 300, data: { mname: `ns1.${zone}`, rname: `hostmaster.${zone}`, serial: 1, refresh: 3600, retry: 900, expire: 604800, minimum: 300 } }];
  table.set("example|SOA", answer([...soa("example"), rrsig(soa("example"), "example", parentKey)]));
  if (opts.signed) {
    const childKey = newKey(257);
    const cKeys: SignedRecord[] = [{ name: ZONE, type: "DNSKEY", ttl: 300, data: childKey.data }];
    table.set(`${ZONE}|DNSKEY`, answer([...cKeys, rrsig(cKeys, ZONE, childKey)]));
    table.set(`${ZONE}|SOA`, answer([...soa(ZONE), rrsig(soa(ZONE), ZONE, childKey)]));
  } else {
    table.set(`${ZONE}|SOA`, answer(soa(ZONE)));
  }
  const digest = createHash("sha256").update(canonicalName("example")).update(dnskeyRdata(parentKey.data)).digest("hex");
  // The signed parent's NSEC chain (example → acme.example → example), so its absences are proven (RFC 4035 §5.4):
  // no DS at the delegation, and no other type at its own apex than it lists.
  const nsec = (owner: string, next: string, rrtypes: string[]): SignedRecord[] => {
    const set: SignedRecord[] = [{ name: owner, type: "NSEC", ttl: 300, data: { nextDomain: next, rrtypes } }];
    return [...set, rrsig(set, "example", parentKey)];
  };
  const parentDenial: Record<string, SignedRecord[]> = {
    example: nsec("example", ZONE, ["NS", "SOA", "RRSIG", "NSEC", "DNSKEY"]),
    [ZONE]: nsec(ZONE, "example", ["NS", "RRSIG", "NSEC"]),
  };
  table.set(`${ZONE}|DS`, { kind: "absent", reason: "NODATA", elapsedMs: 1, proof: parentDenial[ZONE] ?? [] });
  const dns: DnsClient = {
    ...fakeDns({ [ZONE]: { CAA: opts.caa, SOA: [{ mname: `ns1.${ZONE}`, rname: `hostmaster.${ZONE}`, serial: 1 }] } }),
    querySigned: async (name, type) => table.get(`${name}|${type}`) ?? { kind: "absent", reason: "NODATA", elapsedMs: 1, ...(name === "example" ? { proof: parentDenial["example"] ?? [] } : {}) },
  };
  return labContext(dns, { issuer: opts.issuer, trustAnchors: [`example. DS ${keyTag(parentKey.data)} 13 2 ${digest}`], now: NOW });
}
