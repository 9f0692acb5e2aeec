import { requiredIssuers } from "../../core/edge/caa";
import { judgeCaaIssuerMatch } from "../../core/judges/dns";
import { fromVerdicts, type PlanRule, type SubjectVerdict } from "../rule";
import type { PlannedResource } from "../resource";
import { caaRecords, relevantSet } from "./support/caa";
import { edgeZones, str } from "./support/edge";

/**
 * The judge's verdict per planned CAA set that governs the zone apex or a proxied host (RFC 8659 §3), with the CAs
 * the record plan needs there (`requiredIssuers`: Cloudflare's edge CAs, ACM's for hosts on AWS). There is no
 * certificate before apply, so the live issuer is the auditor's part.
 */
export function caaIssuerMatchSubjects(resources: readonly PlannedResource[]): SubjectVerdict[] {
  return edgeZones(resources)
    .filter((z) => z.records.length > 0)
    .flatMap((z) => {
      const all = caaRecords(z);
      const groups = new Map<string, { names: string[]; hosts: PlannedResource[]; found: ReturnType<typeof relevantSet> }>();
      for (const name of [z.label, ...z.proxiedHosts]) {
        const found = relevantSet(all, name);
        const key = found?.set.at ?? "";
        const g = groups.get(key) ?? { names: [], hosts: [], found };
        if (!g.names.includes(name)) g.names.push(name);
        g.hosts.push(...z.records.filter((r) => String(r.inputs["name"]).toLowerCase() === name && r.inputs["proxied"] === true));
        groups.set(key, g);
      }
      return [...groups.values()].map((g) => {
        const required = requiredIssuers(g.hosts.map((r) => ({ type: String(r.inputs["type"]), content: str(r.inputs["content"]) ?? "", proxied: true })));
        const urn = g.found?.urns[0];
        return { verdict: judgeCaaIssuerMatch({ names: g.names, set: g.found?.set, required }), ...(urn !== undefined ? { urn } : {}) };
      });
    });
}

/** The CAA sets let the platform's CAs renew every certificate the stack relies on, plain and wildcard. */
export const caaIssuerMatch: PlanRule = {
  id: "caa.issuer_match",
  evaluate: (resources) => fromVerdicts(caaIssuerMatchSubjects(resources), "The stack manages no DNS records."),
};
