import { type Chain, hostOf, judgeHstsPreloadReady, scheme } from "../../core/judges/web";
import { hstsUrn } from "./support/hsts";
import { plannedSites } from "./support/redirects";
import { type JudgedRule, judgedRule, zoneSubjects } from "./support/setting-rule";

/**
 * Preload is only requested when the domain is eligible (hstspreload.org), judged as after apply, plus every web
 * record of the zone proxied: includeSubDomains + preload pins HTTPS on every name of the domain.
 */
export const hstsPreloadReady: JudgedRule = judgedRule("hsts.preload_ready", (resources) => {
  return zoneSubjects(plannedSites(resources), (s) => ({
    verdict: judgeHstsPreloadReady({ hsts: s.hsts, apex: s.apex, apexHttp: worstFirstHop(s.apex, s.apexHttp), www: s.wwwHttps, subdomainsWithoutHttps: s.unproxied }),
    urn: hstsUrn(s.zone),
  }));
});

/** Under either edge order the first hop must go to https on the apex: the order that does not is the one judged. */
function worstFirstHop(apex: string, chains: readonly Chain[]): Chain {
  const bad = chains.find((c) => {
    const first = c.hops[0];
    return first === undefined || scheme(first.to) !== "https" || hostOf(first.to) !== apex;
  });
  return bad ?? chains[0] ?? { start: `http://${apex}/`, hops: [], end: { kind: "unknown", url: `http://${apex}/`, reason: "not followed" } };
}
