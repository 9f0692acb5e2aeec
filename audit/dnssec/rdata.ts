import { base32hexDecode } from "./base32hex";
import type { Nsec3Proof } from "./denial";
/** Narrowing of DNSSEC record data as dns-packet decodes it (the DNS client hands it over as `unknown`). */

export interface DnskeyData {
  readonly flags: number;
  readonly algorithm: number;
  readonly key: Buffer;
}
export interface DsData {
  readonly keyTag: number;
  readonly algorithm: number;
  readonly digestType: number;
  readonly digest: Buffer;
}
export interface RrsigData {
  readonly typeCovered: string;
  readonly algorithm: number;
  readonly labels: number;
  readonly originalTTL: number;
  readonly expiration: number;
  readonly inception: number;
  readonly keyTag: number;
  readonly signersName: string;
  readonly signature: Buffer;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function asDnskey(v: unknown): DnskeyData | undefined {
  if (!isRecord(v)) return undefined;
  const { flags, algorithm, key } = v;
  return typeof flags === "number" && typeof algorithm === "number" && Buffer.isBuffer(key) ? { flags, algorithm, key } : undefined;
}

export function asDs(v: unknown): DsData | undefined {
  if (!isRecord(v)) return undefined;
  const { keyTag, algorithm, digestType, digest } = v;
  return typeof keyTag === "number" && typeof algorithm === "number" && typeof digestType === "number" && Buffer.isBuffer(digest)
    ? { keyTag, algorithm, digestType, digest }
    : undefined;
}

export function asRrsig(v: unknown): RrsigData | undefined {
  if (!isRecord(v)) return undefined;
  const { typeCovered, algorithm, labels, originalTTL, expiration, inception, keyTag, signersName, signature } = v;
  if (
    typeof typeCovered === "string" &&
    typeof algorithm === "number" &&
    typeof labels === "number" &&
    typeof originalTTL === "number" &&
    typeof expiration === "number" &&
    typeof inception === "number" &&
    typeof keyTag === "number" &&
    typeof signersName === "string" &&
    Buffer.isBuffer(signature)
  ) {
    return { typeCovered, algorithm, labels, originalTTL, expiration, inception, keyTag, signersName, signature };
  }
  return undefined;
}

export interface NsecData {
  readonly nextDomain: string;
  readonly rrtypes: readonly string[];
}

export function asNsec(v: unknown): NsecData | undefined {
  if (!isRecord(v)) return undefined;
  const { nextDomain, rrtypes } = v;
  return typeof nextDomain === "string" && Array.isArray(rrtypes) && rrtypes.every((t) => typeof t === "string") ? { nextDomain, rrtypes } : undefined;
}

/** An NSEC3 record with its owner's hash label decoded; undefined unless the owner is `<base32hex>.<zone>`. */
export function asNsec3(owner: string, zone: string, v: unknown): Nsec3Proof | undefined {
  if (!isRecord(v)) return undefined;
  const { algorithm, flags, iterations, salt, nextDomain, rrtypes } = v;
  const labels = owner.split(".");
  const first = labels[0] ?? "";
  if (labels.slice(1).join(".") !== zone) return undefined;
  const hash = base32hexDecode(first);
  if (
    hash === undefined ||
    typeof algorithm !== "number" ||
    typeof flags !== "number" ||
    typeof iterations !== "number" ||
    !Buffer.isBuffer(salt) ||
    !Buffer.isBuffer(nextDomain) ||
    !Array.isArray(rrtypes) ||
    !rrtypes.every((t): t is string => typeof t === "string")
  ) {
    return undefined;
  }
  return { owner, hash, next: nextDomain, flags, iterations, salt, algorithm, types: rrtypes };
}

/** RFC 4034 §6.2 (as corrected by RFC 6840 §5.1): names inside these RDATA types are lower-cased. */
export function lowerNamesInRdata(type: string, data: unknown): unknown {
  if (typeof data === "string" && (type === "NS" || type === "CNAME" || type === "PTR" || type === "DNAME")) return data.toLowerCase();
  if (!isRecord(data)) return data;
  if (type === "SOA" && typeof data["mname"] === "string" && typeof data["rname"] === "string") {
    return { ...data, mname: data["mname"].toLowerCase(), rname: data["rname"].toLowerCase() };
  }
  if (type === "MX" && typeof data["exchange"] === "string") return { ...data, exchange: data["exchange"].toLowerCase() };
  if ((type === "RRSIG" || type === "SIG") && typeof data["signersName"] === "string") return { ...data, signersName: data["signersName"].toLowerCase() };
  return data;
}
