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
    outcomes: {
      modern: { status: "pass", when: "TLS 1.2 and 1.3 are offered, nothing older" },
      "no-tls-1-3": { status: "warn", when: "nothing deprecated is offered, but neither is TLS 1.3" },
      legacy: { status: "fail", when: "TLS 1.0 or 1.1 is offered (or, before apply, `min_tls_version` allows it; Cloudflare's default minimum is 1.0)" },
      none: { status: "fail", when: "no handshake completes with any TLS version from 1.0 to 1.3" },
    },
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
    remediation: "Serve the apex and www through Cloudflare (proxied records; the toolkit proxies every host under `web`, so list the one that is not canonical under `web.aliases`) and keep `web.ssl` on `strict`: with SSL `off` Cloudflare answers HTTPS only with a redirect to http.",
    outcomes: {
      both: { status: "pass", when: "the apex and www each answer over HTTPS, serving the site or redirecting to an https:// URL" },
      "www-missing": { status: "warn", when: "www has no address (before apply: no web record), so links to it fail" },
      "www-no-https": { status: "warn", when: "www has an address but does not answer over HTTPS, or answers only with a redirect to plain http" },
      "apex-no-https": { status: "fail", when: "the apex has no address, does not answer over HTTPS, or answers only with a redirect to plain http (Cloudflare's SSL mode `off`)" },
    },
  },
  "web.mixed_content": {
    title: "HTTPS pages load no http:// subresources",
    why: "Browsers block active mixed content (scripts, styles, frames): pages break or look broken.",
    remediation: "Keep `automatic_https_rewrites` on and fix hard-coded http:// URLs in templates.",
    source: "W3C Mixed Content",
    outcomes: {
      clean: { status: "pass", when: "the HTTPS page loads no http: subresources" },
      passive: { status: "warn", when: "the page loads http: images or media (browsers upgrade or flag them)" },
      active: { status: "fail", when: "the page loads http: scripts, styles, frames, objects or form targets (browsers block them)" },
      "not-html": { status: "info", when: "the HTTPS answer is not HTML: nothing to scan" },
      "rewrites-on": { status: "pass", when: "before apply: Automatic HTTPS Rewrites is on, so the edge upgrades http: links available over HTTPS (the pages are scanned after apply)" },
      "rewrites-off": { status: "warn", when: "before apply: Automatic HTTPS Rewrites is off, so any hard-coded http: subresource reaches browsers" },
    },
  },
  "hsts.present": {
    title: "HTTPS responses carry one valid Strict-Transport-Security header",
    why: "Without HSTS the first request of every visit can be downgraded to HTTP by an attacker on the network.",
    remediation: "Enable HSTS through the zone's `security_header` setting (`web.hsts` in the stack config; the toolkit builds the value in the API's snake_case) on a zone that serves HTTPS.",
    source: "RFC 6797",
    outcomes: {
      "one-valid": { status: "pass", when: "the apex's HTTPS answer carries one valid Strict-Transport-Security header" },
      missing: { status: "fail", when: "the HTTPS answer carries no Strict-Transport-Security header (before apply: no enabled `security_header` setting)" },
      "http-only": { status: "fail", when: "only the plain-http answer carries the header, which browsers ignore there (RFC 6797 §8.1) and which must not be sent there (§7.2)" },
      several: { status: "fail", when: "the HTTPS answer carries several headers; browsers use only the first" },
      invalid: { status: "fail", when: "the header (or the planned `security_header` value that makes it) is not valid HSTS" },
      "no-https": { status: "fail", when: "the apex serves no HTTPS answer to carry the header (no address, no answer, or only a redirect to plain http)" },
    },
  },
  "hsts.max_age": {
    title: "HSTS max-age is at least one year (31536000 s)",
    why: "A short max-age lapses between visits, so the protection is not there when it matters.",
    remediation: "Set `web.hsts.maxAgeSeconds: 31536000` or more.",
    source: "RFC 6797 §6.1.1",
    outcomes: {
      "one-year": { status: "pass", when: "max-age is at least 31536000 s (one year)" },
      "half-year": { status: "warn", when: "max-age is 15552000 to 31535999 s (six months to a year)" },
      short: { status: "fail", when: "max-age is under 15552000 s (six months)" },
    },
  },
  "hsts.include_subdomains": {
    title: "HSTS covers subdomains (includeSubDomains)",
    why: "Cookies scoped to the parent domain can leak over a plain-HTTP subdomain.",
    remediation: "Set `web.hsts.includeSubdomains: true` once every subdomain serves HTTPS.",
    source: "RFC 6797 §6.1.2",
    outcomes: {
      present: { status: "pass", when: "the apex's policy has includeSubDomains" },
      absent: { status: "warn", when: "the apex's policy lacks includeSubDomains" },
    },
  },
  "hsts.preload_ready": {
    title: "HSTS preload is only requested when the domain is eligible",
    why: "Preloading is hard to undo: a host that cannot serve HTTPS becomes unreachable in every browser for months.",
    remediation: "Set `web.hsts.preload: true` only with max-age ≥ 1 year, includeSubdomains, and every subdomain on HTTPS.",
    source: "hstspreload.org submission rules",
    severity: "advisory",
    outcomes: {
      eligible: { status: "pass", when: "preload is requested and the domain meets the preload list's rules" },
      ineligible: { status: "warn", when: "preload is requested, but max-age, includeSubDomains, the apex's first http redirect (to https on the same host), www's HTTPS or (before apply) an unproxied subdomain breaks the rules" },
      "not-requested": { status: "info", when: "the policy does not request preload" },
    },
  },
});
