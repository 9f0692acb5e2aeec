/**
 * The mail services the toolkit knows, with what each needs in DNS. The SPF lookup costs are what each provider's
 * published SPF include needed when this table was last checked (see `SPF_COSTS_CHECKED`): the include itself plus
 * every include/a/mx/exists/redirect below it (RFC 7208 §4.6.4). Providers change their records; the auditor
 * measures the real count live (spf.lookups), this table only lets the preview refuse a plan that cannot fit.
 * Where a cost was not certain the higher figure is kept, so the static budget errs towards refusing.
 */

/** When the nested lookup costs below were last checked against the providers' published records. */
export const SPF_COSTS_CHECKED = "2025-06";

export const KNOWN_SENDERS = ["amazon-ses", "google-workspace", "microsoft-365", "postmark", "sendgrid", "mailgun"] as const;
export type KnownSender = (typeof KNOWN_SENDERS)[number];

export interface SenderFacts {
  readonly label: string;
  /**
   * The include the domain's own SPF gets; undefined when the provider's envelope sender is another domain (SES
   * with a custom MAIL FROM: its SPF is published at the MAIL FROM subdomain instead; Postmark: its Return-Path).
   */
  readonly include?: string;
  /** DNS lookups the include costs: 1 for the include plus its nested terms. */
  readonly lookups: number;
  /** How DKIM is published for this provider, and where its values come from. */
  readonly dkim: string;
}

export const SENDERS: Readonly<Record<KnownSender, SenderFacts>> = {
  // SES with a custom MAIL FROM domain: SPF is checked at the MAIL FROM subdomain (`include:amazonses.com` there),
  // so the apex needs no SES term (AWS SES developer guide, "Using a custom MAIL FROM domain").
  "amazon-ses": { label: "Amazon SES", lookups: 0, dkim: "Easy DKIM: three CNAMEs from the SES identity's tokens (made by the stack)" },
  // _spf.google.com includes _netblocks, _netblocks2 and _netblocks3: 4 lookups.
  "google-workspace": { label: "Google Workspace", include: "_spf.google.com", lookups: 4, dkim: "TXT `google._domainkey` with the key generated in the Admin console (Apps › Gmail › Authenticate email)" },
  // spf.protection.outlook.com includes spfd.protection.outlook.com: 2 lookups.
  "microsoft-365": { label: "Microsoft 365", include: "spf.protection.outlook.com", lookups: 2, dkim: "CNAMEs `selector1`/`selector2._domainkey` to the tenant's targets (Defender portal › Email authentication › DKIM)" },
  // Postmark signs with its own bounce domain by default; the include is for teams that send from the apex.
  postmark: { label: "Postmark", include: "spf.mtasv.net", lookups: 1, dkim: "TXT `<date>pm._domainkey` with the key shown in the Postmark sender signature" },
  // sendgrid.net carries ip4 ranges and one nested include: 2 lookups, kept high.
  sendgrid: { label: "SendGrid", include: "sendgrid.net", lookups: 2, dkim: "CNAMEs `s1`/`s2._domainkey` to the targets shown in SendGrid's domain authentication" },
  // mailgun.org includes _spf.mailgun.org and _spf.eu.mailgun.org: 3 lookups.
  mailgun: { label: "Mailgun", include: "mailgun.org", lookups: 3, dkim: "TXT `<selector>._domainkey` with the key shown in Mailgun's domain settings" },
};

/** Google Workspace's inbound MX (one host since 2023: `smtp.google.com`, priority 1). */
export const GOOGLE_MX = { priority: 1, host: "smtp.google.com" } as const;

/** The classic Microsoft 365 DKIM CNAME target: `selectorN-<domain with - for .>._domainkey.<tenant>`. */
export function microsoftDkimTarget(domain: string, selector: "selector1" | "selector2", tenant: string): string {
  return `${selector}-${domain.replace(/\./g, "-")}._domainkey.${tenant}`;
}

/**
 * MX hosts of the known providers, which have addresses (checked with the costs above): the preview can judge
 * `mx.records` for them; any other host outside the stack is "cannot tell" until the auditor resolves it.
 */
export function isKnownProviderMx(host: string): boolean {
  return host === GOOGLE_MX.host || /\.mail\.protection\.outlook\.com$/.test(host) || /^feedback-smtp\.[a-z0-9-]+\.amazonses\.com$/.test(host) || /^in(bound)?-smtp\.[a-z0-9-]+\.amazonaws\.com$/.test(host);
}

/** The includes of the known providers (they exist and include nothing of the user's: no void lookup, no loop). */
export const KNOWN_INCLUDES: readonly string[] = [...Object.values(SENDERS).flatMap((s) => (s.include !== undefined ? [s.include] : [])), "amazonses.com"];
