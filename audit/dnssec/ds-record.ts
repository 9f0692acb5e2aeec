/** DS records in presentation format (RFC 4034 §5.3), e.g. trust anchors given on the command line. */

export interface DsRecord {
  /** Lower case, no trailing dot ("" for the root). */
  readonly owner: string;
  readonly keyTag: number;
  readonly algorithm: number;
  readonly digestType: number;
  readonly digest: Buffer;
}

export function parseDsRecord(text: string): DsRecord {
  const fields = text.trim().split(/\s+/);
  const hint = 'expected "OWNER. DS KEYTAG ALGORITHM DIGESTTYPE HEXDIGEST", e.g. "test. DS 12345 13 2 3A9F…"';
  // OWNER [TTL] [IN] DS ...
  const dsAt = fields.findIndex((f) => f.toUpperCase() === "DS");
  if (dsAt < 1) throw new Error(`"${text}" is not a DS record: ${hint}`);
  const owner = (fields[0] ?? "").replace(/\.$/, "").toLowerCase();
  const [tag, alg, dtype, ...hex] = fields.slice(dsAt + 1);
  const nums = [tag, alg, dtype].map((n) => (n !== undefined && /^\d+$/.test(n) ? Number(n) : NaN));
  const digestHex = hex.join("");
  if (nums.some((n) => Number.isNaN(n)) || !/^[0-9a-fA-F]+$/.test(digestHex) || digestHex.length % 2 !== 0) {
    throw new Error(`"${text}" is not a DS record: ${hint}`);
  }
  return { owner, keyTag: nums[0] ?? 0, algorithm: nums[1] ?? 0, digestType: nums[2] ?? 0, digest: Buffer.from(digestHex, "hex") };
}

/** The IANA root zone KSKs (KSK-2017 and KSK-2024), from https://data.iana.org/root-anchors/root-anchors.xml. */
export const ROOT_TRUST_ANCHORS: readonly string[] = [
  ". DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D",
  ". DS 38696 8 2 683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16",
];
