import { HSTS_MIN_MAX_AGE } from "../../core/edge/hsts";
import { failWith, notApplicable, pass, type PlanRule, type Violation } from "../rule";
import { enabledHsts } from "./support/hsts";

const WEB_TYPES = new Set(["A", "AAAA", "CNAME"]);

/**
 * `preload` is only requested when the domain is eligible (hstspreload.org): max-age ≥ 1 year, includeSubDomains,
 * and every host in the zone served over HTTPS, which before apply means every A/AAAA/CNAME record is proxied.
 */
export const hstsPreloadReady: PlanRule = {
  id: "hsts.preload_ready",
  evaluate(resources) {
    const zones = enabledHsts(resources).filter((z) => z.sts.preload);
    if (zones.length === 0) return notApplicable("HSTS preload is not requested.");
    const violations: Violation[] = [];
    for (const z of zones) {
      const problems: string[] = [];
      if (z.sts.max_age < HSTS_MIN_MAX_AGE) problems.push(`max-age ${z.sts.max_age} s is under one year`);
      if (!z.sts.include_subdomains) problems.push("includeSubDomains is off");
      const plain = z.zone.records.filter((r) => WEB_TYPES.has(String(r.inputs["type"])) && r.inputs["proxied"] !== true).map((r) => String(r.inputs["name"]));
      if (plain.length > 0) problems.push(`${plain.join(", ")} ${plain.length === 1 ? "is" : "are"} not proxied, so not known to serve HTTPS`);
      if (problems.length > 0) {
        violations.push({ urn: z.urn, message: `${z.zone.label}: preload is requested but ${problems.join("; ")}. Fix those or set \`web.hsts.preload: false\`: a preloaded domain that cannot serve HTTPS is unreachable for months.` });
      }
    }
    return violations.length > 0 ? failWith(violations) : pass(zones.map((z) => `${z.zone.label}: eligible for preload`).join("; "), zones.map((z) => z.urn));
  },
};
