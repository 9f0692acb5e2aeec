import { failWith, notApplicable, pass, type PlanRule } from "../rule";
import { enabledHsts } from "./support/hsts";

/** HSTS covers subdomains (RFC 6797 §6.1.2), so parent-domain cookies never travel over plain http. */
export const hstsIncludeSubdomains: PlanRule = {
  id: "hsts.include_subdomains",
  evaluate(resources) {
    const zones = enabledHsts(resources);
    if (zones.length === 0) return notApplicable("No HSTS policy is planned (see hsts.present).");
    const missing = zones.filter((z) => !z.sts.include_subdomains);
    if (missing.length > 0) {
      return failWith(
        missing.map((z) => ({
          urn: z.urn,
          message: `${z.zone.label}: HSTS lacks includeSubDomains. Set \`web.hsts.includeSubdomains: true\` once every subdomain serves HTTPS.`,
        })),
      );
    }
    return pass(zones.map((z) => `${z.zone.label}: includeSubDomains`).join("; "), zones.map((z) => z.urn));
  },
};
