import { defineRow } from "./define";

export const SSL_TLS = defineRow("ssl-tls", {
  "tls.ssl_strict": {
    title: "Cloudflare validates the origin certificate (SSL mode strict)",
    why: "In 'flexible' or 'full' mode Cloudflare talks to your origin over plain HTTP or accepts any certificate, so login traffic can be read or altered between the edge and your servers.",
    remediation: "Set `web.ssl: strict` (the default) and give the origin a valid certificate (Cloudflare Origin CA or ACM behind a load balancer).",
  },
  "tls.always_https": {
    title: "Every http:// request is redirected to https://",
    why: "A customer who types the bare domain otherwise signs in over plain HTTP on hotel Wi-Fi.",
    remediation: "Keep the redirect ruleset's catch-all rule `http-to-https` (the toolkit plans it and sets `always_use_https` off, so redirects take one hop whatever Cloudflare's ordering); without it, turn `always_use_https` on.",
  },
  "tls.protocols": {
    title: "Only TLS 1.2 and 1.3 are offered",
    why: "TLS 1.0 and 1.1 are deprecated (RFC 8996) and fail enterprise customers' security questionnaires.",
    remediation: "Set `min_tls_version` to 1.2 and turn `tls_1_3` on (the toolkit does both).",
    source: "RFC 8996",
  },
  "tls.cert_valid": {
    title: "The certificate chains to a trusted root, names the host and is within its validity window",
    why: "Browsers block the page outright, and API clients fail with errors your customers' engineers will report as an outage.",
    remediation: "Serve the full chain for every public host; check the SANs cover apex, www and app hosts.",
    source: "RFC 5280, RFC 6125",
  },
  "tls.cert_expiry": {
    title: "The certificate has more than 30 days left",
    why: "An expired certificate takes the whole product down at once, usually on a weekend.",
    remediation: "Use auto-renewing certificates (Cloudflare edge, ACM) and alarm on days-to-expiry (`monitoring.certExpiryDays`).",
  },
  "tls.key_sig": {
    title: "Keys and signatures are strong (RSA ≥ 2048, ECDSA ≥ P-256, SHA-2)",
    why: "Weak keys or SHA-1 signatures are rejected by modern clients and flagged in audits.",
    remediation: "Reissue the certificate with an ECDSA P-256 or RSA 2048+ key.",
    source: "CA/Browser Forum Baseline Requirements",
  },
  "web.https": {
    title: "Apex and www answer over HTTPS",
    why: "A host without HTTPS cannot redirect safely and breaks links customers already have.",
    remediation: "Proxy the apex and www through Cloudflare (`proxied: true`) so the edge certificate covers them.",
  },
  "web.mixed_content": {
    title: "HTTPS pages load no http:// subresources",
    why: "Browsers block active mixed content (scripts, styles, frames): pages break or look broken.",
    remediation: "Keep `automatic_https_rewrites` on and fix hard-coded http:// URLs in templates.",
    source: "W3C Mixed Content",
  },
  "hsts.present": {
    title: "HTTPS responses carry one valid Strict-Transport-Security header",
    why: "Without HSTS the first request of every visit can be downgraded to HTTP by an attacker on the network.",
    remediation: "Enable HSTS through the zone's `security_header` setting (`web.hsts` in the stack config).",
    source: "RFC 6797",
  },
  "hsts.max_age": {
    title: "HSTS max-age is at least one year (31536000 s)",
    why: "A short max-age lapses between visits, so the protection is not there when it matters.",
    remediation: "Set `web.hsts.maxAgeSeconds: 31536000` or more.",
    source: "RFC 6797 §6.1.1",
  },
  "hsts.include_subdomains": {
    title: "HSTS covers subdomains (includeSubDomains)",
    why: "Cookies scoped to the parent domain can leak over a plain-HTTP subdomain.",
    remediation: "Set `web.hsts.includeSubdomains: true` once every subdomain serves HTTPS.",
    source: "RFC 6797 §6.1.2",
  },
  "hsts.preload_ready": {
    title: "HSTS preload is only requested when the domain is eligible",
    why: "Preloading is hard to undo: a host that cannot serve HTTPS becomes unreachable in every browser for months.",
    remediation: "Set `web.hsts.preload: true` only with max-age ≥ 1 year, includeSubdomains, and every subdomain on HTTPS.",
    source: "hstspreload.org submission rules",
    severity: "advisory",
  },
});
