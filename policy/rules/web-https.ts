import { getDomain } from "tldts";
import { failWith, notApplicable, ofType, pass, type PlanRule, TYPES } from "../rule";
import type { PlannedResource } from "../resource";

const WEB_TYPES = new Set(["A", "AAAA", "CNAME"]);

/**
 * Hosts that serve the site (A/AAAA/CNAME at the apex and at www) must be proxied: Cloudflare's edge certificate,
 * Always Use HTTPS, HSTS and the redirect rules only apply to proxied hostnames.
 */
export const webHttps: PlanRule = {
  id: "web.https",
  evaluate(resources) {
    const web = ofType(resources, TYPES.dnsRecord).filter((r) => WEB_TYPES.has(String(r.inputs["type"])));
    const site = web.filter((r) => {
      const name = recordName(r);
      const apex = getDomain(name, { allowPrivateDomains: true });
      return apex !== null && (name === apex || name === `www.${apex}`);
    });
    if (site.length === 0) return notApplicable("The stack declares no apex or www web host.");
    const unproxied = site.filter((r) => r.inputs["proxied"] !== true);
    if (unproxied.length > 0) {
      return failWith(
        unproxied.map((r) => ({
          urn: r.urn,
          message: `${recordName(r)} (${String(r.inputs["type"])}) is not proxied, so it gets no edge certificate, no forced HTTPS and no HSTS. Set \`proxied: true\` (the toolkit does for every host under \`web\`).`,
        })),
      );
    }
    return pass(`${site.map(recordName).join(", ")} are proxied through Cloudflare's edge certificate.`, site.map((r) => r.urn));
  },
};

function recordName(r: PlannedResource): string {
  return String(r.inputs["name"]);
}
