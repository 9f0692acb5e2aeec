import { judgeRedirectDowngrade } from "../../core/judges/web";
import type { PlanRule } from "../rule";
import { zoneChains } from "./support/redirects";
import { zoneVerdicts } from "./support/setting-rule";
import { NO_PROXIED_HOST } from "./web-redirect-first-hop";

/** No planned redirect goes from https to plain http (it exposes cookies and defeats HSTS). */
export const webRedirectDowngrade: PlanRule = {
  id: "web.redirect_downgrade",
  evaluate(resources) {
    return zoneVerdicts(zoneChains(resources).zones, (z) => ({ verdict: judgeRedirectDowngrade(z.chains), urn: z.urn }), NO_PROXIED_HOST);
  },
};
