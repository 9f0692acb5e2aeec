/**
 * A redirect chain as both sides see it: the auditor records one hop by hop from the live site, the plan rules
 * predict one from the planned edge (`core/edge/redirect-sim.ts`). The redirect and HTTPS judges read only this.
 */

export interface ChainHop {
  readonly from: string;
  readonly to: string;
  readonly status: number;
  /** What answered with the redirect, when known (`rule http-to-https`, `always_use_https`). */
  readonly by?: string;
}

export type ChainEnd =
  /** An answer that is not a redirect (its status when known: a plan only knows it is not a redirect). */
  | { readonly kind: "final"; readonly url: string; readonly status?: number }
  /** The next URL had already been visited. */
  | { readonly kind: "loop"; readonly url: string }
  /** Still redirecting when the hop budget ran out. */
  | { readonly kind: "too-many"; readonly limit: number }
  /** A failure that is a fact about the site: connection refused, no address, a certificate the client rejects. */
  | { readonly kind: "failed"; readonly url: string; readonly reason: string }
  /** Nothing can be said past here: a timeout or reset, or a redirect rule the checker cannot read. */
  | { readonly kind: "unknown"; readonly url: string; readonly reason: string };

export interface Chain {
  readonly start: string;
  readonly hops: readonly ChainHop[];
  readonly end: ChainEnd;
  /** Said after the chain in facts, e.g. which edge order it was followed under. */
  readonly note?: string;
  /**
   * The start's path is one no redirect moves on purpose, so wherever the chain lands must keep it (a plan's probe
   * path). A live start is `/`, which sites may legitimately send to `/login` or `/en/`: not set there.
   */
  readonly pathShouldStay?: boolean;
}

export function scheme(url: string): string {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? "";
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return "";
  }
}

/** `start → to (301, by) → …`, then how it ended when that was not a plain answer. */
export function describeChain(c: Chain): string {
  const steps = [c.start, ...c.hops.map((h) => `${h.to} (${h.status}${h.by !== undefined ? `, ${h.by}` : ""})`)];
  const e = c.end;
  const tail =
    e.kind === "final" ? "" : e.kind === "loop" ? " → loop" : e.kind === "too-many" ? ` → still redirecting after ${e.limit} hops` : ` → ${e.kind === "failed" ? "fails" : "unknown"}: ${e.reason}`;
  return `${steps.join(" → ")}${tail}${c.note !== undefined ? ` [${c.note}]` : ""}`;
}

/** Where a chain lands when it ends on an answer. */
export function landing(c: Chain): string | undefined {
  return c.end.kind === "final" ? c.end.url : undefined;
}

/** The https → http hops: each lets a network attacker read or rewrite what follows. */
export function downgradeHops(c: Chain): ChainHop[] {
  return c.hops.filter((h) => scheme(h.from) === "https" && scheme(h.to) === "http");
}
