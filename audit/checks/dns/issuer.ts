/**
 * Which CAA issuer domain a certificate's issuer is. CAA names CAs by domain (RFC 8659 §4.2), certificates by
 * subject organisation: this table joins the two for the CAs a SaaS domain is likely to meet.
 */
const BY_ORGANISATION: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/let'?s encrypt/i, ["letsencrypt.org"]],
  [/google trust services/i, ["pki.goog"]],
  [/^amazon/i, ["amazon.com", "amazontrust.com", "awstrust.com", "amazonaws.com"]],
  [/digicert/i, ["digicert.com"]],
  [/sectigo|comodo/i, ["sectigo.com", "comodoca.com"]],
  [/zerossl/i, ["sectigo.com"]],
  [/ssl corporation|ssl\.com/i, ["ssl.com"]],
  [/globalsign/i, ["globalsign.com"]],
  [/cloudflare/i, ["digicert.com", "letsencrypt.org", "pki.goog", "ssl.com"]],
];

export function organisationOf(dn: string): string | undefined {
  const m = /(?:^|,\s*)O=([^,]+)/.exec(dn);
  return m?.[1]?.trim();
}

/** The CAA domains that identify this issuer; empty when the CA is not one we know. */
export function caaDomainsForIssuer(issuerDn: string): readonly string[] {
  const org = organisationOf(issuerDn) ?? issuerDn;
  for (const [re, domains] of BY_ORGANISATION) if (re.test(org)) return domains;
  return [];
}
