import { normalizeName } from "../lookup";

/**
 * Whether an MX host matches a policy `mx` pattern (RFC 8461 §4.1): exact, case-insensitive, or `*.` plus a
 * suffix where the wildcard stands for exactly one leftmost label (`*.example.com` covers `mx1.example.com`,
 * not `a.b.example.com` nor `example.com`).
 */
export function mxMatchesPattern(host: string, pattern: string): boolean {
  const h = normalizeName(host);
  const p = normalizeName(pattern);
  if (!p.startsWith("*.")) return h === p;
  const dot = h.indexOf(".");
  if (dot <= 0) return false;
  return h.slice(dot + 1) === p.slice(2);
}

export interface MxCoverage {
  readonly covered: readonly { readonly host: string; readonly pattern: string }[];
  readonly uncovered: readonly string[];
}

export function mxCoverage(hosts: readonly string[], patterns: readonly string[]): MxCoverage {
  const covered: { host: string; pattern: string }[] = [];
  const uncovered: string[] = [];
  for (const host of hosts) {
    const pattern = patterns.find((p) => mxMatchesPattern(host, p));
    if (pattern === undefined) uncovered.push(normalizeName(host));
    else covered.push({ host: normalizeName(host), pattern });
  }
  return { covered, uncovered };
}
