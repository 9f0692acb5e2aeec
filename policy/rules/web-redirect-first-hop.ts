import { failWith, notApplicable, pass, type PlanRule, type Violation } from "../rule";
import { describeChain, edgeChains, urnFor } from "./support/redirects";

/**
 * Every plain-http request's first redirect goes to an https:// URL (same host or the canonical host), under both
 * orders of Always Use HTTPS and the redirect phase.
 */
export const webRedirectFirstHop: PlanRule = {
  id: "web.redirect_first_hop",
  evaluate(resources) {
    const { zones, chains } = edgeChains(resources);
    const http = chains.filter((c) => c.start.startsWith("http:"));
    if (http.length === 0) return notApplicable("The stack serves no web host through Cloudflare.");
    const violations: Violation[] = [];
    for (const c of http) {
      const first = c.hops[0];
      const urn = urnFor(zones, c.start);
      if (first === undefined) {
        if (c.end.kind === "final") violations.push({ ...(urn !== undefined ? { urn } : {}), message: `${c.start} is answered over plain http with no redirect. Keep the redirect ruleset's catch-all rule \`http-to-https\` (the toolkit plans it from \`web\`), or turn on Always Use HTTPS (\`tls.always_https\`).` });
        continue;
      }
      if (!first.to.startsWith("https:")) {
        violations.push({ ...(urn !== undefined ? { urn } : {}), message: `${describeChain(c)}: the first hop goes to plain http (${first.to}) via ${first.by}. Make the redirect target an https:// URL.` });
      }
    }
    if (violations.length > 0) return failWith(violations);
    return pass(`${new Set(http.map((c) => c.start)).size} http:// start URL(s) go straight to https://.`);
  },
};
