/**
 * Analysis of a redirect chain recorded hop by hop (the client never follows redirects itself).
 */

export interface RedirectHop {
  readonly url: string;
  readonly status: number;
  /** The Location header resolved against `url`, for 3xx responses that carry one. */
  readonly location?: string;
}

export type ChainEnd =
  | { readonly kind: "final"; readonly url: string; readonly status: number }
  /** The next URL had already been visited. */
  | { readonly kind: "loop"; readonly url: string }
  /** The hop budget ran out before a non-redirect answer. */
  | { readonly kind: "too-many"; readonly limit: number }
  | { readonly kind: "error"; readonly url: string; readonly reason: string };

export interface RedirectChain {
  readonly start: string;
  /** Every redirect response, in order. */
  readonly hops: readonly RedirectHop[];
  readonly end: ChainEnd;
}

export function isRedirectStatus(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** The https→http hops: each lets a network attacker read or rewrite what follows. */
export function downgrades(chain: RedirectChain): RedirectHop[] {
  return chain.hops.filter((h) => h.location !== undefined && /^https:/i.test(h.url) && /^http:/i.test(h.location));
}

export type FirstHopVerdict =
  | { readonly kind: "https-same-host"; readonly location: string }
  | { readonly kind: "https-canonical"; readonly location: string }
  | { readonly kind: "https-elsewhere"; readonly location: string }
  | { readonly kind: "http"; readonly location: string }
  | { readonly kind: "no-redirect"; readonly status: number };

/** Where the first hop of an `http://host` chain goes (hstspreload rule: redirect to https on the same host first). */
export function firstHop(chain: RedirectChain, canonicalHost: string): FirstHopVerdict | undefined {
  const hop = chain.hops[0];
  if (hop === undefined || hop.location === undefined) {
    return chain.end.kind === "final" ? { kind: "no-redirect", status: chain.end.status } : undefined;
  }
  const from = new URL(hop.url);
  const to = new URL(hop.location);
  if (to.protocol !== "https:") return { kind: "http", location: hop.location };
  if (to.hostname === from.hostname) return { kind: "https-same-host", location: hop.location };
  if (to.hostname === canonicalHost) return { kind: "https-canonical", location: hop.location };
  return { kind: "https-elsewhere", location: hop.location };
}

/** The chain as evidence: "301 http://a/ → https://a/", then the end. Only URLs and status codes. */
export function describeChain(chain: RedirectChain): string[] {
  const lines = chain.hops.map((h) => `${h.status} ${h.url} → ${h.location ?? "(no Location)"}`);
  const e = chain.end;
  if (e.kind === "final") lines.push(`${e.status} ${e.url}`);
  else if (e.kind === "loop") lines.push(`loop: ${e.url} was already visited`);
  else if (e.kind === "too-many") lines.push(`stopped after ${e.limit} redirects`);
  else lines.push(`error at ${e.url}: ${e.reason}`);
  return lines;
}
