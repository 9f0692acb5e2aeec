/**
 * The live snapshot in the shapes the web judges read (`core/judges/web`): observed redirect chains, whether the
 * apex and www answer over HTTPS, and the HSTS header the apex's HTTPS answer carries. A failed fetch is a fact
 * (refused, no address, rejected certificate) or a non-answer (timeout, reset), as `failureStatus` decides.
 */
import type { Chain, HostHttps, HstsSource } from "../../../core/judges/web";
import { hostHttpsOf } from "../../../core/judges/web";
import type { Followed } from "./follow";
import { failureStatus } from "./result";
import type { WebSnapshot } from "./snapshot";

export function observedChain(f: Followed): Chain {
  const c = f.chain;
  const hops = c.hops.flatMap((h) => (h.location === undefined ? [] : [{ from: h.url, to: h.location, status: h.status }]));
  const e = c.end;
  const end: Chain["end"] =
    e.kind === "error" ? { kind: failureStatus(e.reason) === "fail" ? "failed" : "unknown", url: e.url, reason: e.reason } : e;
  return { start: c.start, hops, end };
}

export function apexHttps(s: WebSnapshot): HostHttps {
  return hostHttpsOf(s.apex, observedChain(s.httpsApex));
}

export function wwwHttps(s: WebSnapshot): HostHttps {
  if (s.wwwDns.kind === "absent") return { kind: "no-address", host: s.www };
  if (s.wwwDns.kind === "error") return { kind: "unknown", host: s.www, reason: `could not look up ${s.www}: ${s.wwwDns.reason}` };
  if (s.httpsWww === undefined) return { kind: "unknown", host: s.www, reason: "not fetched" };
  return hostHttpsOf(s.www, observedChain(s.httpsWww));
}

const STS = "strict-transport-security";

/** The HSTS header of the apex's own first HTTPS answer (what browsers and the preload list read for the apex). */
export function observedHsts(s: WebSnapshot): HstsSource {
  const apex = apexHttps(s);
  const res = s.httpsApex.responses[0];
  if (apex.kind === "unknown") return { kind: "unknown", host: s.apex, reason: apex.reason };
  if (apex.kind === "no-answer" || apex.kind === "no-address" || apex.kind === "downgraded" || res === undefined) {
    return { kind: "no-https", host: s.apex, reason: apex.kind === "no-answer" ? apex.reason : apex.kind === "downgraded" ? `https://${s.apex}/ redirects to plain ${apex.to}` : "no answer" };
  }
  return { kind: "response", url: res.url, https: res.headers[STS] ?? [], http: s.httpApex.responses[0]?.headers[STS] ?? [] };
}
