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
  /** `h=`, lower case: the hash algorithms signatures may use; absent allows all. */
  readonly hashAlgorithms?: readonly string[];
  /** `s=`, lower case: the services the key is for; absent is `*`. */
  readonly serviceTypes?: readonly string[];
}

/** Key types verifiers know: RSA (RFC 6376 §3.3) and Ed25519 (RFC 8463). */
export const DKIM_KEY_TYPES = ["rsa", "ed25519"] as const;

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
  if (!(DKIM_KEY_TYPES as readonly string[]).includes(keyType)) errors.push(`k=${keyType} is not a key type receivers know (rsa, ed25519)`);

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
    ...(h !== undefined ? { hashAlgorithms: h.split(":").map((x) => x.trim().toLowerCase()) } : {}),
    ...(s !== undefined ? { serviceTypes: s.split(":").map((x) => x.trim().toLowerCase()) } : {}),
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
  if (!(DKIM_KEY_TYPES as readonly string[]).includes(record.keyType)) return { kind: "unreadable", reason: `k=${record.keyType} is no key type verifiers know` };
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

/**
 * Why verifiers cannot use this key to verify the email signatures signers make today, each with the clause that
 * says so; empty when they can. Signers use rsa-sha256 or ed25519-sha256: rsa-sha1 is gone (RFC 8301 §3.1:
 * verifiers MUST NOT consider sha1 signatures valid).
 * - `h=` lists the hashes the key may be used with; unknown ones are ignored (RFC 6376 §3.6.1). Without sha256 no
 *   signature a verifier accepts can use the key (RFC 6376 §6.1.2: a key whose h= excludes the signature's hash
 *   fails it).
 * - `s=` lists the services the key is for; a verifier for email MUST ignore a record listing neither `email` nor
 *   `*` (RFC 6376 §3.6.1), so the key is as good as absent.
 * - An ed25519 key is the raw 32-byte public key (RFC 8463 §4.2), not a SubjectPublicKeyInfo.
 * A revoked key (empty p=) is reported apart (dkim.revoked).
 */
export function dkimKeyUnusable(record: DkimKeyRecord): string[] {
  const problems: string[] = [];
  if (record.hashAlgorithms !== undefined && !record.hashAlgorithms.includes("sha256")) {
    const listed = record.hashAlgorithms.join(":");
    problems.push(`h=${listed} excludes sha256, and verifiers accept no other hash (RFC 8301 §3.1), so every signature with this key fails (RFC 6376 §6.1.2)`);
  }
  if (record.serviceTypes !== undefined && !record.serviceTypes.some((t) => t === "*" || t === "email")) {
    problems.push(`s=${record.serviceTypes.join(":")} does not include email or *, so email verifiers ignore the key (RFC 6376 §3.6.1)`);
  }
  if (record.keyType === "ed25519" && !record.revoked) {
    const bytes = Buffer.from(record.publicKey, "base64").length;
    if (bytes !== 32) problems.push(`an ed25519 key is the raw 32-byte public key (RFC 8463 §4.2); this one is ${bytes} bytes`);
  }
  return problems;
}
