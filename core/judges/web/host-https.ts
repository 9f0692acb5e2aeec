/**
 * Whether one host answers over HTTPS, from what its `https://host/` request got: served, redirected to an https://
 * URL, or not HTTPS at all (no address, no answer, a rejected certificate, or only a redirect to plain http, which is
 * what Cloudflare's SSL mode `off` answers: https://developers.cloudflare.com/ssl/origin-configuration/ssl-modes/off/).
 */
import { type Chain, scheme } from "./chain";

export type HostHttps =
  | { readonly kind: "served"; readonly host: string; readonly url: string }
  | { readonly kind: "redirected"; readonly host: string; readonly to: string }
  | { readonly kind: "downgraded"; readonly host: string; readonly to: string }
  /** The name has no address (A/AAAA absent; before apply: no web record). */
  | { readonly kind: "no-address"; readonly host: string }
  | { readonly kind: "no-answer"; readonly host: string; readonly reason: string }
  | { readonly kind: "unknown"; readonly host: string; readonly reason: string };

/** The host's HTTPS answer, from the chain that starts at `https://host/`. */
export function hostHttpsOf(host: string, chain: Chain): HostHttps {
  const first = chain.hops[0];
  if (first !== undefined) return scheme(first.to) === "https" ? { kind: "redirected", host, to: first.to } : { kind: "downgraded", host, to: first.to };
  const e = chain.end;
  switch (e.kind) {
    case "final":
      return { kind: "served", host, url: e.url };
    case "failed":
      return { kind: "no-answer", host, reason: e.reason };
    case "unknown":
      return { kind: "unknown", host, reason: e.reason };
    case "loop":
    case "too-many":
      // Unreachable without a first hop; kept total.
      return { kind: "unknown", host, reason: "the chain ended before its first answer" };
  }
}

export function answersHttps(h: HostHttps): boolean {
  return h.kind === "served" || h.kind === "redirected";
}

/** One sentence about the host's HTTPS answer. */
export function describeHostHttps(h: HostHttps): string {
  switch (h.kind) {
    case "served":
      return `${h.host} answers over HTTPS`;
    case "redirected":
      return `${h.host} answers over HTTPS with a redirect to ${h.to}`;
    case "downgraded":
      return `${h.host} answers HTTPS only with a redirect to plain ${h.to}`;
    case "no-address":
      return `${h.host} has no address`;
    case "no-answer":
      return `${h.host} does not answer over HTTPS: ${h.reason}`;
    case "unknown":
      return `whether ${h.host} answers over HTTPS is unknown: ${h.reason}`;
  }
}
