/** hsts.include_subdomains: the apex's policy covers subdomains (RFC 6797 §6.1.2). */
import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";
import { type HstsSource, policyBasis, readHsts } from "./hsts-source";

export function judgeHstsIncludeSubdomains(source: HstsSource): Verdict {
  const r = readHsts(source);
  if (r.kind === "unknown") return cannotTell(r.reason);
  if (r.kind === "none") return notApplicable(`No valid HSTS header (see hsts.present): ${r.facts.join("; ")}`);
  const p = r.policy;
  return p.includeSubDomains
    ? judged("hsts.include_subdomains", "present", [`${p.url}: includeSubDomains is set`, ...policyBasis(p)])
    : judged("hsts.include_subdomains", "absent", [`${p.url}: includeSubDomains is not set`, ...policyBasis(p)]);
}
