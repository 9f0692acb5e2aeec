/**
 * What a browser would see: follows a URL through the planned edge (each zone's proxied hosts, its Always Use
 * HTTPS setting and its redirect rules) hop by hop. The policy rules run this over the planned resources, so they
 * prove the redirects from what would be applied, not from what the planner meant.
 *
 * Every expression is first checked against Cloudflare's Rules language (`rules-language.ts`): one the API would
 * reject (an unknown field such as `http.request.scheme`) is unreadable, so no chain is ever proven from a rule that
 * could not exist. Then rules are read in a small subset: `http.host eq "…"`, `http.host in {…}`,
 * `http.request.uri.path eq "…"`, `[not] starts_with(http.request.uri.path, "…")`, `ssl`, `not ssl`, joined by
 * `and`, optionally parenthesised; targets are a fixed URL or `concat(…)` of string literals, `http.host` and
 * `http.request.uri.path`. Anything else is reported as unreadable, never guessed.
 *
 * Cloudflare documents the order of its Ruleset phases but not where the Always Use HTTPS setting answers relative to
 * the redirect phase (see `redirects.ts`), so every check follows chains under both orders (`EDGE_ORDERS`).
 */
import { checkFilterExpression, checkValueExpression } from "./rules-language";

export interface SimRule {
  readonly ref: string;
  readonly expression: string;
  readonly targetValue?: string;
  readonly targetExpression?: string;
  readonly preserveQueryString: boolean;
  readonly statusCode: number;
}

export interface SimZone {
  readonly name: string;
  /** Proxied hosts: requests to them reach the edge. */
  readonly hosts: readonly string[];
  readonly alwaysUseHttps: boolean;
  readonly rules: readonly SimRule[];
}

/**
 * Which answers a plain-http request first when Always Use HTTPS is on: the redirect phase or the setting. Neither is
 * documented, so the planner is proven, and the plan rules judge, under both; with Always Use HTTPS off they agree.
 */
export type EdgeOrder = "redirects-first" | "always-https-first";
export const EDGE_ORDERS: readonly EdgeOrder[] = ["redirects-first", "always-https-first"];

/** For messages: what the order means. */
export function describeOrder(order: EdgeOrder): string {
  return order === "always-https-first" ? "if Always Use HTTPS answers before the redirect rules" : "if the redirect rules answer before Always Use HTTPS";
}

export interface Hop {
  readonly from: string;
  readonly to: string;
  readonly status: number;
  /** `rule <ref>` or `always_use_https`. */
  readonly by: string;
}

export type ChainEnd =
  | { readonly kind: "final"; readonly url: string; readonly atEdge: boolean }
  | { readonly kind: "loop"; readonly url: string }
  | { readonly kind: "too-many"; readonly limit: number }
  | { readonly kind: "unreadable"; readonly ref: string; readonly reason: string };

export interface Chain {
  readonly start: string;
  readonly hops: readonly Hop[];
  readonly end: ChainEnd;
}

type Atom =
  | { kind: "host-in"; hosts: Set<string> }
  | { kind: "path-eq"; path: string }
  | { kind: "path-prefix"; prefix: string; negate: boolean }
  | { kind: "ssl"; negate: boolean };

export type ParsedRule =
  | { readonly ok: true; readonly atoms: readonly Atom[]; readonly target: (url: URL) => string }
  | { readonly ok: false; readonly reason: string };

const STRING = String.raw`"((?:[^"\\]|\\.)*)"`;
const unescape = (s: string): string => s.replace(/\\(.)/g, "$1");

export function parseRule(rule: SimRule): ParsedRule {
  const language = checkFilterExpression(rule.expression);
  if (!language.ok) return { ok: false, reason: `Cloudflare would reject the expression \`${rule.expression}\`: ${language.problems.join("; ")}` };
  if (rule.targetExpression !== undefined && rule.targetValue === undefined) {
    const target = checkValueExpression(rule.targetExpression);
    if (!target.ok) return { ok: false, reason: `Cloudflare would reject the target \`${rule.targetExpression}\`: ${target.problems.join("; ")}` };
  }
  const atoms: Atom[] = [];
  let expr = rule.expression.trim();
  while (expr.startsWith("(") && matchingParen(expr) === expr.length - 1) expr = expr.slice(1, -1).trim();
  for (const rawPart of splitAnd(expr)) {
    let part = rawPart.trim();
    while (part.startsWith("(") && part.endsWith(")")) part = part.slice(1, -1).trim();
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^http\\.host\\s+(?:eq|==)\\s+${STRING}$`).exec(part))) {
      atoms.push({ kind: "host-in", hosts: new Set([unescape(m[1] ?? "").toLowerCase()]) });
    } else if ((m = /^http\.host\s+in\s+\{([^}]*)\}$/.exec(part))) {
      const hosts = [...(m[1] ?? "").matchAll(new RegExp(STRING, "g"))].map((x) => unescape(x[1] ?? "").toLowerCase());
      atoms.push({ kind: "host-in", hosts: new Set(hosts) });
    } else if ((m = new RegExp(`^http\\.request\\.uri\\.path\\s+(?:eq|==)\\s+${STRING}$`).exec(part))) {
      atoms.push({ kind: "path-eq", path: unescape(m[1] ?? "") });
    } else if ((m = new RegExp(`^(not\\s+)?starts_with\\(\\s*http\\.request\\.uri\\.path\\s*,\\s*${STRING}\\s*\\)$`).exec(part))) {
      atoms.push({ kind: "path-prefix", prefix: unescape(m[2] ?? ""), negate: m[1] !== undefined });
    } else if (part === "ssl") {
      atoms.push({ kind: "ssl", negate: false });
    } else if (part === "not ssl") {
      atoms.push({ kind: "ssl", negate: true });
    } else {
      return { ok: false, reason: `the expression part \`${part}\` is outside what the checker can read` };
    }
  }
  if (rule.targetValue !== undefined) {
    const fixed = rule.targetValue;
    return { ok: true, atoms, target: () => fixed };
  }
  const target = parseConcat((rule.targetExpression ?? "").trim());
  if (target === undefined) return { ok: false, reason: `the target \`${rule.targetExpression ?? "(none)"}\` is outside what the checker can read` };
  return { ok: true, atoms, target };
}

/** `concat(a, b, …)` where each part is a string literal, `http.host` or `http.request.uri.path`. */
function parseConcat(expr: string): ((url: URL) => string) | undefined {
  const m = /^concat\(([\s\S]*)\)$/.exec(expr);
  if (!m) return undefined;
  const parts: ((url: URL) => string)[] = [];
  for (const raw of splitTop(m[1] ?? "", ",")) {
    const arg = raw.trim();
    const lit = new RegExp(`^${STRING}$`).exec(arg);
    if (lit) {
      const text = unescape(lit[1] ?? "");
      parts.push(() => text);
    } else if (arg === "http.host") parts.push((u) => u.hostname);
    else if (arg === "http.request.uri.path") parts.push((u) => u.pathname);
    else return undefined;
  }
  if (parts.length === 0) return undefined;
  return (url) => parts.map((p) => p(url)).join("");
}

/** Splits on a one-character separator outside string literals and brackets. */
function splitTop(expr: string, sep: string): string[] {
  return splitOutside(expr, (e, i) => (e[i] === sep ? 1 : 0));
}

/** Splits a conjunction (`and` or `&&`) outside string literals and brackets. */
function splitAnd(expr: string): string[] {
  return splitOutside(expr, (e, i) => (e.startsWith(" and ", i) ? 5 : e.startsWith(" && ", i) ? 4 : 0));
}

/**
 * Splits `expr` wherever `separatorAt` finds a separator (returning its length) at bracket depth 0 and outside
 * string literals (with `\\` escapes, as the Rules language writes them).
 */
function splitOutside(expr: string, separatorAt: (expr: string, i: number) => number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let cur = "";
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i]!;
    if (inString) {
      cur += c;
      if (c === "\\") cur += expr[++i] ?? "";
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === "(" || c === "{") depth++;
    if (c === ")" || c === "}") depth--;
    const sepLength = depth === 0 ? separatorAt(expr, i) : 0;
    if (sepLength > 0) {
      parts.push(cur);
      cur = "";
      i += sepLength - 1;
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts;
}

function matchingParen(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "(") depth++;
    if (s[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

function matches(atoms: readonly Atom[], url: URL): boolean {
  return atoms.every((a) => {
    switch (a.kind) {
      case "host-in":
        return a.hosts.has(url.hostname);
      case "path-eq":
        return url.pathname === a.path;
      case "path-prefix":
        return url.pathname.startsWith(a.prefix) !== a.negate;
      case "ssl":
        return (url.protocol === "https:") !== a.negate;
    }
  });
}

export const MAX_HOPS = 10;

/** A rule's reading, once per rule object (rules are read-only values; a plan asks for the same rule many times). */
const parsedRules = new WeakMap<SimRule, ParsedRule>();

function parsedRule(rule: SimRule): ParsedRule {
  let p = parsedRules.get(rule);
  if (p === undefined) {
    p = parseRule(rule);
    parsedRules.set(rule, p);
  }
  return p;
}

/** Host → the first zone that proxies it, once per zones array: a hop's lookup stays constant, not one pass per zone. */
const zoneIndexes = new WeakMap<readonly SimZone[], { readonly length: number; readonly byHost: ReadonlyMap<string, SimZone> }>();

function zoneOf(zones: readonly SimZone[], host: string): SimZone | undefined {
  let index = zoneIndexes.get(zones);
  // Rebuilt if the array grew since (its owner may still be adding zones).
  if (index === undefined || index.length !== zones.length) {
    const byHost = new Map<string, SimZone>();
    for (const z of zones) for (const h of z.hosts) if (!byHost.has(h)) byHost.set(h, z);
    index = { length: zones.length, byHost };
    zoneIndexes.set(zones, index);
  }
  return index.byHost.get(host);
}

/** Follows `start` through the zones until a response that is not a redirect, a loop, or the hop limit. */
export function followChain(zones: readonly SimZone[], start: string, order: EdgeOrder = "redirects-first"): Chain {
  const hops: Hop[] = [];
  const seen = new Set<string>();
  let current = start;
  for (let i = 0; i <= MAX_HOPS; i++) {
    if (seen.has(current)) return { start, hops, end: { kind: "loop", url: current } };
    seen.add(current);
    const url = new URL(current);
    const zone = zoneOf(zones, url.hostname);
    if (zone === undefined) return { start, hops, end: { kind: "final", url: current, atEdge: false } };
    const httpsUpgrade = (): Hop | undefined =>
      zone.alwaysUseHttps && url.protocol === "http:" ? { from: current, to: `https://${current.slice("http://".length)}`, status: 301, by: "always_use_https" } : undefined;
    let hop: Hop | undefined = order === "always-https-first" ? httpsUpgrade() : undefined;
    if (hop === undefined) {
      for (const rule of zone.rules) {
        const p = parsedRule(rule);
        if (!p.ok) return { start, hops, end: { kind: "unreadable", ref: rule.ref, reason: p.reason } };
        if (!matches(p.atoms, url)) continue;
        let to = p.target(url);
        if (rule.preserveQueryString && url.search !== "") to += url.search;
        hop = { from: current, to, status: rule.statusCode, by: `rule ${rule.ref}` };
        break;
      }
    }
    hop ??= order === "redirects-first" ? httpsUpgrade() : undefined;
    if (hop === undefined) return { start, hops, end: { kind: "final", url: current, atEdge: true } };
    hops.push(hop);
    current = hop.to;
  }
  return { start, hops, end: { kind: "too-many", limit: MAX_HOPS } };
}

/** True when the hop goes from https to plain http. */
export function isDowngrade(h: Hop): boolean {
  return h.from.startsWith("https:") && h.to.startsWith("http:");
}
