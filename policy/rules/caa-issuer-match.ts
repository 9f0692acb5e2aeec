import { blockedIssuers, platformIssuers } from "../../core/edge/caa";
import { failWith, notApplicable, pass, type PlanRule, type Violation } from "../rule";
import { caaRecords, relevantSet } from "./support/caa";
import { edgeZones } from "./support/edge";

/** Origins whose certificates usually come from ACM (AWS load balancers, API Gateway, CloudFront). */
const AWS_ORIGIN = /\.(amazonaws\.com|cloudfront\.net)$/i;

/**
 * For every proxied host, the relevant CAA set (RFC 8659 §3) allows the CAs the platform renews with: Cloudflare's
 * edge CAs (plain and wildcard: the universal certificate covers `*.<zone>`), and ACM's when the host's origin is on
 * AWS (its certificate names the host, because Cloudflare connects with the host as SNI).
 */
export const caaIssuerMatch: PlanRule = {
  id: "caa.issuer_match",
  evaluate(resources) {
    const zones = edgeZones(resources).filter((z) => z.proxiedHosts.length > 0);
    const violations: Violation[] = [];
    let checked = 0;
    for (const z of zones) {
      const all = caaRecords(z);
      for (const rec of z.records.filter((r) => r.inputs["proxied"] === true)) {
        const host = String(rec.inputs["name"]).toLowerCase();
        const relevant = relevantSet(all, host);
        if (relevant === undefined) continue;
        checked++;
        const acm = rec.inputs["type"] === "CNAME" && AWS_ORIGIN.test(String(rec.inputs["content"] ?? ""));
        const blocked = blockedIssuers(relevant.set, platformIssuers({ cloudflare: true, acm }));
        const missing = [...new Set([...blocked.issue, ...blocked.issuewild])];
        if (missing.length > 0) {
          violations.push({
            urn: rec.urn,
            message: `${host}: the CAA set at ${relevant.at} does not allow ${missing.map((m) => `\`${m}\``).join(", ")}${blocked.issuewild.length > blocked.issue.length ? " (for wildcard certificates)" : ""}, so ${acm && missing.includes("amazon.com") ? "ACM and " : ""}Cloudflare certificate renewals would be refused. Allow them (\`web.caa\`), or remove the CAA records at ${relevant.at}.`,
          });
        }
      }
    }
    if (violations.length > 0) return failWith(violations);
    if (checked === 0) return notApplicable("No proxied host has a CAA set to check (see caa.present).");
    return pass(`The CAA set allows the platform's CAs for ${checked} proxied host(s).`);
  },
};
