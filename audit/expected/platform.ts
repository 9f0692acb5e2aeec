/**
 * The certificate authorities the platform itself uses, as CAA issuer domains (RFC 8659 §4.2): Cloudflare's
 * edge certificates (Universal/Advanced SSL issue from any of these) and AWS Certificate Manager.
 */
export const CLOUDFLARE_CAA_ISSUERS = ["letsencrypt.org", "pki.goog", "ssl.com", "digicert.com", "comodoca.com", "sectigo.com"] as const;
export const ACM_CAA_ISSUER = "amazon.com";
