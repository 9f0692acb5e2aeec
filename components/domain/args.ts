import type * as pulumi from "@pulumi/pulumi";
import type { CloudflarePlan, DnsRecordType } from "../../core/spec";
import type { SslMode } from "../../core/edge/zone-settings";
import type { RateLimitEntryArgs } from "../rate-limits/args";
import type { EmailSectionArgs } from "../email/args";

/**
 * What a `Domain` is made of: the same keys, defaults and rules as one `launch-ready:domains[]` entry of a stack file
 * (the README's stack config reference), so a stack file and a hand-written program describe a domain the same way. Values that
 * may come from another resource are `pulumi.Input`s.
 */
export interface DomainArgs {
  /** The registered domain, which is the Cloudflare zone's name, e.g. `acme.example` (Unicode names are converted to A-labels). */
  readonly name: string;
  /**
   * The Cloudflare zone and what already exists in it. The zone itself is never created or deleted: bring your own
   * id (`zoneId`, which may be another resource's output) or let it be looked up by `name` (the default).
   */
  readonly cloudflare?: DomainCloudflareArgs;
  /**
   * Sign the zone with DNSSEC. The DS record to publish at the registrar is the `ds` output (runbooks/dnssec.md).
   * Default `true`. `false` skips it (a zone signed before stays signed).
   */
  readonly dnssec?: boolean;
  /** Hosts that serve HTTP, redirects and HSTS. Omit it for a domain that serves no web traffic (no web resources are made). */
  readonly web?: DomainWebArgs;
  /** Further DNS records the component manages. Default: none. */
  readonly dns?: { readonly records?: readonly DnsRecordArgs[] };
  /**
   * Endpoints to rate-limit at Cloudflare's edge: a preset's name (`login`, `password-reset`, `invite`, `search`) or
   * a full rule. Fitted to `cloudflare.plan` (the `rateLimits` child); the preview lists every compromise. Default: none.
   */
  readonly rateLimits?: readonly RateLimitEntryArgs[];
  /**
   * Who sends mail as the domain and the DMARC stance (the `email` child): SPF, DKIM (SES identity with Easy DKIM),
   * DMARC, MTA-STS served by a Worker, TLS-RPT; `senders: []` locks a parked domain down. Default: none (no mail
   * records are made, and the email checks report the domain as not configured).
   */
  readonly email?: EmailSectionArgs;
}

export interface DomainCloudflareArgs {
  /** The zone's plan; rate-limit and redirect rules are fitted to what it allows. Default `"free"`. */
  readonly plan?: CloudflarePlan;
  /**
   * The zone's id: a 32-hex-digit string, or the `id` of a `cloudflare.Zone` or `getZone` elsewhere in your program.
   * Default: looked up by `name`. Adopting records or a ruleset needs it as a plain string, since their import ids
   * contain it.
   */
  readonly zoneId?: pulumi.Input<string>;
  /** Existing phase entrypoint rulesets to adopt (import) instead of create, by phase. Default: none, so one is created. */
  readonly rulesetIds?: { readonly http_request_dynamic_redirect?: string; readonly http_ratelimit?: string; readonly http_request_firewall_managed?: string };
  /**
   * Records that exist already and that this domain also plans: imported and kept on delete, never recreated.
   * Records the component does not plan are never touched. Default: none.
   */
  readonly adoptRecords?: readonly AdoptRecordArgs[];
  /**
   * Adoption takes two `pulumi up`s (runbooks/dns-adoption.md): `false` (the default) imports what is adopted exactly
   * as it is live; set `true` once that up has succeeded, and the next one applies this domain's values to it.
   */
  readonly imported?: boolean;
}

export interface AdoptRecordArgs {
  /** The record's fully qualified name, as the component plans it. */
  readonly name: string;
  readonly type: DnsRecordType;
  /** The record's Cloudflare id (`GET /zones/<zoneId>/dns_records?name=<name>&type=<type>` lists it). */
  readonly id: string;
  /** The record's content: needed only when several records of this name and type are planned (CAA, TXT, MX). */
  readonly content?: string;
}

export interface DomainWebArgs {
  /**
   * Where the web hosts' traffic goes: a host name (a CNAME, flattened at the apex) or an IPv4/IPv6 address.
   * Required unless `redirectTo` is set. An output of another resource (a load balancer's `dnsName`) is taken as a
   * host name, and checked to be one when it is known.
   */
  readonly origin?: pulumi.Input<string>;
  /**
   * Makes this a redirect-only domain: every host redirects, path and query kept, to this URL, e.g.
   * `https://acme.example`. Default: none (the domain serves its own site).
   */
  readonly redirectTo?: string;
  /** Cloudflare's SSL mode. Default `"strict"`, the only mode that passes `tls.ssl_strict`. */
  readonly ssl?: SslMode;
  /** CAA: which CAs may issue certificates. Default: Cloudflare's edge CAs, plus ACM's when an origin is on AWS. */
  readonly caa?: CaaArgs;
  /**
   * Old paths that redirect in one 301 to their new place, on every web host of the domain. A path in `to` is on the
   * canonical host (on `redirectTo`'s host for a redirect-only domain). Default: none.
   */
  readonly legacyPaths?: readonly { readonly from: string; readonly to: string }[];
  /** The one host every alias redirects to. Default: the domain itself. */
  readonly canonicalHost?: string;
  /** Hosts that redirect to the canonical host in one 301. Default: `www.<domain>` (or the apex when www is canonical). */
  readonly aliases?: readonly string[];
  /** Further hosts serving HTTP behind Cloudflare, e.g. the app. Default: none. */
  readonly hosts?: readonly WebHostArgs[];
  /** HSTS as Cloudflare sends it. Default: one year, includeSubDomains, no preload. */
  readonly hsts?: HstsArgs;
}

export interface WebHostArgs {
  /** The host, e.g. `app.acme.example`. */
  readonly name: string;
  /** Its origin, as `web.origin` (which is the default). */
  readonly origin?: pulumi.Input<string>;
}

export interface CaaArgs {
  /** Further CAs allowed to issue (their CAA issuer domains, e.g. `digicert.com`). Default: none. */
  readonly issuers?: readonly string[];
  /** Where CAs report refused requests: a `mailto:` or `https:` URL (RFC 8659 §4.4). Default: none. */
  readonly iodef?: string;
  /**
   * ACM certificates are in use, so `amazon.com` may issue. Default: true when an origin is an AWS load balancer or
   * CloudFront host name; set it when the origin is another resource's output, which cannot be read before apply.
   */
  readonly acm?: boolean;
}

export interface HstsArgs {
  /** max-age in seconds, 0 to 31536000 (Cloudflare's limit is 12 months). Default 31536000, the checklist's value. */
  readonly maxAgeSeconds?: number;
  /** Apply HSTS to every subdomain. Default `true`, which the checklist requires. */
  readonly includeSubdomains?: boolean;
  /** Ask browsers to preload HSTS; hard to undo. Default `false`. */
  readonly preload?: boolean;
}

export interface DnsRecordArgs {
  /** The record's fully qualified name, e.g. `_dmarc.acme.example`. */
  readonly name: string;
  readonly type: DnsRecordType;
  /** The record's value (TXT may be written unquoted: it is quoted and split as needed). */
  readonly content: string;
  /** Seconds, 60 to 86400, or 1 for automatic. Default 1. */
  readonly ttl?: number;
  /** Proxy through Cloudflare (A, AAAA and CNAME only). Default `false`. */
  readonly proxied?: boolean;
  /** MX and SRV priority (required for them). */
  readonly priority?: number;
}
