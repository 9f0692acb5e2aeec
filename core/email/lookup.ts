/**
 * The tri-state DNS answer the email logic consumes. Structurally the same as the auditor's `DnsLookup`, so the
 * auditor's client can be handed in directly, while `core/` stays free of any I/O or audit import.
 */
export type Lookup<T> =
  | { readonly kind: "answer"; readonly records: readonly T[] }
  | { readonly kind: "absent"; readonly reason: "NXDOMAIN" | "NODATA" }
  | { readonly kind: "error"; readonly reason: string };

export interface MxAnswer {
  readonly preference: number;
  readonly exchange: string;
}

/** Lower case, no trailing dot: how names are compared (DNS names are case-insensitive, RFC 4343). */
export function normalizeName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}
