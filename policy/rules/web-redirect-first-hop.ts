import { judgeRedirectFirstHop } from "../../core/judges/web";
import { NO_PROXIED_HOST, zoneChains } from "./support/redirects";
import { type JudgedRule, judgedRule, zoneSubjects } from "./support/setting-rule";

/**
 * Every plain-http request's first redirect goes to https:// on the same host or the canonical host, under both
 * orders of Always Use HTTPS and the redirect phase, judged as the observed chains are after apply.
 */
export const webRedirectFirstHop: JudgedRule = judgedRule("web.redirect_first_hop", (resources) => {
  const { zones, canonical } = zoneChains(resources);
  return zoneSubjects(zones, (z) => ({ verdict: judgeRedirectFirstHop({ chains: z.chains, canonicalHosts: canonical }), urn: z.urn }));
}, NO_PROXIED_HOST);
