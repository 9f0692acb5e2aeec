/** Builds SPF records for the components to publish, and splits TXT values into DNS strings. */

export interface SpfSpec {
  readonly includes?: readonly string[];
  readonly ip4?: readonly string[];
  readonly ip6?: readonly string[];
  /** Add `mx` (authorise the domain's own MX hosts). */
  readonly mx?: boolean;
  /** Add `a` (authorise the domain's own addresses). */
  readonly a?: boolean;
  /** The terminal policy; a parked domain uses `-` and nothing else. */
  readonly all: "-" | "~" | "?";
}

/** `v=spf1 [a] [mx] ip4:… ip6:… include:… <q>all`: cheap terms first, includes last, `all` at the end. */
export function buildSpf(spec: SpfSpec): string {
  const terms = ["v=spf1"];
  if (spec.a) terms.push("a");
  if (spec.mx) terms.push("mx");
  for (const ip of spec.ip4 ?? []) terms.push(`ip4:${ip}`);
  for (const ip of spec.ip6 ?? []) terms.push(`ip6:${ip}`);
  for (const inc of spec.includes ?? []) terms.push(`include:${inc}`);
  terms.push(`${spec.all}all`);
  return terms.join(" ");
}

/** The record of a domain that sends no mail (M3AAWG parked-domain advice). */
export const PARKED_SPF = "v=spf1 -all";

/** Whether a record is exactly the parked record, ignoring case and repeated spaces. */
export function isParkedSpf(record: string): boolean {
  return record.trim().split(/ +/).join(" ").toLowerCase() === PARKED_SPF;
}

/**
 * Splits a TXT value into character-strings of at most 255 bytes (RFC 1035 §3.3.14, RFC 7208 §3.3). Splitting
 * happens on byte boundaries of the UTF-8 encoding; SPF is ASCII so no character is ever cut.
 */
export function splitTxt(value: string, max = 255): string[] {
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length === 0) return [""];
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += max) out.push(bytes.subarray(i, i + max).toString("utf8"));
  return out;
}

/** RFC 7208 §3.4: keep the record within 450 bytes so the answer fits a 512-byte UDP response. */
export const SPF_RECORD_SIZE_LIMIT = 450;
export const TXT_STRING_LIMIT = 255;
