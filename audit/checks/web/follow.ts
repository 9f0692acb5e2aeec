/**
 * Following redirects by hand, so every hop's URL and status code is recorded (the client never follows).
 * Bounded: at most MAX_REDIRECTS hops, and a URL seen twice ends the chain as a loop.
 */
import { isRedirectStatus, type ChainEnd, type RedirectChain, type RedirectHop } from "../../../core/http/redirect-chain";
import type { HttpResult } from "../../types";

export const MAX_REDIRECTS = 10;

export type HttpResponse = Extract<HttpResult, { kind: "response" }>;

export interface Followed {
  readonly chain: RedirectChain;
  /** Every response received, in order (redirects, then the final answer). */
  readonly responses: readonly HttpResponse[];
  /** The last response when the chain ended on a non-redirect. */
  readonly final: HttpResponse | undefined;
  /** The failure, when the chain ended on one. */
  readonly error: string | undefined;
}

export async function follow(fetchOnce: (url: string) => Promise<HttpResult>, start: string, maxHops = MAX_REDIRECTS): Promise<Followed> {
  const hops: RedirectHop[] = [];
  const responses: HttpResponse[] = [];
  const visited = new Set<string>([start]);
  let url = start;
  const done = (end: ChainEnd): Followed => ({
    chain: { start, hops, end },
    responses,
    final: end.kind === "final" ? responses.at(-1) : undefined,
    error: end.kind === "error" ? end.reason : undefined,
  });
  for (;;) {
    const r = await fetchOnce(url);
    if (r.kind === "error") return done({ kind: "error", url, reason: r.reason });
    responses.push(r);
    const location = r.headers.location?.[0];
    if (!isRedirectStatus(r.status) || location === undefined) return done({ kind: "final", url, status: r.status });
    let next: string;
    try {
      next = new URL(location, url).href;
    } catch {
      return done({ kind: "error", url, reason: `${r.status} from ${url} has an invalid Location "${location}"` });
    }
    hops.push({ url, status: r.status, location: next });
    if (visited.has(next)) return done({ kind: "loop", url: next });
    if (hops.length >= maxHops) return done({ kind: "too-many", limit: maxHops });
    visited.add(next);
    url = next;
  }
}
