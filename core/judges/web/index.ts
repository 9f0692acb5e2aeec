/** The judges of the web family (tls.*, web.*, hsts.*): one per checklist ID, pure. */
import type { CheckId } from "../../../checklist";
import { judgeHstsIncludeSubdomains } from "./hsts-include-subdomains";
import { judgeHstsMaxAge } from "./hsts-max-age";
import { judgeHstsPreloadReady } from "./hsts-preload-ready";
import { judgeHstsPresent } from "./hsts-present";
import { judgeRedirectDowngrade } from "./redirect-downgrade";
import { judgeRedirectFirstHop } from "./redirect-first-hop";
import { judgeRedirectHops } from "./redirect-hops";
import { judgeTlsProtocols } from "./tls-protocols";
import { judgeMixedContent } from "./web-mixed-content";
import { judgeWebHttps } from "./web-https";

export const WEB_JUDGES: Partial<Record<CheckId, (...args: never[]) => unknown>> = {
  "tls.protocols": judgeTlsProtocols,
  "web.https": judgeWebHttps,
  "web.mixed_content": judgeMixedContent,
  "hsts.present": judgeHstsPresent,
  "hsts.max_age": judgeHstsMaxAge,
  "hsts.include_subdomains": judgeHstsIncludeSubdomains,
  "hsts.preload_ready": judgeHstsPreloadReady,
  "web.redirect_first_hop": judgeRedirectFirstHop,
  "web.redirect_hops": judgeRedirectHops,
  "web.redirect_downgrade": judgeRedirectDowngrade,
};

export * from "./chain";
export * from "./host-https";
export * from "./hsts-source";
export { judgeHstsIncludeSubdomains, judgeHstsMaxAge, judgeHstsPreloadReady, judgeHstsPresent, judgeMixedContent, judgeRedirectDowngrade, judgeRedirectFirstHop, judgeRedirectHops, judgeTlsProtocols, judgeWebHttps };
export type { IdleRule, HopsInput } from "./redirect-hops";
export type { FirstHopInput } from "./redirect-first-hop";
export type { PreloadInput } from "./hsts-preload-ready";
export type { WebHttpsInput } from "./web-https";
export type { MixedContentInput } from "./web-mixed-content";
export { TLS_VERSIONS, type Offer, type TlsProtocolsInput, type TlsVersionName } from "./tls-protocols";
export { HALF_YEAR, ONE_YEAR } from "./hsts-max-age";
