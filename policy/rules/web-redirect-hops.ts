import { parseRule } from "../../core/edge/redirect-sim";
import { failWith, notApplicable, pass, type PlanRule, type Violation } from "../rule";
import { ALWAYS_USE_HTTPS, describeChain, edgeChains, PROBE_PATH, urnFor } from "./support/redirects";

const PROBE = new URL(`https://x${PROBE_PATH}`);

/**
 * Every proxied host, over http and https, reaches an https page in at most one redirect, with no loop; a host
 * that redirects elsewhere keeps the path and query (legacy-path rules move the path on purpose, the query stays).
 * The chains are re-derived from the planned Ruleset and zone settings, not taken from the planner, under both
 * orders of Always Use HTTPS and the redirect phase: a plan that is one hop in only one order fails.
 */
export const webRedirectHops: PlanRule = {
  id: "web.redirect_hops",
  evaluate(resources) {
    const { zones, sim, chains } = edgeChains(resources);
    if (chains.length === 0) return notApplicable("The stack serves no web host through Cloudflare.");
    const violations: Violation[] = [];
    // Single redirects only run for proxied hostnames: a rule for any other host never fires (DESIGN).
    sim.forEach((z, i) => {
      for (const rule of z.rules) {
        const parsed = parseRule(rule);
        if (!parsed.ok) continue;
        for (const atom of parsed.atoms) {
          if (atom.kind !== "host-in") continue;
          const dark = [...atom.hosts].filter((h) => !z.hosts.includes(h));
          const urn = zones[i]?.rulesets[0]?.urn;
          if (dark.length > 0) {
            violations.push({ ...(urn !== undefined ? { urn } : {}), message: `Redirect rule \`${rule.ref}\` matches ${dark.join(", ")}, which ${dark.length === 1 ? "is" : "are"} not a proxied host of ${z.name}, so it never runs there. List the host under \`web.aliases\` (the toolkit proxies it).` });
          }
        }
      }
    });
    for (const c of chains) {
      const urn = urnFor(zones, c.start);
      const at = urn !== undefined ? { urn } : {};
      switch (c.end.kind) {
        case "unreadable":
          violations.push({ ...at, message: `Cannot verify redirect rule \`${c.end.ref}\`: ${c.end.reason}. Use the rules the toolkit plans from \`web.aliases\`/\`web.legacyPaths\`, or express it as host/path equality.` });
          continue;
        case "loop":
          violations.push({ ...at, message: `${describeChain(c)} loops back to ${c.end.url}: the site would be unreachable there. Make every alias redirect to the canonical host, and the canonical host redirect nowhere.` });
          continue;
        case "too-many":
          violations.push({ ...at, message: `${describeChain(c)} does not settle within ${c.end.limit} redirects. Point every alias straight at the canonical https URL.` });
          continue;
        case "final":
          break;
      }
      const final = new URL(c.end.url);
      if (c.hops.length > 1 && c.hops.some((h) => h.by === ALWAYS_USE_HTTPS)) {
        violations.push({ ...at, message: `${describeChain(c)} takes ${c.hops.length} hops. Set \`always_use_https\` off and keep the redirect ruleset's catch-all rule \`http-to-https\` (the toolkit plans both): the ruleset then upgrades http and redirects aliases in one hop, whatever the order.` });
      } else if (c.hops.length > 1) {
        violations.push({ ...at, message: `${describeChain(c)} takes ${c.hops.length} hops: point ${new URL(c.start).hostname}'s redirect straight at ${final.protocol}//${final.host} so it lands in one.` });
      } else if (final.protocol !== "https:") {
        violations.push({ ...at, message: `${describeChain(c)} ends on plain http. Keep the redirect ruleset's catch-all rule \`http-to-https\` (or turn on Always Use HTTPS) and redirect to https:// URLs.` });
      }
      const start = new URL(c.start);
      if (c.hops.length > 0 && final.search !== start.search) {
        violations.push({ ...at, message: `${describeChain(c)} drops or changes the query string. Set \`preserveQueryString: true\` on the redirect.` });
      } else if (c.hops.length > 0 && start.pathname === PROBE.pathname && final.pathname !== start.pathname) {
        violations.push({ ...at, message: `${describeChain(c)} loses the path. Build the target as concat("https://<canonical>", http.request.uri.path).` });
      }
    }
    if (violations.length > 0) return failWith(dedupe(violations));
    return pass(`${new Set(chains.map((c) => c.start)).size} start URL(s) (every proxied host, http and https, probe and legacy paths) reach https in at most one hop, whichever of Always Use HTTPS and the redirect rules answers first.`);
  },
};

function dedupe(vs: readonly Violation[]): Violation[] {
  const seen = new Set<string>();
  return vs.filter((v) => (seen.has(v.message) ? false : (seen.add(v.message), true)));
}
