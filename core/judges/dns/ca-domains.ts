/**
 * Which CAA issuer domains a certificate's issuer answers to. CAA names CAs by domain (RFC 8659 §4.2),
 * certificates name them by subject organisation: this table joins the two for the CAs a SaaS domain is likely
 * to meet. The platform's own CAs come from core/edge/caa.ts, so the planner and the auditor agree on them.
 */
import { ACM_CAA_ALIASES, CLOUDFLARE_CAA_ISSUERS } from "../../edge/caa";

const BY_ORGANISATION: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/let'?s encrypt/i, ["letsencrypt.org"]],
  [/google trust services/i, ["pki.goog"]],
  [/^amazon/i, ACM_CAA_ALIASES],
  [/digicert/i, ["digicert.com"]],
  [/sectigo|comodo/i, ["sectigo.com", "comodoca.com"]],
  [/zerossl/i, ["sectigo.com"]],
  [/ssl corporation|ssl\.com/i, ["ssl.com"]],
  [/globalsign/i, ["globalsign.com"]],
  // A Cloudflare-branded intermediate ("Cloudflare Inc ECC CA-3") marks a Cloudflare edge certificate: Cloudflare
  // renews it from whichever of its current CAs it chooses.
  [/cloudflare/i, CLOUDFLARE_CAA_ISSUERS],
];

/** The `O=` of a distinguished name such as `C=US, O=Let's Encrypt, CN=R11`. */
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
