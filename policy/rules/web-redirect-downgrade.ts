import { judgeRedirectDowngrade } from "../../core/judges/web";
import { NO_PROXIED_HOST, zoneChains } from "./support/redirects";
import { type JudgedRule, judgedRule, zoneSubjects } from "./support/setting-rule";

/** No planned redirect goes from https to plain http (it exposes cookies and defeats HSTS). */
export const webRedirectDowngrade: JudgedRule = judgedRule("web.redirect_downgrade", (resources) => {
  return zoneSubjects(zoneChains(resources).zones, (z) => ({ verdict: judgeRedirectDowngrade(z.chains), urn: z.urn }));
}, NO_PROXIED_HOST);
