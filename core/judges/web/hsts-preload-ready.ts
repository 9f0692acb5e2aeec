/**
 * hsts.preload_ready: `preload` is only requested when the domain meets the preload list's submission rules
 * (https://hstspreload.org): HTTPS on the apex, `http://apex` redirecting to https on the same host first, www
 * answering over HTTPS when it exists, max-age ≥ 1 year, includeSubDomains and preload. A preloaded domain that cannot
 * serve HTTPS somewhere is unreachable in every browser for months, so the plan also names any subdomain that is
 * not known to serve HTTPS (the auditor cannot list a zone's names, so it passes none).
 */
import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";
import { type Chain, hostOf, scheme } from "./chain";
import { ONE_YEAR } from "./hsts-max-age";
import { type HstsSource, policyBasis, readHsts } from "./hsts-source";
import { describeHostHttps, type HostHttps } from "./host-https";

export interface PreloadInput {
  readonly hsts: HstsSource;
  readonly apex: string;
  /** The chain from `http://apex/`. */
  readonly apexHttp: Chain;
  readonly www: HostHttps;
  /** Names under the domain not known to serve HTTPS (before apply: records that are not proxied). */
  readonly subdomainsWithoutHttps?: readonly string[];
}

export function judgeHstsPreloadReady(input: PreloadInput): Verdict {
  const r = readHsts(input.hsts);
  if (r.kind === "unknown") return cannotTell(r.reason);
  if (r.kind === "none") return notApplicable(`No valid HSTS header (see hsts.present): ${r.facts.join("; ")}`);
  const p = r.policy;
  const missing: string[] = [];
  const undecided: string[] = [];
  if (p.maxAge < ONE_YEAR) missing.push(`max-age ${p.maxAge} is below ${ONE_YEAR}`);
  if (!p.includeSubDomains) missing.push("includeSubDomains is not set");
  const start = input.apexHttp.start;
  const first = input.apexHttp.hops[0];
  if (first !== undefined) {
    if (!(scheme(first.to) === "https" && hostOf(first.to) === input.apex)) missing.push(`${start} redirects first to ${first.to}, not to https://${input.apex}`);
  } else if (input.apexHttp.end.kind === "unknown") undecided.push(`${start}: ${input.apexHttp.end.reason}`);
  else missing.push(`${start} does not redirect to https://${input.apex}`);
  const www = input.www;
  if (www.kind === "unknown") undecided.push(describeHostHttps(www));
  else if (www.kind === "downgraded" || www.kind === "no-answer") missing.push(describeHostHttps(www));
  const plain = input.subdomainsWithoutHttps ?? [];
  if (plain.length > 0) missing.push(`${plain.join(", ")} ${plain.length === 1 ? "is" : "are"} not known to serve HTTPS`);
  if (!p.preload) {
    const would = missing.length > 0 ? `; preloading would also need: ${missing.join("; ")}` : undecided.length > 0 ? "" : "; the domain would be eligible";
    return judged("hsts.preload_ready", "not-requested", [`${p.url}: preload is not requested${would}`, ...policyBasis(p)]);
  }
  if (missing.length > 0) return judged("hsts.preload_ready", "ineligible", [`${p.url} requests preload, but ${missing.join("; ")}`, ...policyBasis(p)]);
  if (undecided.length > 0) return cannotTell(`${p.url} requests preload; eligibility could not be decided: ${undecided.join("; ")}`);
  return judged("hsts.preload_ready", "eligible", [`${p.url} requests preload and meets the preload list's rules`, ...policyBasis(p)]);
}
