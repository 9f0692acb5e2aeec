import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import type { DomainSpec } from "../../config/spec";
import { planDomainRecords, type PlannedRecord } from "../../core/dns/record-plan";
import { planRedirectRules } from "../../core/edge/redirects";
import { planZoneSettings } from "../../core/edge/zone-settings";
import { Dnssec, type DsRecord } from "../dns/dnssec";
import { DnsRecords } from "../dns/records";
import { Redirects } from "../edge/redirects";
import { EdgeSettings } from "../edge/zone-settings";

export interface DomainArgs {
  /** The validated, normalised domain spec (see `config/validate.ts`). */
  readonly spec: DomainSpec;
}

/**
 * One launch-ready domain: its existing Cloudflare zone (looked up, never created or deleted) and everything the
 * checklist needs in it: DNS records and CAA, DNSSEC, HTTPS-everywhere zone settings and single-hop redirects.
 * Later capabilities (email, rate limits, monitoring) are children here too.
 */
export class Domain extends pulumi.ComponentResource {
  public readonly zoneId: pulumi.Output<string>;
  public readonly nameServers: pulumi.Output<string[]>;
  public readonly records: pulumi.Output<Record<string, string>>;
  /** The DS record to publish at the registrar; undefined when DNSSEC is off. */
  public readonly ds?: pulumi.Output<DsRecord>;

  constructor(name: string, args: DomainArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch-ready:index:Domain", name, {}, opts);
    const { spec } = args;
    // Adopt, never create: a zone the stack owned could be deleted with it (DESIGN: "Adoption").
    const zone = cloudflare.getZoneOutput(
      spec.cloudflare.zoneId !== undefined ? { zoneId: spec.cloudflare.zoneId } : { filter: { name: spec.name } },
      { parent: this },
    );
    this.zoneId = zone.apply((z) => {
      if (z.name !== spec.name) {
        throw new pulumi.ResourceError(
          `Cloudflare zone ${z.zoneId} is '${z.name}', not '${spec.name}': check launch-ready:domains[].cloudflare.zoneId.`,
          this,
        );
      }
      return z.zoneId;
    });
    this.nameServers = zone.nameServers;
    const configuredZoneId = spec.cloudflare.zoneId;
    // Adoption's first up imports what exists exactly as it is; the next changes it (components/dns/records.ts).
    const importStep = spec.cloudflare.imported !== true;
    const planned = planDomainRecords(spec);
    const dns = new DnsRecords(
      `${name}-dns`,
      { zoneId: this.zoneId, records: planned, importStep, ...(configuredZoneId !== undefined ? { configuredZoneId } : {}) },
      { parent: this },
    );
    this.records = dns.names;
    pulumi.log.info(recordPlanSummary(spec.name, planned), this);

    if (spec.dnssec) this.ds = new Dnssec(`${name}-dnssec`, { zoneId: this.zoneId }, { parent: this }).ds;

    const web = spec.web;
    if (web !== undefined) {
      const rules = planRedirectRules({
        aliases: web.aliases,
        target: web.redirectTo ?? `https://${web.canonicalHost}`,
        // A redirect-only domain serves nothing; its hosts also carry the target's legacy paths (config/validate.ts).
        served: web.redirectTo === undefined ? [web.canonicalHost] : [],
        legacyPaths: web.legacyPaths,
        // With proxied web hosts, the ruleset ends with the zone-wide http → https rule that replaces Always Use HTTPS.
        proxied: proxiedWebHosts(planned),
      });
      const adoptRulesetId = spec.cloudflare.rulesetIds.http_request_dynamic_redirect;
      const redirects =
        rules.length > 0 || adoptRulesetId !== undefined
          ? new Redirects(
              `${name}-redirects`,
              {
                zoneId: this.zoneId,
                rules,
                importStep,
                ...(configuredZoneId !== undefined ? { configuredZoneId } : {}),
                ...(adoptRulesetId !== undefined ? { adoptRulesetId } : {}),
              },
              { parent: this },
            )
          : undefined;
      // While an adopted entrypoint keeps its live rules (import step), the zone keeps its Always Use HTTPS too.
      const keepAlwaysUseHttps = adoptRulesetId !== undefined && importStep;
      new EdgeSettings(
        `${name}-edge`,
        {
          zoneId: this.zoneId,
          settings: planZoneSettings(web, { keepAlwaysUseHttps }),
          ...(redirects !== undefined ? { alwaysUseHttpsAfter: redirects.ruleset } : {}),
        },
        { parent: this },
      );
      pulumi.log.info(edgeLifecycleSummary(spec.name, keepAlwaysUseHttps), this);
    }
    this.registerOutputs({ zoneId: this.zoneId, nameServers: this.nameServers, records: this.records, ...(this.ds ? { ds: this.ds } : {}) });
  }
}

/** Hosts whose A/AAAA/CNAME records are proxied: the only ones the edge's redirect rules see. */
export function proxiedWebHosts(records: readonly PlannedRecord[]): string[] {
  const web = new Set(["A", "AAAA", "CNAME"]);
  return [...new Set(records.filter((r) => r.proxied && web.has(r.type)).map((r) => r.name.toLowerCase()))];
}

/**
 * One line for the plan output: what the edge does now and what stays behind after `pulumi destroy` or removing
 * `web`. A ZoneSetting's delete is a no-op upstream, so the settings keep their values; the ruleset is kept too, so
 * its catch-all rule goes on upgrading http while Always Use HTTPS stays off.
 */
export function edgeLifecycleSummary(zone: string, keepAlwaysUseHttps: boolean): string {
  return [
    `${zone} edge: ${keepAlwaysUseHttps ? "the adopted redirect entrypoint is imported as it is and Always Use HTTPS is left unchanged (set cloudflare.imported: true for the next up to write the rules and switch it off)" : "Always Use HTTPS is switched off only after the redirect ruleset with its http → https rule exists"}`,
    "on destroy or when `web` is removed, the zone settings keep their last values (Cloudflare has no delete for a setting) and the redirect ruleset is kept, so http is still upgraded (runbooks/https-redirects.md)",
  ].join("; ");
}

/** One line for the plan output: what is created, what is adopted, and that nothing else is touched. */
export function recordPlanSummary(zone: string, records: readonly PlannedRecord[]): string {
  const list = (rs: readonly PlannedRecord[]): string => {
    const counts = new Map<string, number>();
    for (const r of rs) counts.set(`${r.name} ${r.type}`, (counts.get(`${r.name} ${r.type}`) ?? 0) + 1);
    return [...counts].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(", ");
  };
  const adopted = records.filter((r) => r.importId !== undefined);
  const created = records.filter((r) => r.importId === undefined);
  return [
    `${zone} DNS: ${created.length} record(s) created${created.length > 0 ? ` (${list(created)})` : ""}`,
    `${adopted.length} adopted by import and kept on delete${adopted.length > 0 ? ` (${list(adopted)})` : ""}`,
    "every other record in the zone is left alone (never modified or deleted)",
  ].join("; ");
}
