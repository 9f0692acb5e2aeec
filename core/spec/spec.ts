/**
 * The normalised, typed spec the Pulumi program and the planners in `core/` consume: every default applied, every
 * name in A-labels. Pure data: no Pulumi, no I/O. `config/` validates stack files into it; core owns the shape.
 */
import type { Acknowledgement } from "../acknowledge";
import type { SslMode } from "../edge/zone-settings";
import type { RateLimitRequest } from "../rate-limits/request";
import type { RouteInventorySpec } from "../routes/inventory";
import type { EmailPlanInput, SenderInput } from "../email/build/plan";
import type { CLOUDFLARE_PLANS, DNS_RECORD_TYPES } from "./vocabulary";

export type CloudflarePlan = (typeof CLOUDFLARE_PLANS)[number];
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number];

/** Where a web host's traffic goes. */
export type Origin =
  | { readonly kind: "hostname"; readonly value: string }
  | { readonly kind: "ipv4"; readonly value: string }
  | { readonly kind: "ipv6"; readonly value: string };

export interface HstsSpec {
  readonly maxAgeSeconds: number;
  readonly includeSubdomains: boolean;
  readonly preload: boolean;
}

export interface WebHostSpec {
  readonly name: string;
  readonly origin: Origin;
}

/** Cloudflare's SSL mode; only `strict` passes `tls.ssl_strict`. */
export type SslModeSpec = SslMode;

export interface CaaSpec {
  /** Further CA issuer domains (e.g. `digicert.com`), allowed beside the platform's own. */
  readonly issuers: readonly string[];
  /** `mailto:`/`https:` URL CAs report refused requests to. */
  readonly iodef?: string;
  /** ACM certificates are in use: `amazon.com` is allowed. Defaults to true when an origin is on AWS. */
  readonly acm: boolean;
}

export interface LegacyPathSpec {
  /** Exact path, e.g. `/pricing.html`. */
  readonly from: string;
  /** Absolute URL (a path in config is resolved against the canonical host). */
  readonly to: string;
}

export interface WebSpec {
  /**
   * The canonical host every alias redirects to. For a redirect-only domain, the host of `redirectTo` (outside
   * this zone).
   */
  readonly canonicalHost: string;
  readonly aliases: readonly string[];
  /** Every host that serves HTTP: canonical, aliases and further hosts, each with its origin. */
  readonly hosts: readonly WebHostSpec[];
  readonly hsts: HstsSpec;
  readonly ssl: SslModeSpec;
  readonly caa: CaaSpec;
  readonly legacyPaths: readonly LegacyPathSpec[];
  /** Redirect-only domain: every host redirects to this scheme+host, e.g. `https://acme.example`. */
  readonly redirectTo?: string;
}

export interface DnsRecordSpec {
  readonly name: string;
  readonly type: DnsRecordType;
  readonly content: string;
  readonly ttl: number;
  readonly proxied: boolean;
  readonly priority?: number;
}

/** An existing record to adopt (import) instead of create: matched to a planned record by name and type. */
export interface AdoptedRecordSpec {
  readonly name: string;
  readonly type: DnsRecordType;
  /** The record's Cloudflare id (from the API's list-records call). */
  readonly id: string;
  /** Disambiguates several planned records of one name and type. */
  readonly content?: string;
}

export interface CloudflareSpec {
  readonly plan: CloudflarePlan;
  readonly zoneId?: string;
  /** Existing phase entrypoint rulesets to adopt, by phase. */
  readonly rulesetIds: { readonly http_request_dynamic_redirect?: string; readonly http_ratelimit?: string; readonly http_request_firewall_managed?: string };
  readonly adoptRecords: readonly AdoptedRecordSpec[];
  /**
   * Adoption step: `false` while the adopted records and ruleset are being imported (their live values kept),
   * `true` once imported (the stack's values applied). Optional so specs built before adoption had steps still read.
   */
  readonly imported?: boolean;
}

/** A domain's mail: the planner's input less what the stack supplies (managed domains, region, the date). */
export interface EmailSpec {
  /** `[]`: a parked domain. */
  readonly senders: readonly SenderInput[];
  readonly spfAll: EmailPlanInput["spfAll"];
  readonly dmarc: EmailPlanInput["dmarc"];
  readonly mtaSts?: EmailPlanInput["mtaSts"];
  readonly tlsRptRua: readonly string[];
  /** Domains whose DMARC reports this one receives (it publishes their authorisation). */
  readonly acceptReportsFor: readonly string[];
}

/** One endpoint to rate-limit, presets filled in (`core/rate-limits/presets.ts`). */
export type RateLimitSpec = RateLimitRequest;

export interface MonitoringSpec {
  readonly checks: readonly { readonly url: string; readonly searchString?: string }[];
  /** p95 time-to-first-byte alarm threshold in ms (default 500, the checklist's limit). */
  readonly latencyP95Ms: number;
  readonly certExpiryDays: number;
  /** The origin's Application Load Balancer, whose 5xx rate is alarmed; absent means the 5xx rate is not covered. */
  readonly loadBalancerArn?: string;
  readonly fiveXxRatePercent: number;
}

export interface DomainSpec {
  /** The zone name, A-labels. */
  readonly name: string;
  readonly cloudflare: CloudflareSpec;
  readonly web?: WebSpec;
  /** Sign the zone with DNSSEC (the DS record must then be published at the registrar). */
  readonly dnssec: boolean;
  readonly dnsRecords: readonly DnsRecordSpec[];
  readonly email?: EmailSpec;
  readonly rateLimits: readonly RateLimitSpec[];
  readonly monitoring?: MonitoringSpec;
}

export interface SecretSpec {
  readonly name: string;
  readonly length: number;
  readonly rotateAfterDays: number;
  /** A config key set with `--secret` holding the first value; absent: generated. */
  readonly fromConfig?: string;
  /** A rotation function of the user's own, by ARN. */
  readonly rotationFunctionArn?: string;
}

export interface BackupSpec {
  readonly selectionTag: { readonly key: string; readonly value: string };
  readonly retentionDays: number;
  readonly rpoHours: number;
  readonly rtoHours: number;
  readonly restoreTesting: "off" | "daily" | "weekly" | "monthly";
  readonly restoreTestingResourceType: string;
  /** The vault lock (`false`: none); absent: governance mode with the retention as minimum. */
  readonly vaultLock?: false | { readonly minRetentionDays?: number; readonly maxRetentionDays?: number; readonly changeableForDays?: number };
  /** The frequent rule's schedule, when given instead of the one derived from `rpoHours`. */
  readonly schedule?: string;
  readonly copyToVaultArn?: string;
}

export interface LaunchReadySpec {
  readonly domains: readonly DomainSpec[];
  readonly alerts?: { readonly emails: readonly string[]; readonly webhookUrl?: string };
  readonly secrets: readonly SecretSpec[];
  readonly backups?: BackupSpec;
  /** `launch-ready:acknowledge`: checks the team knowingly ships failing, each until a date. */
  readonly acknowledgements: readonly Acknowledgement[];
  /**
   * `launch-ready:routes` with `launch-ready:roles`: the application's routes, who may call each and what each is
   * for. Absent when the stack declares none; the rate-limit planner, the uptime checks and the authz probe read it.
   */
  readonly routes?: RouteInventorySpec;
}
