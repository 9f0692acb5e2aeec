import { isDowngrade } from "../../core/edge/redirect-sim";
import { failWith, notApplicable, pass, type PlanRule, type Violation } from "../rule";
import { describeChain, edgeChains, urnFor } from "./support/redirects";

/** No redirect goes from https to plain http: that exposes cookies and defeats HSTS. */
export const webRedirectDowngrade: PlanRule = {
  id: "web.redirect_downgrade",
  evaluate(resources) {
    const { zones, chains } = edgeChains(resources);
    if (chains.length === 0) return notApplicable("The stack serves no web host through Cloudflare.");
    const violations: Violation[] = [];
    const seen = new Set<string>();
    for (const c of chains) {
      for (const h of c.hops.filter(isDowngrade)) {
        const key = `${h.from}→${h.to}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const urn = urnFor(zones, h.from);
        violations.push({ ...(urn !== undefined ? { urn } : {}), message: `${describeChain(c)} downgrades ${h.from} to ${h.to} (${h.by}). Make the redirect target an https:// URL (\`redirectTo\`/\`legacyPaths[].to\`).` });
      }
    }
    if (violations.length > 0) return failWith(violations);
    return pass(`No https → http hop in ${new Set(chains.map((c) => c.start)).size} start URL(s).`);
  },
};
