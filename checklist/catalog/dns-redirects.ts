import { defineRow } from "./define";

export const DNS_REDIRECTS = defineRow("dns-redirects", {
  "dns.resolve": {
    title: "The apex answers NS and SOA",
    why: "If the domain does not resolve, nothing else works: no site, no mail, no invites.",
    remediation: "Check the registrar's nameservers point at the Cloudflare zone.",
  },
  "dns.zone_adopted": {
    title: "The Cloudflare zone is looked up, never created or deleted by the stack",
    why: "A stack that owns the zone can delete it, and every record with it, on `pulumi destroy`.",
    remediation: "Give `cloudflare.zoneId` (or let the toolkit look the zone up by name); never declare a `cloudflare.Zone` in the stack.",
  },
  "dns.record_fqdn": {
    title: "Every DNS record name is a fully qualified name inside its zone",
    why: "Cloudflare stores FQDNs; a short name makes every preview show a change that never settles, and a name outside the zone fails at apply.",
    remediation: "Use names such as `www.acme.example`, not `www` or `@`.",
  },
  "dns.txt_normalised": {
    title: "TXT records are quoted and split into 255-byte strings",
    why: "The API stores long TXT values split and quoted; anything else drifts on every preview and can break SPF/DKIM at receivers.",
    remediation: "Let the toolkit build TXT content (it quotes and splits); do not pass raw long strings.",
    source: "RFC 1035 §3.3.14, RFC 7208 §3.3",
  },
  "dns.adopted_retained": {
    title: "Adopted records are kept on delete",
    why: "Records that existed before the toolkit (imported) must survive `pulumi destroy` or a removed config entry.",
    remediation: "Adopted resources get `retainOnDelete`; if you built a record by hand, add that option.",
  },
  "caa.present": {
    title: "CAA records name the certificate authorities allowed to issue",
    why: "Without CAA any CA can be tricked into issuing a certificate for your domain.",
    remediation: "Keep the toolkit's CAA set; add your own CAs under `web.caa.issuers`.",
    source: "RFC 8659",
  },
  "caa.syntax": {
    title: "CAA records are well formed",
    why: "An unknown critical tag forbids all issuance, so certificates stop renewing.",
    remediation: "Use only `issue`, `issuewild` and `iodef` tags with valid values.",
    source: "RFC 8659 §4",
  },
  "caa.issuer_match": {
    title: "CAA allows the CAs the platform actually uses",
    why: "A CAA set that omits Cloudflare's or ACM's CAs silently blocks certificate renewals.",
    remediation: "Allow every CA that issues for you: Cloudflare's edge CAs, `amazon.com` for ACM, and any you add.",
  },
  "dnssec.chain": {
    title: "DNSSEC is on and the chain of trust validates",
    why: "Unsigned DNS can be spoofed, sending your customers and your mail elsewhere.",
    remediation: "Enable DNSSEC on the zone and publish the DS record at the registrar (see `runbooks/dnssec.md`).",
    source: "RFC 4033–4035",
  },
  "dnssec.sig_expiry": {
    title: "DNSSEC signatures are not about to expire",
    why: "Expired signatures make validating resolvers (a third of the internet) fail to resolve the domain.",
    remediation: "Check the signer is running; with Cloudflare, re-enable DNSSEC if signatures stopped refreshing.",
    source: "RFC 4034",
  },
  "web.redirect_first_hop": {
    title: "http:// goes straight to https:// (same host or the canonical host)",
    why: "A first hop to another plain-http host exposes the request and breaks HSTS preload eligibility.",
    remediation: "Let the toolkit's single-redirect rules send every alias to the canonical https URL, and keep the catch-all rule `http-to-https` (or Always Use HTTPS) so no http:// request is served.",
    outcomes: {
      https: { status: "pass", when: "every http:// start redirects first to https:// on the same host or the canonical host" },
      "https-elsewhere": { status: "warn", when: "a first redirect goes to https:// on a host that is neither the same nor the canonical one" },
      "no-answer": { status: "warn", when: "an http:// start does not answer at all, so visitors typing the bare name get an error" },
      "plain-http": { status: "fail", when: "a first redirect goes to a plain http:// URL" },
      "no-redirect": { status: "fail", when: "an http:// start is answered over plain http without a redirect" },
    },
  },
  "web.redirect_hops": {
    title: "Every alias reaches the canonical https URL in one redirect, with no loop",
    why: "Each extra hop costs a round trip on every first visit, and loops make the site unreachable.",
    remediation: "List every alias under `web.aliases`: the toolkit redirects each straight to the canonical https URL, path and query kept, and sets `always_use_https` off so the redirect rules alone answer, in one hop.",
    outcomes: {
      "one-hop": { status: "pass", when: "every start reaches its page in at most one redirect" },
      "extra-hops": { status: "warn", when: "a start takes 2 or 3 redirects" },
      "too-many": { status: "fail", when: "a start takes more than 3 redirects, or never stops redirecting" },
      loop: { status: "fail", when: "a redirect chain comes back to a URL it already visited" },
      "no-redirect": { status: "fail", when: "an http:// start is answered over plain http without a redirect" },
      broken: { status: "fail", when: "an http:// start, or a URL a redirect leads to, does not answer" },
      "query-lost": { status: "fail", when: "a redirect drops or changes the query string" },
      "path-lost": { status: "fail", when: "before apply: a redirect of a path no rule moves on purpose loses it" },
      "rule-never-runs": { status: "fail", when: "before apply: a redirect rule names a host that is not proxied, so it never runs" },
    },
  },
  "web.redirect_downgrade": {
    title: "No redirect goes from https to http",
    why: "A downgrade hop exposes cookies and credentials and defeats HSTS.",
    remediation: "Make every redirect target an https:// URL.",
    outcomes: {
      none: { status: "pass", when: "no redirect goes from https:// to http://" },
      downgrade: { status: "fail", when: "a redirect goes from https:// to http://" },
    },
  },
});
