/**
 * The single-redirect planner: the rules of a zone's `http_request_dynamic_redirect` entrypoint that send every
 * alias host (http or https) and every legacy path to the canonical `https://` URL in one 301, keeping the path and
 * the query. Rules carry no scheme condition and an absolute https target, so `http://www.` lands on
 * `https://<canonical>` in one hop when the redirect phase answers before Always Use HTTPS, and still ends there,
 * with no loop and no downgrade, if Always Use HTTPS answered first (two hops then: a Cloudflare community answer,
 * https://community.cloudflare.com/t/difference-between-rules-when-to-use-what-for-redirect/581453, reports that
 * order; the live `web.redirect_hops` audit shows which one the edge really uses). `redirect-sim.ts` models both.
 * Pure: the component writes these rules; the policy rules re-derive what a browser would see.
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
}

export const REDIRECT_PHASE = "http_request_dynamic_redirect";

/** The Rules-language string literal (backslash and double quote escaped). */
export function ruleString(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function hostSet(hosts: readonly string[]): string {
  return `{${hosts.map(ruleString).join(" ")}}`;
}

/** Legacy paths first (the phase stops at the first matching redirect), then one rule per alias. */
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
      expression: `http.host in ${hostSet(everyHost)} and http.request.uri.path eq ${ruleString(p.from)}`,
      target: { value: p.to },
      preserveQueryString: true,
      statusCode: 301,
    });
  });
  for (const alias of input.aliases) {
    rules.push({
      ref: unique(`alias-${slug(alias)}`),
      description: `${alias} → ${input.target} (path and query kept)`,
      expression: `http.host eq ${ruleString(alias)}`,
      target: { expression: `concat(${ruleString(input.target)}, http.request.uri.path)` },
      preserveQueryString: true,
      statusCode: 301,
    });
  }
  return rules;
}

function slug(s: string): string {
  const out = s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return out === "" ? "root" : out;
}
