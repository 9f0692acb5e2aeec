import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import type { DomainSpec } from "../../config/spec";
import { formatPath } from "../../config/issues";
import { validateDomainArgs } from "../../config/validate";
import { planDomainRecords, type PlannedRecord } from "../../core/dns/record-plan";
import { planRedirectRules } from "../../core/edge/redirects";
import { planZoneSettings } from "../../core/edge/zone-settings";
import { Dnssec, type DsRecord } from "../dns/dnssec";
import { DnsRecords } from "../dns/records";
import { Redirects } from "../edge/redirects";
import { ZoneSettings } from "../edge/zone-settings";
import { RateLimits } from "../rate-limits/rate-limits";
import { Email } from "../email/email";
import type { DomainArgs } from "./args";
import { argsPathOf } from "./args-path";
import { deferInputs } from "./inputs";

export type { DomainArgs } from "./args";

/** How `Domain` reports its args' problems: all at once, each with its path under `args` and how to fix it. */
export function domainArgsError(name: string, errors: readonly { readonly path: string; readonly message: string }[]): string {
  return `Domain ${name} has ${errors.length} problem(s) in its args:\n${errors.map((e) => `  ✗ ${e.path}: ${e.message}`).join("\n")}`;
}

/**
 * One launch-ready domain: its existing Cloudflare zone (looked up or given, never created or deleted) and what the
 * checklist needs in it: DNS records and CAA, DNSSEC, HTTPS-everywhere zone settings and single-hop redirects.
 *
 * Args are validated like a stack file's domain entry; a problem throws a `ResourceError` naming each field
 * (`args.web.hsts.maxAgeSeconds: …`) before any child is registered. Children are named `${name}-…`.
 */
export class Domain extends pulumi.ComponentResource {
  /** The zone's id. */
  public readonly zoneId: pulumi.Output<string>;
  /** Cloudflare's name servers for the zone: give them to the registrar. */
  public readonly nameServers: pulumi.Output<string[]>;
  /** Resource name → fully qualified name of every record this domain manages. */
  public readonly records: pulumi.Output<Record<string, string>>;
  /** The DS record to publish at the registrar; undefined when DNSSEC is off. */
  public readonly ds?: pulumi.Output<DsRecord>;
  /** The validated, normalised domain (every default applied, names in A-labels). */
  public readonly spec: DomainSpec;
  /** The DNS records (`${name}-dns`). */
  public readonly dns: DnsRecords;
  /** DNSSEC signing (`${name}-dnssec`); undefined when `dnssec: false`. */
  public readonly dnssec?: Dnssec;
  /** The single-redirect entrypoint (`${name}-redirects`); undefined without `web` or with nothing to redirect. */
  public readonly redirects?: Redirects;
  /** HTTPS-everywhere zone settings (`${name}-edge`); undefined without `web`. */
  public readonly zoneSettings?: ZoneSettings;
  /**
   * The rate limiting entrypoint fitted to the plan, and on paid plans the managed WAF (`${name}-rate-limits`);
   * undefined without `rateLimits`.
   */
  public readonly rateLimits?: RateLimits;
  /** Mail authentication (`${name}-email`); undefined without `email`. */
  public readonly email?: Email;

  constructor(name: string, args: DomainArgs, opts?: pulumi.ComponentResourceOptions) {
    super(DOMAIN_TYPE, name, {}, opts);
    const root = argsPathOf(args);
    const { plain, deferred } = deferInputs(args);
    if (deferred.zoneId !== undefined && ((plain.cloudflare?.adoptRecords ?? []).length > 0 || Object.values(plain.cloudflare?.rulesetIds ?? {}).some((id) => id !== undefined))) {
      throw new pulumi.ResourceError(
        domainArgsError(name, [{ path: formatPath([...root, "cloudflare", "zoneId"]), message: "is another resource's output, but adopting records or a ruleset needs it as a plain string: import ids (`<zoneId>/<recordId>`) are fixed before any resource exists" }]),
        this,
      );
    }
    const report = validateDomainArgs(plain, root);
    if (report.value === undefined) throw new pulumi.ResourceError(domainArgsError(name, report.errors), this);
    // The email child reports its own warnings.
    const emailPath = formatPath([...root, "email"]);
    for (const w of report.warnings.filter((x) => x.path !== emailPath && !x.path.startsWith(`${emailPath}.`))) pulumi.log.warn(`${w.path}: ${w.message}`, this);
    const spec = (this.spec = report.value);
    if (deferred.origins.size > 0 && plain.web?.caa?.acm === undefined) {
      pulumi.log.warn(
        `${formatPath([...root, "web", "origin"])} is another resource's output, so whether it is on AWS (and needs \`amazon.com\` in CAA for ACM certificates) cannot be read before apply: set ${formatPath([...root, "web", "caa", "acm"])} to say`,
        this,
      );
    }
    // Adopt, never create: a zone the stack owned could be deleted with it.
    const zone = cloudflare.getZoneOutput(
      deferred.zoneId !== undefined ? { zoneId: deferred.zoneId } : spec.cloudflare.zoneId !== undefined ? { zoneId: spec.cloudflare.zoneId } : { filter: { name: spec.name } },
      { parent: this },
    );
    this.zoneId = zone.apply((z) => {
      if (z.name !== spec.name) {
        throw new pulumi.ResourceError(`Cloudflare zone ${z.zoneId} is '${z.name}', not '${spec.name}': check the domain's cloudflare.zoneId.`, this);
      }
      return z.zoneId;
    });
    this.nameServers = zone.nameServers;
    const configuredZoneId = spec.cloudflare.zoneId;
    // Adoption's first up imports what exists exactly as it is; the next changes it (components/dns/records.ts).
    const importStep = spec.cloudflare.imported !== true;
    const planned = planDomainRecords(spec);
    this.dns = new DnsRecords(
      `${name}-dns`,
      { zoneId: this.zoneId, records: planned, importStep, contentInputs: deferred.origins, ...(configuredZoneId !== undefined ? { configuredZoneId } : {}) },
      { parent: this },
    );
    this.records = this.dns.names;
    pulumi.log.info(recordPlanSummary(spec.name, planned), this);

    if (spec.dnssec) {
      this.dnssec = new Dnssec(`${name}-dnssec`, { zoneId: this.zoneId }, { parent: this });
      this.ds = this.dnssec.ds;
    }

    const web = spec.web;
    if (web !== undefined) {
      const rules = planRedirectRules({
        aliases: web.aliases,
        target: web.redirectTo ?? `https://${web.canonicalHost}`,
        // A redirect-only domain serves nothing; its hosts may carry legacy paths of the domain it redirects to.
        served: web.redirectTo === undefined ? [web.canonicalHost] : [],
        legacyPaths: web.legacyPaths,
        // With proxied web hosts, the ruleset ends with the zone-wide http → https rule that replaces Always Use HTTPS.
        proxied: proxiedWebHosts(planned),
      });
      const adoptRulesetId = spec.cloudflare.rulesetIds.http_request_dynamic_redirect;
      if (rules.length > 0 || adoptRulesetId !== undefined) {
        this.redirects = new Redirects(
          `${name}-redirects`,
          {
            zoneId: this.zoneId,
            rules,
            importStep,
            ...(configuredZoneId !== undefined ? { configuredZoneId } : {}),
            ...(adoptRulesetId !== undefined ? { adoptRulesetId } : {}),
          },
          { parent: this },
        );
      }
      // While an adopted entrypoint keeps its live rules (import step), the zone keeps its Always Use HTTPS too.
      const keepAlwaysUseHttps = adoptRulesetId !== undefined && importStep;
      this.zoneSettings = new ZoneSettings(
        `${name}-edge`,
        {
          zoneId: this.zoneId,
          settings: planZoneSettings(web, { keepAlwaysUseHttps }),
          ...(this.redirects !== undefined ? { alwaysUseHttpsAfter: this.redirects.ruleset } : {}),
        },
        { parent: this },
      );
      pulumi.log.info(edgeLifecycleSummary(spec.name, keepAlwaysUseHttps), this);
    }
    if (spec.rateLimits.length > 0) {
      const adoptRateLimitId = spec.cloudflare.rulesetIds.http_ratelimit;
      this.rateLimits = new RateLimits(
        `${name}-rate-limits`,
        {
          zoneId: this.zoneId,
          domain: spec.name,
          plan: spec.cloudflare.plan,
          rateLimits: plain.rateLimits ?? [],
          importStep,
          ...(configuredZoneId !== undefined ? { configuredZoneId } : {}),
          ...(adoptRateLimitId !== undefined ? { adoptRulesetId: adoptRateLimitId } : {}),
          ...(spec.cloudflare.rulesetIds.http_request_firewall_managed !== undefined ? { adoptManagedRulesetId: spec.cloudflare.rulesetIds.http_request_firewall_managed } : {}),
        },
        { parent: this },
      );
    }
    if (plain.email !== undefined) {
      const awsRegion = new pulumi.Config("aws").get("region");
      this.email = new Email(
        `${name}-email`,
        {
          domain: spec.name,
          zoneId: this.zoneId,
          accountId: zone.account.id,
          email: plain.email,
          managedDomains: [spec.name],
          mx: spec.dnsRecords.filter((r) => r.type === "MX" && r.name === spec.name).map((r) => ({ priority: r.priority ?? 10, host: r.content })),
          ...(awsRegion !== undefined ? { awsRegion } : {}),
        },
        { parent: this },
      );
    }
    this.registerOutputs({ zoneId: this.zoneId, nameServers: this.nameServers, records: this.records, ...(this.ds ? { ds: this.ds } : {}) });
  }
}

/** The component's type token: part of every child's URN, so it never changes (a rename would need an alias). */
export const DOMAIN_TYPE = "launch-ready:index:Domain";

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
