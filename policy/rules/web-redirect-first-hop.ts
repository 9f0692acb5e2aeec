import { judgeRedirectFirstHop } from "../../core/judges/web";
import type { PlanRule } from "../rule";
import { zoneChains } from "./support/redirects";
import { zoneVerdicts } from "./support/setting-rule";

/**
 * Every plain-http request's first redirect goes to https:// on the same host or the canonical host, under both
 * orders of Always Use HTTPS and the redirect phase, judged as the observed chains are after apply.
 */
export const webRedirectFirstHop: PlanRule = {
  id: "web.redirect_first_hop",
  evaluate(resources) {
    const { zones, canonical } = zoneChains(resources);
    return zoneVerdicts(zones, (z) => ({ verdict: judgeRedirectFirstHop({ chains: z.chains, canonicalHosts: canonical }), urn: z.urn }), NO_PROXIED_HOST);
  },
};

export const NO_PROXIED_HOST = "The stack serves no web host through Cloudflare.";
