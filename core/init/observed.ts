/**
 * What `launch-ready init` saw of a live domain, in plain data: the facts the inference reads. Every DNS fact is
 * tri-state like the auditor's lookups: `none` is a proven absence (NXDOMAIN/NODATA), `unknown` a lookup that did
 * not answer (timeout, SERVFAIL), which the inference never reads as "no record".
 */

export type Seen<T> =
  | { readonly kind: "found"; readonly records: readonly T[] }
  | { readonly kind: "none" }
  | { readonly kind: "unknown"; readonly reason: string };

export interface SeenMx {
  readonly preference: number;
  readonly exchange: string;
}

export interface SeenCaa {
  readonly flags: number;
  readonly tag: string;
  readonly value: string;
}

/** One web host: its DNS and where https:// on it ended up. */
export interface SeenHost {
  readonly name: string;
  readonly cname: Seen<string>;
  readonly a: Seen<string>;
  readonly aaaa: Seen<string>;
  /** `https://<name>/` followed by hand: the final URL's host and status, or why it failed. */
  readonly https: SeenHttps;
}

export type SeenHttps =
  | { readonly kind: "answered"; readonly finalUrl: string; readonly status: number; readonly hops: number }
  | { readonly kind: "failed"; readonly reason: string }
  | { readonly kind: "not-tried"; readonly reason: string };

/** One DKIM selector tried: a CNAME to the provider, a TXT key, nothing, or a lookup that did not answer. */
export type SeenDkim =
  | { readonly selector: string; readonly kind: "cname"; readonly target: string }
  | { readonly selector: string; readonly kind: "txt"; readonly records: readonly string[] }
  | { readonly selector: string; readonly kind: "none" }
  | { readonly selector: string; readonly kind: "unknown"; readonly reason: string };

export interface DomainObservations {
  /** A-labels, lower case. */
  readonly domain: string;
  readonly apex: SeenHost;
  readonly www: SeenHost;
  readonly mx: Seen<SeenMx>;
  /** Every TXT at the apex (SPF is picked from them). */
  readonly txt: Seen<string>;
  /** TXT at `_dmarc.<domain>`. */
  readonly dmarc: Seen<string>;
  readonly caa: Seen<SeenCaa>;
  readonly dkim: readonly SeenDkim[];
}
