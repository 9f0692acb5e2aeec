/**
 * Which runbook a failing check points on-call to (`runbooks/<name>.md`). Checks of the application itself
 * (headers, cookies, CORS, authorisation) have none: their fix is in the application's code, which the check's
 * remediation names.
 */
const BY_ID: { readonly [id: string]: string } = {
  "tls.cert_valid": "certificate-expiry",
  "tls.cert_expiry": "certificate-expiry",
  "tls.key_sig": "certificate-expiry",
  "caa.issuer_match": "certificate-expiry",
  "dns.zone_adopted": "dns-adoption",
  "dns.adopted_retained": "dns-adoption",
  "monitoring.cert_expiry_alarm": "certificate-expiry",
};

const BY_PREFIX: readonly (readonly [string, string])[] = [
  ["tls.", "https-redirects"],
  ["web.", "https-redirects"],
  ["hsts.", "https-redirects"],
  ["redirect.", "https-redirects"],
  ["dns.", "dns-rollback"],
  ["caa.", "dns-rollback"],
  ["dnssec.", "dnssec"],
  ["spf.", "email-spam"],
  ["dmarc.", "email-spam"],
  ["dkim.", "email-spam"],
  ["mtasts.", "email-spam"],
  ["tlsrpt.", "email-spam"],
  ["mx.", "email-spam"],
  ["rate.", "error-spike"],
  ["secrets.", "secret-rotation"],
  ["monitoring.", "alerts"],
  ["backup.", "restore"],
];

/** The runbook a check links to, or undefined for checks of the application's own code. */
export function runbookForCheck(id: string): string | undefined {
  return BY_ID[id] ?? BY_PREFIX.find(([prefix]) => id.startsWith(prefix))?.[1];
}

/** The link as the reports print it. */
export function runbookLink(id: string): string | undefined {
  const name = runbookForCheck(id);
  return name === undefined ? undefined : `runbooks/${name}.md`;
}
