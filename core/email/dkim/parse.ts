import { createPublicKey } from "node:crypto";
import { duplicateTags, parseTagList } from "../tag-list";

export interface DkimKeyRecord {
  readonly version?: string;
  /** `k=`; defaults to rsa (RFC 6376 §3.6.1). */
  readonly keyType: string;
  /** The `p=` value with whitespace removed; empty means revoked. */
  readonly publicKey: string;
  readonly revoked: boolean;
  /** `t=y`: the domain is testing DKIM; receivers must not treat signatures differently. */
  readonly testing: boolean;
  /** `t=s`: the i= domain must equal d=. */
  readonly strict: boolean;
  readonly hashAlgorithms?: readonly string[];
  readonly serviceTypes?: readonly string[];
}

export interface DkimParseResult {
  readonly record?: DkimKeyRecord;
  readonly errors: readonly string[];
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Parses a DKIM key record (RFC 6376 §3.6.1). Tag names are case-sensitive there. Never throws. */
export function parseDkimKey(text: string): DkimParseResult {
  const list = parseTagList(text);
  const errors = [...list.errors];
  for (const dup of duplicateTags(list.tags)) errors.push(`tag "${dup}" appears more than once (RFC 6376 §3.2)`);
  const get = (name: string): string | undefined => list.tags.find((t) => t.name === name)?.value;

  const version = get("v");
  if (version !== undefined) {
    if (list.tags[0]?.name !== "v") errors.push('"v=" must be the first tag when present');
    if (version !== "DKIM1") errors.push(`v=${version} must be DKIM1`);
  }
  const keyType = (get("k") ?? "rsa").toLowerCase();
  if (keyType !== "rsa" && keyType !== "ed25519") errors.push(`k=${keyType} is not a key type receivers know (rsa, ed25519)`);

  const p = get("p");
  if (p === undefined) {
    errors.push('"p=" (the public key) is missing');
    return { errors };
  }
  const publicKey = p.replace(/\s+/g, "");
  if (!BASE64.test(publicKey) || publicKey.length % 4 !== 0) errors.push("p= is not valid base64");

  const flags = (get("t") ?? "").split(":").map((f) => f.trim()).filter((f) => f !== "");
  const h = get("h");
  const s = get("s");
  const record: DkimKeyRecord = {
    ...(version !== undefined ? { version } : {}),
    keyType,
    publicKey,
    revoked: publicKey === "",
    // Unknown flags are ignored (RFC 6376 §3.6.1).
    testing: flags.includes("y"),
    strict: flags.includes("s"),
    ...(h !== undefined ? { hashAlgorithms: h.split(":").map((x) => x.trim()) } : {}),
    ...(s !== undefined ? { serviceTypes: s.split(":").map((x) => x.trim()) } : {}),
  };
  return { record, errors };
}

export type DkimKeyStrength =
  | { readonly kind: "rsa"; readonly bits: number }
  | { readonly kind: "ed25519" }
  | { readonly kind: "unreadable"; readonly reason: string };

/**
 * The key's strength: RSA modulus bits from the DER SubjectPublicKeyInfo (RFC 6376 §3.6.1), or an ed25519 raw
 * 32-byte key (RFC 8463 §4.2).
 */
export function dkimKeyStrength(record: DkimKeyRecord): DkimKeyStrength {
  const der = Buffer.from(record.publicKey, "base64");
  if (record.keyType === "ed25519") {
    return der.length === 32 ? { kind: "ed25519" } : { kind: "unreadable", reason: `an ed25519 key is 32 bytes, this one is ${der.length}` };
  }
  for (const type of ["spki", "pkcs1"] as const) {
    try {
      const key = createPublicKey({ key: der, format: "der", type });
      const bits = key.asymmetricKeyDetails?.modulusLength;
      if (key.asymmetricKeyType === "rsa" && bits !== undefined) return { kind: "rsa", bits };
      return { kind: "unreadable", reason: `the key is ${key.asymmetricKeyType ?? "unknown"}, but k=${record.keyType}` };
    } catch {
      // try the next encoding: some providers publish a bare PKCS#1 RSAPublicKey
    }
  }
  return { kind: "unreadable", reason: "p= is not a DER RSA public key (SubjectPublicKeyInfo)" };
}
