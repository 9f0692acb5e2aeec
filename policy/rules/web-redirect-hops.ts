import { judgeRedirectHops } from "../../core/judges/web";
import { NO_PROXIED_HOST, zoneChains } from "./support/redirects";
import { type JudgedRule, judgedRule, zoneSubjects } from "./support/setting-rule";

/**
 * Every proxied host, over http and https, for a probe path and every legacy path, reaches its page in one redirect
 * at most, with no loop, path and query kept. The chains are re-derived from the planned Ruleset and zone settings,
 * not taken from the planner, under both orders of Always Use HTTPS and the redirect phase, and judged as the
 * observed chains are after apply.
 */
export const webRedirectHops: JudgedRule = judgedRule("web.redirect_hops", (resources) => {
  return zoneSubjects(zoneChains(resources).zones, (z) => ({ verdict: judgeRedirectHops({ chains: z.chains, idleRules: z.idleRules }), urn: z.urn }));
}, NO_PROXIED_HOST);
