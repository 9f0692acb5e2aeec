/**
 * The single-redirect planner: the rules of a zone's `http_request_dynamic_redirect` entrypoint that send every
 * alias host (http or https) and every legacy path to the canonical `https://` URL in one 301, keeping the path and
 * the query, and then a catch-all rule that sends any remaining plain-http request on the zone to `https://` on the
 * same host, path and query.
 *
 * Why the ruleset does the HTTPS upgrade itself (and the stack sets Always Use HTTPS `off`): Cloudflare's phase list
 * (https://developers.cloudflare.com/ruleset-engine/reference/phases-list/) orders the Ruleset phases, with
 * `http_request_dynamic_redirect` (Single Redirects) second after URL normalization, but Always Use HTTPS is a zone
 * setting, not a Ruleset phase, and no page we found places it relative to the redirect phase; a Cloudflare community
 * answer (https://community.cloudflare.com/t/difference-between-rules-when-to-use-what-for-redirect/581453) says it
 * answers first, which would make `http://www.` take two hops (http://www → https://www → https://apex). With the
 * upgrade inside the one ruleset, every request gets at most one redirect from one place, whatever that order.
 *
 * What Cloudflare's references force on the expressions (checked by `rules-language.ts`):
 * - the scheme is the Boolean field `ssl`; there is no `http.request.scheme` (fields reference), and Cloudflare's own
 *   single-redirect examples match plain http with `not ssl`;
 * - Always Use HTTPS is zone-wide, so its replacement is too: the catch-all names no host, and upgrades every host
 *   that reaches the zone's edge (dashboard-made hosts, Workers and Pages custom domains, SaaS custom hostnames);
 * - Cloudflare's DCV troubleshooting page says redirect rules must leave `/.well-known/*` alone (HTTP domain control
 *   validation and ACME challenges fetch it over plain http, on the host itself), so every rule excludes it;
 * - a dynamic target is an expression and `preserve_query_string` keeps the query
 *   (https://developers.cloudflare.com/rules/url-forwarding/single-redirects/settings/). Targets use only `concat`,
 *   `http.host` and `http.request.uri.path`: no `wildcard_replace` or `regex_replace`, whose per-plan availability
 *   we could not confirm.
 * Pure: the component writes these rules; the policy rules re-derive what a browser would see (`redirect-sim.ts`).
 */
/** One rule of the redirect entrypoint, in the shape `cloudflare.Ruleset` takes it. */
export interface RedirectRulePlan {
  /** Stable id of the rule: without it, removing one rule recreates the others (DESIGN). */
  readonly ref: string;
  readonly description: string;
  /** Rules-language filter; the subset `redirect-sim.ts` reads. */
  readonly expression: string;
  /** Either a fixed URL or an expression building one from the request path. */
  readonly target: { readonly value: string } | { readonly expression: string };
  readonly preserveQueryString: boolean;
  readonly statusCode: 301;
}

export interface LegacyPath {
  /** Exact request path, e.g. `/pricing.html`. */
  readonly from: string;
  /** Absolute URL it moved to, e.g. `https://acme.example/pricing`. */
  readonly to: string;
}

export interface RedirectPlanInput {
  /** Hosts of this zone that redirect as a whole (aliases, or every host of a redirect-only domain). */
  readonly aliases: readonly string[];
  /** Where aliases go: scheme and host, no path, e.g. `https://acme.example`. */
  readonly target: string;
  /** Hosts of this zone that serve the site (the canonical host), where legacy paths also apply. */
  readonly served: readonly string[];
  readonly legacyPaths: readonly LegacyPath[];
  /**
   * The proxied web hosts of this zone. Non-empty: the zone serves web traffic, so the ruleset ends with the
   * catch-all http → https rule, which (like the Always Use HTTPS setting it replaces) names no host and upgrades
   * every host of the zone, these and any made outside the stack. Empty: no catch-all.
   */
  readonly proxied: readonly string[];
}

export const REDIRECT_PHASE = "http_request_dynamic_redirect";

/** Ref of the catch-all http → https rule; `tls.always_https` and the component tests look for it. */
export const HTTPS_UPGRADE_REF = "http-to-https";

/** Every rule carries this: ACME and Cloudflare's HTTP DCV fetch `/.well-known/…` over plain http on the host itself. */
export const WELL_KNOWN_PREFIX = "/.well-known/";
export const LEAVE_WELL_KNOWN = `not starts_with(http.request.uri.path, "${WELL_KNOWN_PREFIX}")`;

/** The Rules-language string literal (backslash and double quote escaped). */
export function ruleString(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function hostSet(hosts: readonly string[]): string {
  return `{${hosts.map(ruleString).join(" ")}}`;
}

/**
 * Legacy paths first (the phase stops at the first matching redirect), then one rule per alias, then the catch-all
 * http → https rule. Alias and legacy-path rules carry no scheme condition, so http and https alike reach the
 * canonical https URL in their one hop; the catch-all only sees what they left, i.e. hosts that serve themselves.
 * No rule matches a `/.well-known/` path.
 */
export function planRedirectRules(input: RedirectPlanInput): RedirectRulePlan[] {
  const rules: RedirectRulePlan[] = [];
  const used = new Map<string, number>();
  const unique = (ref: string): string => {
    const n = (used.get(ref) ?? 0) + 1;
    used.set(ref, n);
    return n === 1 ? ref : `${ref}-${n}`;
  };
  const everyHost = [...input.served, ...input.aliases];
  input.legacyPaths.forEach((p) => {
    rules.push({
      ref: unique(`legacy-path-${slug(p.from)}`),
      description: `${p.from} moved to ${p.to}`,
      expression: `http.host in ${hostSet(everyHost)} and http.request.uri.path eq ${ruleString(p.from)} and ${LEAVE_WELL_KNOWN}`,
      target: { value: p.to },
      preserveQueryString: true,
      statusCode: 301,
    });
  });
  for (const alias of input.aliases) {
    rules.push({
      ref: unique(`alias-${slug(alias)}`),
      description: `${alias} → ${input.target} (path and query kept)`,
      expression: `http.host eq ${ruleString(alias)} and ${LEAVE_WELL_KNOWN}`,
      target: { expression: `concat(${ruleString(input.target)}, http.request.uri.path)` },
      preserveQueryString: true,
      statusCode: 301,
    });
  }
  // Last: the phase stops at the first matching redirect, so aliases and legacy paths answer http too, in one hop.
  if (input.proxied.length > 0) rules.push(httpsUpgradeRule());
  return rules;
}

/**
 * The catch-all: any plain-http request on any host of the zone → https on the same host, path and query. The
 * planner never passes `hosts`: Always Use HTTPS had no host list, so neither has its replacement. With `hosts` the
 * rule is limited to them, for callers (tests, the plan rules' fixtures) that model a partial catch-all.
 */
export function httpsUpgradeRule(hosts?: readonly string[]): RedirectRulePlan {
  return {
    ref: HTTPS_UPGRADE_REF,
    description: "Any remaining http:// request → https:// on the same host (path and query kept); replaces Always Use HTTPS",
    expression: hosts === undefined ? `not ssl and ${LEAVE_WELL_KNOWN}` : `not ssl and http.host in ${hostSet(hosts)} and ${LEAVE_WELL_KNOWN}`,
    target: { expression: 'concat("https://", http.host, http.request.uri.path)' },
    preserveQueryString: true,
    statusCode: 301,
  };
}

function slug(s: string): string {
  const out = s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return out === "" ? "root" : out;
}
