import { followChain, type SimZone } from "../../core/edge/redirect-sim";
import { HTTPS_UPGRADE_REF } from "../../core/edge/redirects";
import type { PlanRule } from "../rule";
import { simRulesOf } from "./support/edge";
import { PROBE_PATH } from "./support/redirects";
import { judgeZones } from "./support/setting-rule";

/**
 * Every http:// request on a proxied host gets a 301 to https://. The toolkit does this in the redirect ruleset (a
 * final catch-all rule, `http-to-https`) with `always_use_https` off, so the upgrade and the alias redirects come from
 * one place and take one hop whatever order Cloudflare runs them in (`core/edge/redirects.ts`). A user who keeps
 * Always Use HTTPS on also passes, told that the ordering may then add a hop (`web.redirect_hops` judges that).
 */
export const tlsAlwaysHttps: PlanRule = {
  id: "tls.always_https",
  evaluate(resources) {
    return judgeZones(resources, (z) => {
      const s = z.settings.get("always_use_https");
      const auhOn = s?.value === "on";
      // Follow each proxied host's plain-http request through the ruleset alone (Always Use HTTPS out of the picture).
      const rulesOnly: SimZone = { name: z.label, hosts: z.proxiedHosts, alwaysUseHttps: false, rules: z.rulesets.flatMap(simRulesOf) };
      const uncovered = z.proxiedHosts.filter((host) => {
        const first = followChain([rulesOnly], `http://${host}${PROBE_PATH}`).hops[0];
        return first === undefined || !first.to.startsWith("https:");
      });
      const urn = s?.urn ?? z.rulesets[0]?.urn;
      const at = urn !== undefined ? { urn } : {};
      if (z.proxiedHosts.length === 0) return { ...at, summary: "no proxied host: the edge serves nothing over http here" };
      if (uncovered.length === 0) {
        if (auhOn) return { ...at, summary: `the redirect ruleset sends every http:// request to https://, and Always Use HTTPS is on too: if it answers before the redirect rules, an alias takes two hops (http://www → https://www → https://canonical); set \`always_use_https\` off to rely on the ruleset alone` };
        return { ...at, summary: `the redirect ruleset sends every http:// request on ${z.proxiedHosts.length} proxied host(s) to https:// in one hop (rule \`${HTTPS_UPGRADE_REF}\`); Always Use HTTPS ${s === undefined ? "not set" : `is \`${String(s.value)}\``}, so the ordering cannot add a hop` };
      }
      if (auhOn) {
        return { ...at, summary: "Always Use HTTPS on; the ordering between it and the redirect rules is undocumented and may add a hop for an alias (http://www → https://www → https://canonical): let the toolkit plan the ruleset's catch-all rule `http-to-https` and set `always_use_https` off" };
      }
            const setting = s === undefined ? "the stack does not set `always_use_https`" : `\`always_use_https\` is \`${String(s.value)}\``;
      return {
        ...at,
        summary: "",
        problem: `${setting} and no redirect rule sends http:// on ${uncovered.join(", ")} to https://: plain-http requests would be served. Add \`web\` to the domain so the toolkit plans the catch-all rule \`${HTTPS_UPGRADE_REF}\` (\`not ssl\` → \`concat("https://", http.host, http.request.uri.path)\`, query kept), or set \`always_use_https\` on.`,
      };
    });
  },
};
