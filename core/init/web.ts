/**
 * The `web` section from the apex and www as seen: the origin from their DNS (only a value actually observed), the
 * canonical host from where https:// on each ends up. A host answering from Cloudflare's edge hides its origin:
 * then the origin is not guessed. Without one given (`--origin`), the web section is left out and said so.
 */
import { at, type ConfigPath, type Inferred, type ValueComment } from "./annotated";
import { isCloudflareEdge } from "./cloudflare-edge";
import type { DomainObservations, SeenHost } from "./observed";

export type OriginSeen =
  | { readonly kind: "origin"; readonly value: string; readonly seen: string; readonly others: readonly string[] }
  | { readonly kind: "hidden"; readonly seen: string }
  | { readonly kind: "none" };

/** The origin one host shows: its CNAME target (outside the domain), else its addresses, unless they are Cloudflare's. */
export function originOf(h: SeenHost, domain: string): OriginSeen {
  if (h.cname.kind === "found") {
    const target = (h.cname.records[0] ?? "").replace(/\.$/, "").toLowerCase();
    if (target !== "" && target !== domain && !target.endsWith(`.${domain}`)) return { kind: "origin", value: target, seen: `seen: ${h.name} CNAME ${target}`, others: [] };
  }
  const addrs = [...(h.a.kind === "found" ? h.a.records : []), ...(h.aaaa.kind === "found" ? h.aaaa.records : [])];
  if (addrs.length === 0) return { kind: "none" };
  const edge = addrs.filter(isCloudflareEdge);
  if (edge.length > 0) return { kind: "hidden", seen: `${h.name} resolves to ${edge.join(", ")}, Cloudflare's edge` };
  const [first = "", ...others] = addrs;
  return { kind: "origin", value: first, seen: `seen: ${h.name} ${h.a.kind === "found" && h.a.records.includes(first) ? "A" : "AAAA"} ${first}`, others };
}

function hostOfUrl(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

export interface WebOptions {
  /** `--origin`: the origin the user gives when it cannot be seen. */
  readonly origin?: string;
}

export function inferWeb(obs: DomainObservations, domainPath: ConfigPath, opts: WebOptions = {}): Inferred<Record<string, unknown> | undefined> {
  const comments: ValueComment[] = [];
  const notes: string[] = [];
  const d = obs.domain;
  const webPath = at(domainPath, "web");
  const serves = (h: SeenHost) => h.https.kind === "answered";
  const hasAddress = (h: SeenHost) => h.cname.kind === "found" || h.a.kind === "found" || h.aaaa.kind === "found";
  if (!hasAddress(obs.apex) && !hasAddress(obs.www)) {
    notes.push(`neither ${d} nor www.${d} has an address: no web section (add one when the site exists)`);
    return { value: undefined, comments, notes };
  }
  const web: Record<string, unknown> = {};
  // Origin: the apex's, else www's; given by the user when hidden.
  const apexOrigin = originOf(obs.apex, d);
  const wwwOrigin = originOf(obs.www, d);
  const seen = apexOrigin.kind === "origin" ? apexOrigin : wwwOrigin.kind === "origin" ? wwwOrigin : undefined;
  const hidden = [apexOrigin, wwwOrigin].find((o) => o.kind === "hidden");
  if (opts.origin !== undefined) {
    web["origin"] = opts.origin;
    comments.push({ path: at(webPath, "origin"), text: `given: --origin ${opts.origin}${hidden?.kind === "hidden" ? ` (${hidden.seen}: the real origin is hidden)` : seen ? ` (live: ${seen.seen.replace(/^seen: /, "")})` : ""}` });
  } else if (seen !== undefined && hidden === undefined) {
    web["origin"] = seen.value;
    comments.push({ path: at(webPath, "origin"), text: seen.seen });
    if (seen.others.length > 0) notes.push(`${seen.seen.replace(/^seen: /, "")} and also ${seen.others.join(", ")}: the stack takes one origin, so ${seen.value} was kept; put a load balancer in front if all are needed`);
    const other = seen === apexOrigin ? wwwOrigin : apexOrigin;
    if (other.kind === "origin" && other.value !== seen.value) notes.push(`www.${d} and ${d} point at different origins (${apexOrigin.kind === "origin" ? apexOrigin.value : "?"} / ${wwwOrigin.kind === "origin" ? wwwOrigin.value : "?"}); the stack serves both from ${seen.value}, the alias redirecting`);
  } else {
    const why = hidden?.kind === "hidden" ? `${hidden.seen}: the real origin is hidden behind the proxy and cannot be seen from outside` : `no origin could be seen`;
    notes.push(`${why}. The web section is left out (no origin is guessed): run init again with --origin <host or IP> (the origin Cloudflare forwards to), or write web.origin yourself`);
    return { value: undefined, comments: [], notes };
  }
  // Canonical host: where https:// on the apex and on www end up.
  const apexEnd = obs.apex.https.kind === "answered" ? hostOfUrl(obs.apex.https.finalUrl) : undefined;
  const wwwEnd = obs.www.https.kind === "answered" ? hostOfUrl(obs.www.https.finalUrl) : undefined;
  const www = `www.${d}`;
  let canonical = d;
  let why: string;
  if (apexEnd === www && wwwEnd !== d) {
    canonical = www;
    why = `seen: https://${d}/ redirects to ${www}`;
  } else if (wwwEnd === d) why = `seen: https://${www}/ redirects to ${d}`;
  else if (serves(obs.apex) && apexEnd === d) why = `seen: https://${d}/ serves the site${wwwEnd === www ? ` (so does ${www}: it becomes a redirect, fixes web.redirect_hops)` : ""}`;
  else if (wwwEnd === www) {
    canonical = www;
    why = `seen: https://${www}/ serves the site${obs.apex.https.kind === "failed" ? ` (https://${d}/ failed: ${obs.apex.https.reason})` : ""}`;
  } else why = `neither host answered over HTTPS as itself (${[obs.apex, obs.www].map((h) => `${h.name}: ${h.https.kind === "failed" ? h.https.reason : h.https.kind === "answered" ? h.https.finalUrl : h.https.reason}`).join("; ")}); the apex, the default (fixes web.https)`;
  web["canonicalHost"] = canonical;
  comments.push({ path: at(webPath, "canonicalHost"), text: why });
  const alias = canonical === d ? www : d;
  const aliasHost = canonical === d ? obs.www : obs.apex;
  if (hasAddress(aliasHost) || canonical === www) {
    web["aliases"] = [alias];
    comments.push({ path: at(webPath, "aliases"), text: `${hasAddress(aliasHost) ? `seen: ${alias} resolves` : `${alias} has no address`}; redirects to ${canonical} in one 301 (fixes web.redirect_hops, web.redirect_first_hop)` });
  } else {
    web["aliases"] = [];
    comments.push({ path: at(webPath, "aliases"), text: `${alias} has no address: no alias` });
  }
  web["ssl"] = "strict";
  comments.push({ path: at(webPath, "ssl"), text: "Cloudflare validates the origin's certificate (tls.ssl_strict)" });
  web["hsts"] = { maxAgeSeconds: 31536000, includeSubdomains: true, preload: false };
  comments.push({ path: at(webPath, "hsts"), text: "fixes hsts.present, hsts.max_age, hsts.include_subdomains: one year; every subdomain must serve HTTPS" });
  const caa = inferCaa(obs, at(webPath, "caa"));
  web["caa"] = caa.value;
  comments.push(...caa.comments);
  notes.push(...caa.notes);
  return { value: web, comments, notes };
}

/** CAA issuers in use (beyond those the stack always allows), and the iodef in use. */
function inferCaa(obs: DomainObservations, caaPath: ConfigPath): Inferred<Record<string, unknown>> {
  const comments: ValueComment[] = [];
  const notes: string[] = [];
  const records = obs.caa.kind === "found" ? obs.caa.records : [];
  const automatic = new Set(["letsencrypt.org", "pki.goog", "ssl.com", "sectigo.com", "amazon.com", "amazontrust.com", "awstrust.com", "amazonaws.com"]);
  const issuers = [
    ...new Set(
      records
        .filter((r) => r.tag === "issue" || r.tag === "issuewild")
        .map((r) => (r.value.split(";")[0] ?? "").trim().toLowerCase())
        .filter((v) => v !== "" && !automatic.has(v) && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(v)),
    ),
  ];
  const caa: Record<string, unknown> = {};
  if (issuers.length > 0) {
    caa["issuers"] = issuers;
    comments.push({ path: at(caaPath, "issuers"), text: `seen: CAA issue ${issuers.join(", ")} (kept; Cloudflare's edge CAs are always allowed)` });
  }
  const iodef = records.find((r) => r.tag === "iodef" && /^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/.test(r.value));
  if (iodef !== undefined) {
    caa["iodef"] = iodef.value;
    comments.push({ path: at(caaPath, "iodef"), text: `seen: CAA iodef ${iodef.value} (kept)` });
  }
  comments.push({ path: caaPath, text: records.length === 0 ? "no CAA seen: the stack publishes one allowing the CAs in use (fixes caa.present)" : "the CAs the stack allows: Cloudflare's edge CAs, ACM's for an AWS origin, and these" });
  return { value: caa, comments, notes };
}
