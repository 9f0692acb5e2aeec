/**
 * Referrer-Policy (W3C Referrer Policy §4.1 and §8.1): the header is a comma list and the LAST recognised token
 * wins, so older browsers can be given a fallback first.
 */

export const REFERRER_POLICIES = [
  "no-referrer",
  "no-referrer-when-downgrade",
  "same-origin",
  "origin",
  "strict-origin",
  "origin-when-cross-origin",
  "strict-origin-when-cross-origin",
  "unsafe-url",
] as const;
export type ReferrerPolicy = (typeof REFERRER_POLICIES)[number];

export function effectiveReferrerPolicy(headerValues: readonly string[]): ReferrerPolicy | undefined {
  let found: ReferrerPolicy | undefined;
  for (const v of headerValues) {
    for (const raw of v.split(",")) {
      const token = raw.trim().toLowerCase();
      const known = REFERRER_POLICIES.find((p) => p === token);
      if (known) found = known;
    }
  }
  return found;
}

/** strict: never sends the path cross-origin nor anything over a downgrade. leaky: sends full URLs to other sites. */
export function referrerStrength(p: ReferrerPolicy): "strict" | "loose" | "leaky" {
  if (p === "unsafe-url" || p === "no-referrer-when-downgrade") return "leaky";
  if (p === "origin" || p === "origin-when-cross-origin") return "loose";
  return "strict";
}
