/**
 * The `launch-ready:` stack-config namespace, as users write it in `stacks/Pulumi.<stack>.yaml`.
 * Every object is strict (an unknown key is an error, usually a typo), every field says what it is for
 * (the descriptions feed the exported JSON Schema, so editors complete and explain the config).
 */
import { MIN_RPO_HOURS } from "../core/backup/plan";
import { parseBackupSchedule } from "../core/backup/schedule";
import { z } from "zod";
import { CLOUDFLARE_PLANS, DNS_RECORD_TYPES, EMAIL_SENDERS, RATE_LIMIT_METHODS, RATE_LIMIT_PRESETS } from "../core/spec/vocabulary";
import { acknowledgementsSchema } from "./acknowledgements";
import { SECRET_PLACEHOLDER } from "./stack-file";
import { rolesSchema, routesSchema } from "./routes";

export { CLOUDFLARE_PLANS, DNS_RECORD_TYPES, EMAIL_SENDERS, RATE_LIMIT_PRESETS };
import { hostNameProblem, recordNameProblem, toALabels } from "../core/dns/names";
import { SSL_MODES } from "../core/edge/zone-settings";

/** A host name, given as A- or U-labels, normalised to lower-case A-labels. */
export const hostName = z
  .string()
  .transform((raw, ctx) => {
    const ascii = toALabels(raw);
    const problem = ascii === undefined ? "is not a host name" : hostNameProblem(ascii);
    if (ascii === undefined || problem !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `'${raw}' ${problem ?? "is not a host name"}. Write a fully qualified host name such as acme.example or www.acme.example.`,
      });
      return z.NEVER;
    }
    return ascii;
  })
  .meta({ description: "A fully qualified host name, e.g. `acme.example` (IDNs may be written in Unicode)." });

/** A DNS record owner name: a host name whose labels may also be underscored (`_dmarc.acme.example`). */
export const recordName = z
  .string()
  .transform((raw, ctx) => {
    const ascii = toALabels(raw);
    const problem = ascii === undefined ? "is not a DNS name" : recordNameProblem(ascii);
    if (ascii === undefined || problem !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `'${raw}' ${problem ?? "is not a DNS name"}. Write the record's fully qualified name, such as www.acme.example or _dmarc.acme.example.`,
      });
      return z.NEVER;
    }
    return ascii;
  })
  .meta({ description: "The record's fully qualified name, e.g. `_dmarc.acme.example`." });

const emailAddress = z.email({ message: "must be an email address such as oncall@acme.example" });

const mailtoUri = z
  .string()
  .regex(/^mailto:[^@\s,!]+@[^@\s,!]+$/, { message: "must be a `mailto:` URI such as mailto:dmarc@acme.example" });

const httpsUrl = z
  .url({ protocol: /^https$/, message: "must be an https:// URL such as https://app.acme.example/healthz" });

/** Cloudflare 32-hex-digit identifiers (zone, account, record). */
const cloudflareId = z
  .string()
  .regex(/^[0-9a-f]{32}$/, { message: "must be a 32-character hexadecimal Cloudflare id (copy it from the dashboard's Overview page)" });



const cloudflareSchema = z.strictObject({
  plan: z
    .enum(CLOUDFLARE_PLANS)
    .default("free")
    .meta({ description: "The zone's Cloudflare plan: rate-limit rules are fitted to what it allows." }),
  zoneId: cloudflareId
    .optional()
    .meta({ description: "The existing zone's id. Without it the zone is looked up by name. The zone is never created or deleted." }),
  rulesetIds: z
    .strictObject({
      http_request_dynamic_redirect: cloudflareId
        .optional()
        .meta({ description: "Id of the zone's existing redirect entrypoint ruleset, adopted with `import: zones/<zoneId>/<id>` rather than created (a zone has at most one per phase)." }),
      http_ratelimit: cloudflareId
        .optional()
        .meta({ description: "Id of the zone's existing rate limiting entrypoint ruleset, adopted like the redirect one." }),
      http_request_firewall_managed: cloudflareId
        .optional()
        .meta({ description: "Id of the zone's existing managed WAF entrypoint ruleset (paid plans), adopted like the redirect one." }),
    })
    .prefault({})
    .meta({ description: "Existing phase entrypoint rulesets to adopt, by phase." }),
  adoptRecords: z
    .array(
      z.strictObject({
        name: recordName.meta({ description: "The record's fully qualified name, as the stack plans it." }),
        type: z.enum(DNS_RECORD_TYPES),
        id: cloudflareId.meta({ description: "The record's id: `GET /zones/<zoneId>/dns_records?name=<name>&type=<type>` lists it." }),
        content: z
          .string()
          .optional()
          .meta({ description: "The record's content, needed only when the stack plans several records of this name and type (CAA, TXT, MX)." }),
      }),
    )
    .default([])
    .meta({
      description:
        "Records that already exist and that the stack also plans: they are imported (adopted) and kept on delete, never recreated. Records the stack does not plan are left alone.",
    }),
  imported: z
    .boolean()
    .default(false)
    .meta({
      description:
        "Adoption takes two `pulumi up`s (runbooks/dns-adoption.md). `false` (the import step): everything in `adoptRecords` and `rulesetIds` is imported exactly as it is live, and Always Use HTTPS is left as it is while a redirect entrypoint is adopted. Set `true` once that up has succeeded: the next up applies the stack's values to them (comment, TTL, proxying, redirect rules), then switches Always Use HTTPS off.",
    }),
});

/** One year: the checklist's minimum, hstspreload.org's minimum for preload, and the most Cloudflare's HSTS setting takes. */
export const HSTS_MAX_AGE_LIMIT = 31536000;

const hstsSchema = z.strictObject({
  maxAgeSeconds: z
    .number()
    .int({ message: "must be a whole number of seconds" })
    .min(0, { message: "must be 0 or more (31536000 = one year is the launch minimum)" })
    .max(HSTS_MAX_AGE_LIMIT, {
      message: "is over 12 months: Cloudflare's HSTS setting (SSL/TLS → Edge Certificates) accepts a max-age of at most 12 months; use 31536000 (one year, also the preload minimum)",
    })
    .default(HSTS_MAX_AGE_LIMIT)
    .meta({
      description:
        "HSTS max-age in seconds, sent by Cloudflare's HSTS setting, which accepts 0 (off) up to 12 months. The checklist requires 31536000 (one year), which is also the minimum hstspreload.org requires for `preload`: with Cloudflare that means exactly one year.",
    }),
  includeSubdomains: z
    .boolean()
    .default(true)
    .meta({ description: "Apply HSTS to every subdomain. Required by the checklist; every subdomain must serve HTTPS." }),
  preload: z
    .boolean()
    .default(false)
    .meta({ description: "Ask browsers to preload HSTS. Hard to undo: only when every subdomain is HTTPS for good." }),
});

const originSchema = z
  .string()
  .meta({
    description:
      "Where the web hosts' traffic goes: a host name (CNAME, flattened at the apex) or an IPv4/IPv6 address (A/AAAA).",
  });

const webHostSchema = z.strictObject({
  name: hostName.meta({ description: "Another host that serves HTTP behind Cloudflare, e.g. app.acme.example." }),
  origin: originSchema.optional(),
});


const caaSchema = z.strictObject({
  issuers: z
    .array(z.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, { message: "must be a CA's issuer domain such as `digicert.com`" }))
    .default([])
    .meta({ description: "Further CAs allowed to issue (their CAA issuer domains), beside Cloudflare's edge CAs and ACM's." }),
  iodef: z
    .string()
    .regex(/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/, { message: "must be a mailto: or https: URL, e.g. mailto:security@acme.example" })
    .optional()
    .meta({ description: "Where CAs report refused certificate requests (CAA iodef, RFC 8659 §4.4)." }),
  acm: z
    .boolean()
    .optional()
    .meta({ description: "ACM certificates are in use, so `amazon.com` is allowed. Defaults to true when an origin is an AWS load balancer or CloudFront." }),
});

const legacyPathSchema = z.strictObject({
  from: z
    .string()
    .regex(/^\/[^\s?#]*$/, { message: "must be a URL path starting with `/`, without query or fragment" })
    .refine((p) => !p.startsWith("/.well-known/"), {
      message: "is under /.well-known/, which the redirect rules always leave alone: certificate validation (ACME, Cloudflare's DCV) fetches it over plain http; redirect it at the origin instead",
    }),
  to: z.string().min(1).meta({ description: "A path on the canonical host (`/pricing`) or an absolute URL." }),
});

const webSchema = z.strictObject({
  origin: originSchema.optional(),
  redirectTo: z
    .string()
    .optional()
    .meta({ description: "Makes this a redirect-only (legacy) domain: every host redirects, path and query kept, to this URL, e.g. `https://acme.example`." }),
  ssl: z
    .enum(SSL_MODES)
    .default("strict")
    .meta({ description: "Cloudflare's SSL mode. `strict` (the default) validates the origin certificate; `flexible` and `full` are accepted but fail the tls.ssl_strict check." }),
  caa: caaSchema.prefault({}).meta({ description: "CAA: which CAs may issue certificates for the domain." }),
  legacyPaths: z
    .array(legacyPathSchema)
    .default([])
    .meta({ description: "Old paths that redirect in one 301 to their new place, on every web host of the domain." }),
  canonicalHost: hostName
    .optional()
    .meta({ description: "The one host every alias redirects to. Defaults to the domain itself." }),
  aliases: z
    .array(hostName)
    .optional()
    .meta({ description: "Hosts that redirect to the canonical host in one 301. Defaults to `www.<domain>` (or the apex when www is canonical)." }),
  hosts: z.array(webHostSchema).default([]).meta({ description: "Further hosts serving HTTP (proxied), e.g. the app." }),
  hsts: hstsSchema.prefault({}),
});


const dnsRecordSchema = z.strictObject({
  name: recordName,
  type: z.enum(DNS_RECORD_TYPES),
  content: z.string().min(1, { message: "is empty: give the record's value" }),
  ttl: z
    .number()
    .int()
    .refine((n) => n === 1 || (n >= 60 && n <= 86400), { message: "must be 1 (automatic) or 60..86400 seconds" })
    .default(1),
  proxied: z.boolean().default(false),
  priority: z.number().int().min(0).max(65535).optional().meta({ description: "MX/SRV priority." }),
});


// ── email (issue 10): senders, SPF, DKIM, DMARC, MTA-STS, TLS-RPT ──
const dkimSelector = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9][a-z0-9_-]{0,62})*$/i, { message: "must be a DKIM selector such as `s1` or `google` (letters, digits, `-`, `_`)" });
const dkimKeySchema = z.union([
  z.strictObject({
    selector: dkimSelector,
    target: z.string().regex(/^[a-z0-9_.-]+\.[a-z]{2,}\.?$/i, { message: "must be the host name the provider gives for the selector's CNAME" }).meta({ description: "The provider-hosted key: the CNAME target its console shows." }),
  }),
  z.strictObject({
    selector: dkimSelector,
    publicKey: z.string().min(1).meta({ description: "The public key (base64 `p=` value, or the whole `v=DKIM1; …` record) its console shows. Keys below 2048 bits are refused; 1024 only with `weakKeyReason`." }),
    weakKeyReason: z.string().trim().min(10, { message: "must say why in a sentence a reviewer can check" }).optional().meta({ description: "Accepts a 1024-bit key: why the provider issues no longer one." }),
  }),
]);
const senderObjectSchema = z.union([
  z.strictObject({
    provider: z.literal("amazon-ses"),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { message: "must be an AWS region such as eu-west-1" }).optional().meta({ description: "The SES region. Default: the stack's `aws:region`, else us-east-1." }),
    mailFrom: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: "must be one DNS label such as `mail`" }).default("mail").meta({ description: "The custom MAIL FROM subdomain label (SPF aligns through it). Default `mail`." }),
  }),
  z.strictObject({
    provider: z.literal("google-workspace"),
    dkim: z.strictObject({ selector: dkimSelector.default("google"), publicKey: z.string().min(1), weakKeyReason: z.string().trim().min(10).optional() }).optional().meta({ description: "The key from the Admin console (Apps › Google Workspace › Gmail › Authenticate email); 2048-bit." }),
  }),
  z.strictObject({
    provider: z.literal("microsoft-365"),
    tenant: z.string().regex(/^[a-z0-9-]+\.onmicrosoft\.com$/i, { message: "must be the tenant's initial domain, e.g. acme.onmicrosoft.com" }).optional().meta({ description: "The tenant's initial domain: gives the `selector1`/`selector2` CNAME targets." }),
    dkim: z.array(dkimKeySchema).optional().meta({ description: "The selector CNAMEs the Defender portal shows, when they differ from the tenant's defaults." }),
  }),
  z.strictObject({
    provider: z.enum(["postmark", "sendgrid", "mailgun"]),
    dkim: z.array(dkimKeySchema).default([]).meta({ description: "The selectors from the provider's console: a CNAME `target` or a TXT `publicKey`." }),
  }),
  z.strictObject({
    custom: z.strictObject({
      name: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, { message: "must be a short lower-case name such as `billing-mailer`" }),
      include: z.array(recordName).default([]).meta({ description: "SPF `include:` domains (underscored labels such as `_spf.crm.example` allowed)." }),
      ip4: z.array(z.string().regex(/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/, { message: "must be an IPv4 address or range such as 192.0.2.0/24" })).default([]),
      ip6: z.array(z.string().regex(/^[0-9a-f:]+(\/\d{1,3})?$/i, { message: "must be an IPv6 address or range such as 2001:db8::/32" })).default([]),
      nestedLookups: z.number().int().min(0).max(10).optional().meta({ description: "DNS lookups the includes need below themselves (`launch-ready audit` measures them); without it the SPF budget cannot be proven." }),
      dkim: z.array(dkimKeySchema).default([]),
    }),
  }),
]);

const emailSchema = z.strictObject({
  senders: z
    .array(z.union([z.enum(EMAIL_SENDERS), senderObjectSchema]))
    .meta({ description: "Services that send mail as this domain: a provider's name, a provider with its DKIM facts, or `custom`. `[]` marks a parked domain (null MX, `v=spf1 -all`, DMARC reject, revoked DKIM)." }),
  spfAll: z.enum(["softfail", "fail"]).default("softfail").meta({ description: "How SPF ends: `softfail` (`~all`, default: DMARC decides; forwarded mail survives) or `fail` (`-all`). `?all`/`+all` are never written." }),
  dmarc: z
    .strictObject({
      policy: z.enum(["none", "quarantine", "reject"]).default("quarantine"),
      noneUntil: z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim())).optional().meta({ description: "Required with `policy: none`: the last day (YYYY-MM-DD) the domain only monitors." }),
      subdomainPolicy: z.enum(["none", "quarantine", "reject"]).optional().meta({ description: "`sp=`. Default: the same as `policy`." }),
      alignment: z.enum(["relaxed", "strict"]).default("relaxed").meta({ description: "`adkim`/`aspf`. Default `relaxed` (subdomains such as the SES MAIL FROM align)." }),
      rua: z.array(mailtoUri).default([]).meta({ description: "Where aggregate reports go (required for a sending domain). Another domain must authorise it (RFC 7489 §7.1); the stack publishes that when it manages the domain." }),
    })
    .prefault({}),
  mtaSts: z.strictObject({
    mode: z.enum(["none", "testing", "enforce"]).default("testing"),
    maxAgeSeconds: z.number().int().min(86400).max(31557600).default(604800),
  }).optional(),
  acceptReportsFor: z.array(hostName).default([]).meta({ description: "Other domains whose DMARC reports this domain receives: publishes `<other>._report._dmarc.<this>` (RFC 7489 §7.1). A stack file fills it in for its own domains." }),
  tlsRpt: z.strictObject({ rua: z.array(z.string().regex(/^(mailto:[^@\s,!]+@[^@\s,!]+|https:\/\/\S+)$/, { message: "must be a mailto: or https: URI" })).default([]) }).optional().meta({ description: "TLS-RPT report destinations. Default: the DMARC `rua`." }),
});


const rateLimitPath = z
  .string()
  .regex(/^\/[^\s"\\]*$/, { message: "must be a URL path starting with `/`, without spaces, quotes or backslashes" });

const rateLimitRuleSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,40}$/, { message: "must be a short lower-case name such as `login`" })
      .meta({ description: "The endpoint's name. A preset's name (`login`, `password-reset`, `invite`, `search`) is that endpoint: omitted values take the preset's." }),
    path: rateLimitPath.optional().meta({ description: "The exact path to protect, e.g. `/api/login`. Give `path` or `prefix`." }),
    prefix: rateLimitPath.optional().meta({ description: "Protect every path under this prefix, e.g. `/api/auth/`. Give `path` or `prefix`." }),
    method: z.enum(RATE_LIMIT_METHODS).optional().meta({ description: "One HTTP method to count (the same as `methods: [M]`)." }),
    methods: z
      .array(z.enum(RATE_LIMIT_METHODS))
      .optional()
      .meta({ description: "HTTP methods to count. Default: every method (a preset's: its own). Only Business and Enterprise rules can match methods; below, every method counts and the preview says so." }),
    requests: z.number().int().positive().optional().meta({ description: "At most this many requests per period and IP (required unless `name` is a preset)." }),
    periodSeconds: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: "The counting period in seconds (required unless `name` is a preset). Snapped to one the plan allows without allowing more, and the preview says how." }),
    mitigationSeconds: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: "How long a client over the limit stays blocked. Default: the period (a preset's: its own)." }),
    action: z
      .enum(["block", "managed_challenge"])
      .optional()
      .meta({ description: "`block` (429, for APIs) or `managed_challenge` (pages browsers load). Default `block` (a preset's: its own)." }),
  })
  .refine((r) => (r.path === undefined) !== (r.prefix === undefined) || (r.path === undefined && r.prefix === undefined && (RATE_LIMIT_PRESETS as readonly string[]).includes(r.name)), {
    message: "needs exactly one of `path` or `prefix`",
  });

const monitoringSchema = z.strictObject({
  checks: z
    .array(
      z.strictObject({
        url: httpsUrl.meta({ description: "An https URL to health-check, e.g. `https://app.acme.example/healthz`." }),
        searchString: z
          .string()
          .min(1)
          .max(255, { message: "is over 255 characters, Route 53's limit for a search string" })
          .optional()
          .meta({ description: "Text the response's first 5,120 bytes must contain (Route 53 HTTPS_STR_MATCH). Default: any 2xx/3xx is healthy." }),
      }),
    )
    .default([])
    .meta({ description: "URLs to health-check besides the homepage (checked always) and the login and health routes of `launch-ready:routes`: the login page and the API's health endpoint when no route gives them." }),
  latencyP95Ms: z
    .number()
    .int()
    .positive()
    .default(500)
    .meta({ description: "Alarm when the p95 of time-to-first-byte, measured by the health checks, exceeds this many ms. The checklist's limit is 500." }),
  certExpiryDays: z
    .number()
    .int()
    .min(1)
    .max(90)
    .default(14)
    .meta({ description: "Alarm when the certificate clients are served has fewer days left than this (14 or more passes the checklist)." }),
  loadBalancerArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/app\/[^/]+\/[0-9a-f]+$/, {
      message: "must be an Application Load Balancer ARN such as arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/acme/50dc6c495c0c9188",
    })
    .optional()
    .meta({ description: "The origin's Application Load Balancer: its 5xx rate is alarmed from its metrics. Without it the 5xx rate is not alarmed, and the preview says so." }),
  fiveXxRatePercent: z
    .number()
    .positive()
    .max(100)
    .default(5)
    .meta({ description: "Alarm when more than this percentage of the load balancer's requests get a 5xx from the targets." }),
});

export const domainSchema = z.strictObject({
  name: hostName.meta({ description: "The registered domain (the Cloudflare zone), e.g. acme.example." }),
  cloudflare: cloudflareSchema.prefault({}),
  dnssec: z
    .boolean()
    .default(true)
    .meta({ description: "Sign the zone with DNSSEC. The DS record to publish at the registrar is a stack output (see runbooks/dnssec.md)." }),
  web: webSchema.optional().meta({ description: "Hosts that serve HTTP, redirects and HSTS. Omit for a domain that serves no web traffic." }),
  dns: z
    .strictObject({ records: z.array(dnsRecordSchema).default([]) })
    .prefault({})
    .meta({ description: "Further DNS records the stack manages." }),
  email: emailSchema.optional(),
  rateLimits: z
    .array(z.union([z.enum(RATE_LIMIT_PRESETS), rateLimitRuleSchema]))
    .default([])
    .meta({ description: "Endpoints to rate-limit at Cloudflare's edge: a preset's name, or a full rule. Fitted to `cloudflare.plan`; the preview lists every compromise." }),
  monitoring: monitoringSchema
    .optional()
    .meta({ description: "Uptime, p95 latency, 5xx and certificate-expiry alarms for the domain, routed to `launch-ready:alerts`. Omit it and the monitoring checks say \"not configured\"." }),
});

export const alertsSchema = z.strictObject({
  emails: z
    .array(emailAddress)
    .min(1, { message: "needs at least one address: alarms must reach a human" })
    .meta({ description: "On-call addresses, each subscribed to the alert topics. AWS emails each a confirmation link: until it is clicked, nothing is delivered (the `alerts` stack output shows which are pending)." }),
  webhookUrl: z
    .string()
    .refine((v) => v === SECRET_PLACEHOLDER || /^https:\/\/[^\s/]+/.test(v), { message: "must be an https:// URL such as https://hooks.chat.example/T000/B000 (set it with `pulumi config set --secret`)" })
    .optional()
    .meta({ description: "An HTTPS endpoint (a chat webhook) subscribed beside the emails. Write it as a secret (`pulumi config set --secret`); it is shown as [secret]." }),
});

export const secretsSchema = z.array(
  z.strictObject({
    name: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, { message: "must be lower-case letters, digits and hyphens, such as `session-signing-key`" }),
    length: z.number().int().min(16, { message: "must be at least 16 characters" }).max(4096).default(64),
    rotateAfterDays: z.number().int().min(1).max(365).default(90),
    fromConfig: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$/, { message: "must be a full config key, such as `acme:stripeApiKey`" })
      .optional()
      .meta({ description: "Take the first value from this config key, set with `pulumi config set --secret <key> …`, instead of generating it. Not rotated by the toolkit's function (it would replace the value): give `rotationFunctionArn`, or rotate it at its issuer." }),
    rotationFunctionArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/, { message: "must be a Lambda function ARN, such as `arn:aws:lambda:eu-west-1:123456789012:function:rotate-stripe-key`" })
      .optional()
      .meta({ description: "A rotation function of your own for this secret (e.g. one that asks the issuer for a new key). Default: the toolkit's, which generates a new value; a `fromConfig` secret needs its own." }),
  }),
);

export const backupsSchema = z.strictObject({
  selectionTag: z.record(z.string().min(1), z.string().min(1)).refine((t) => Object.keys(t).length === 1, {
    message: "must be exactly one tag, such as `{ backup: daily }`",
  }),
  retentionDays: z.number().int().min(1).max(36500).default(35),
  rpoHours: z.number().int().min(MIN_RPO_HOURS, { message: `must be at least ${MIN_RPO_HOURS}: AWS Backup runs at most hourly and a job may start up to its 60-minute start window late` }).max(168).default(24),
  rtoHours: z.number().int().min(1).max(168).default(4),
  restoreTesting: z.enum(["off", "daily", "weekly", "monthly"]).default("weekly"),
  schedule: z
    .string()
    .refine((s) => !("error" in parseBackupSchedule(s)), { message: "must be an AWS cron expression, such as `cron(0 0/12 * * ? *)` (six fields, UTC); AWS Backup takes no rate()" })
    .optional()
    .meta({ description: "The frequent rule's schedule (AWS cron only) instead of the one derived from `rpoHours` (every N hours, N hours plus the 60-minute start window within the RPO; daily at 03:00 UTC from 25 h); backup.plan checks it against `rpoHours`." }),
  vaultLock: z
    .union([
      z.literal(false),
      z.strictObject({
        minRetentionDays: z.number().int().min(1).max(36500).optional(),
        maxRetentionDays: z.number().int().min(1).max(36500).optional(),
        changeableForDays: z.number().int().min(3, { message: "must be 3 or more days (AWS Backup vault lock grace time)" }).optional(),
      }),
    ])
    .optional()
    .meta({
      description:
        "The vault lock: governance mode with `retentionDays` as minimum retention by default; `changeableForDays` makes it compliance mode, immutable after that many days (not even the root user can remove it); `false` leaves the vault unlocked (backup.vault_protected fails).",
    }),
  restoreTestingResourceType: z
    .enum(["Aurora", "DocumentDB", "DynamoDB", "EBS", "EC2", "EFS", "FSx", "Neptune", "RDS", "S3"])
    .default("RDS")
    .meta({ description: "The kind of tagged resource the restore test restores (AWS Backup protected resource type)." }),
  copyToVaultArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:backup:[a-z0-9-]+:\d{12}:backup-vault:.+$/, { message: "must be a backup vault ARN, such as `arn:aws:backup:eu-central-1:123456789012:backup-vault:dr`" })
    .optional()
    .meta({ description: "A backup vault in a second region to copy each frequent recovery point to, kept as long." }),
});

/** The whole namespace, keyed as in the stack file. */
export const launchReadyConfigSchema = z.strictObject({
  "launch-ready:domains": z.array(domainSchema).min(1, { message: "needs at least one domain" }),
  "launch-ready:alerts": alertsSchema.optional(),
  "launch-ready:secrets": secretsSchema.default([]),
  "launch-ready:backups": backupsSchema.optional(),
  "launch-ready:acknowledge": acknowledgementsSchema,
  "launch-ready:roles": rolesSchema,
  "launch-ready:routes": routesSchema,
});

export type LaunchReadyConfigInput = z.input<typeof launchReadyConfigSchema>;
export type LaunchReadyConfig = z.output<typeof launchReadyConfigSchema>;
export type DomainConfig = z.output<typeof domainSchema>;
