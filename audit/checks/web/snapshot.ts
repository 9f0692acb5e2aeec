/**
 * What the web checks look at, gathered once per target and shared by every module of one run: the redirect chains
 * from http:// and https:// on the apex and www, the HTTPS page, and the default TLS handshakes. Each URL is fetched
 * at most once per run (a per-context, per-target memo), whatever the number of modules that read it.
 */
import { domainToASCII } from "node:url";
import type { AuditContext, AuditTarget, HttpResult, TlsHandshakeResult } from "../../types";
import { follow, type Followed, type HttpResponse } from "./follow";

export type Presence = { readonly kind: "present" } | { readonly kind: "absent" } | { readonly kind: "error"; readonly reason: string };

export interface WebSnapshot {
  readonly apex: string;
  readonly www: string;
  /** Where users should land: the stack's canonical host, else the apex. */
  readonly canonical: string;
  readonly wwwDns: Presence;
  readonly httpApex: Followed;
  /** Undefined when www has no address. */
  readonly httpWww: Followed | undefined;
  readonly httpsApex: Followed;
  readonly httpsWww: Followed | undefined;
  /** The chain that ends on the page the header, cookie and content checks read (https://canonical/). */
  readonly pageChain: Followed;
  readonly tlsApex: TlsHandshakeResult;
  readonly tlsWww: TlsHandshakeResult | undefined;
  /** Fetch (once per run) any other URL, e.g. an endpoint. */
  fetchOnce(url: string): Promise<HttpResult>;
}

/** The HTTPS page the content checks read: the chain's final answer if it is HTTPS, else its last HTTPS response. */
export function httpsPage(s: WebSnapshot): HttpResponse | undefined {
  const https = s.pageChain.responses.filter((r) => r.url.startsWith("https:"));
  return https.at(-1);
}

/** Whether a name has an address (A, else AAAA), tri-state: a lookup error is never "absent". */
export async function presence(ctx: AuditContext, name: string): Promise<Presence> {
  const a = await ctx.dns.query(name, "A");
  if (a.kind === "answer") return { kind: "present" };
  if (a.kind === "error") return { kind: "error", reason: `A ${name}: ${a.reason}` };
  const aaaa = await ctx.dns.query(name, "AAAA");
  if (aaaa.kind === "answer") return { kind: "present" };
  if (aaaa.kind === "error") return { kind: "error", reason: `AAAA ${name}: ${aaaa.reason}` };
  return { kind: "absent" };
}

/** The stack's canonical host in A-labels (it may be written in U-labels), else the apex. */
export function canonicalHostOf(target: AuditTarget, ctx: AuditContext): string {
  const declared = ctx.expected?.canonicalHost;
  if (declared === undefined) return target.name;
  return domainToASCII(declared.replace(/\.$/, "")) || declared.toLowerCase();
}

async function build(target: AuditTarget, ctx: AuditContext): Promise<WebSnapshot> {
  const apex = target.name;
  const www = `www.${apex}`;
  const canonical = canonicalHostOf(target, ctx);
  const fetches = new Map<string, Promise<HttpResult>>();
  const fetchOnce = (url: string): Promise<HttpResult> => {
    let p = fetches.get(url);
    if (!p) {
      p = ctx.http.request({ url });
      fetches.set(url, p);
    }
    return p;
  };
  const wwwDns = await presence(ctx, www);
  const hasWww = wwwDns.kind === "present";
  const [httpApex, httpWww, httpsApex, httpsWww, pageChain, tlsApex, tlsWww] = await Promise.all([
    follow(fetchOnce, `http://${apex}/`),
    hasWww ? follow(fetchOnce, `http://${www}/`) : Promise.resolve(undefined),
    follow(fetchOnce, `https://${apex}/`),
    hasWww ? follow(fetchOnce, `https://${www}/`) : Promise.resolve(undefined),
    follow(fetchOnce, `https://${canonical}/`),
    ctx.tls.handshake(apex, 443),
    hasWww ? ctx.tls.handshake(www, 443) : Promise.resolve(undefined),
  ]);
  return { apex, www, canonical, wwwDns, httpApex, httpWww, httpsApex, httpsWww, pageChain, tlsApex, tlsWww, fetchOnce };
}

const memo = new WeakMap<AuditContext, Map<string, Promise<WebSnapshot>>>();

export function webSnapshot(target: AuditTarget, ctx: AuditContext): Promise<WebSnapshot> {
  let perCtx = memo.get(ctx);
  if (!perCtx) {
    perCtx = new Map();
    memo.set(ctx, perCtx);
  }
  let p = perCtx.get(target.name);
  if (!p) {
    p = build(target, ctx);
    perCtx.set(target.name, p);
  }
  return p;
}
