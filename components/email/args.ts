import type * as pulumi from "@pulumi/pulumi";

/** A DKIM selector the provider hosts: a CNAME to the target its console shows. */
export interface DkimCnameArgs {
  /** The selector, e.g. `s1` (published at `<selector>._domainkey.<domain>`). */
  readonly selector: string;
  /** The CNAME target the provider's console shows, e.g. `s1.domainkey.u123.wl.sendgrid.net`. */
  readonly target: string;
}

/** A DKIM public key published here as TXT. */
export interface DkimTxtArgs {
  /** The selector, e.g. `google`. */
  readonly selector: string;
  /** The base64 public key (`p=`), or the whole `v=DKIM1; k=rsa; p=…` record, as the provider's console shows it. */
  readonly publicKey: string;
  /** Accepts a 1024-bit key: why the provider issues no longer one (a sentence a reviewer can check). Default: refused. */
  readonly weakKeyReason?: string | undefined;
}

export type DkimKeyArgs = DkimCnameArgs | DkimTxtArgs;

/** A sender named by its provider, with the facts its DKIM needs. */
export type EmailSenderArgs =
  | "amazon-ses"
  | "google-workspace"
  | "microsoft-365"
  | "postmark"
  | "sendgrid"
  | "mailgun"
  | {
      readonly provider: "amazon-ses";
      /** The SES region. Default: `awsRegion` of the component (the stack's `aws:region`), else us-east-1. */
      readonly region?: string | undefined;
      /** The custom MAIL FROM subdomain label. Default `mail` (so `mail.<domain>`, aligned with the domain). */
      readonly mailFrom?: string;
    }
  | {
      readonly provider: "google-workspace";
      /** The key generated in the Admin console. Default: none (the preview names it as missing). */
      readonly dkim?: { readonly selector?: string; readonly publicKey: string; readonly weakKeyReason?: string | undefined } | undefined;
    }
  | {
      readonly provider: "microsoft-365";
      /** The tenant's initial domain, e.g. `acme.onmicrosoft.com`: gives the `selector1`/`selector2` CNAME targets. */
      readonly tenant?: string | undefined;
      /** The selector CNAMEs the Defender portal shows, when not the tenant's defaults. */
      readonly dkim?: readonly DkimKeyArgs[] | undefined;
    }
  | {
      readonly provider: "postmark" | "sendgrid" | "mailgun";
      /** The selectors from the provider's console. Default: none (the preview names them as missing). */
      readonly dkim?: readonly DkimKeyArgs[];
    }
  | {
      /** Any other sender: its SPF terms and DKIM selectors. */
      readonly custom: {
        /** A short lower-case name, e.g. `billing-mailer`. */
        readonly name: string;
        /** SPF `include:` domains. Default: none. */
        readonly include?: readonly string[];
        /** SPF `ip4:` addresses or ranges. Default: none. */
        readonly ip4?: readonly string[];
        /** SPF `ip6:` addresses or ranges. Default: none. */
        readonly ip6?: readonly string[];
        /** DNS lookups the includes need below themselves. Default: unknown (the SPF budget cannot be proven). */
        readonly nestedLookups?: number | undefined;
        /** DKIM selectors. Default: none. */
        readonly dkim?: readonly DkimKeyArgs[];
      };
    };

/** A domain's mail: the same keys, defaults and rules as the `email` section of a stack file's domain entry. */
export interface EmailSectionArgs {
  /** Who sends mail as the domain. `[]`: a parked domain (null MX, `v=spf1 -all`, DMARC reject, revoked DKIM). */
  readonly senders: readonly EmailSenderArgs[];
  /** `softfail` (`~all`, the default: DMARC decides, forwarded mail survives) or `fail` (`-all`). */
  readonly spfAll?: "softfail" | "fail";
  /** DMARC at `_dmarc.<domain>`. */
  readonly dmarc?: {
    /** `quarantine` (default), `reject`, or `none` (only with `noneUntil`, and a warning). */
    readonly policy?: "none" | "quarantine" | "reject";
    /** Required with `none`: the last day (YYYY-MM-DD) the domain only monitors. */
    readonly noneUntil?: string | Date | undefined;
    /** `sp=`. Default: the same as `policy`. */
    readonly subdomainPolicy?: "none" | "quarantine" | "reject" | undefined;
    /** `adkim`/`aspf`. Default `relaxed`. */
    readonly alignment?: "relaxed" | "strict";
    /** `mailto:` URIs for aggregate reports. Required for a sending domain. */
    readonly rua?: readonly string[];
  };
  /** MTA-STS (policy served by a Cloudflare Worker at `mta-sts.<domain>`). Default: none. */
  readonly mtaSts?: { readonly mode?: "none" | "testing" | "enforce"; readonly maxAgeSeconds?: number } | undefined;
  /** Other domains whose DMARC reports this domain receives (publishes their RFC 7489 §7.1 authorisation). Default: none. */
  readonly acceptReportsFor?: readonly string[];
  /** TLS-RPT report URIs (`mailto:` or `https:`). Default: the DMARC `rua`. */
  readonly tlsRpt?: { readonly rua?: readonly string[] } | undefined;
}

export interface EmailArgs {
  /** The domain, e.g. `acme.example` (the zone's apex or a subdomain in it). */
  readonly domain: string;
  /** The Cloudflare zone the records go into. */
  readonly zoneId: pulumi.Input<string>;
  /** The Cloudflare account, for the MTA-STS Worker. Required when `email.mtaSts.mode` is `testing` or `enforce`. */
  readonly accountId?: pulumi.Input<string>;
  /** The mail settings. */
  readonly email: EmailSectionArgs;
  /** Every domain this program manages: DMARC reports to them need no request to anyone. Default: `[domain]`. */
  readonly managedDomains?: readonly string[];
  /** MX records of the domain made elsewhere (MTA-STS covers them). Default: none (Google Workspace's when it is a sender). */
  readonly mx?: readonly { readonly priority: number; readonly host: string }[];
  /** The default SES region. Default: us-east-1. */
  readonly awsRegion?: string;
}
