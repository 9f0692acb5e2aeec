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
    outcomes: {
      present: { status: "pass", when: "The relevant CAA set (at the name or the closest parent with one) has an `issue` property." },
      "no-issue": { status: "warn", when: "A CAA set exists but has no `issue` property (only `iodef` or `issuewild`, say), so any CA may issue plain certificates." },
      absent: { status: "warn", when: "Neither the name nor any parent has CAA records, so any CA may issue." },
    },
  },
  "caa.syntax": {
    title: "CAA records are well formed",
    why: "An unknown critical tag forbids all issuance, so certificates stop renewing.",
    remediation: "Use the known tags with valid values: `issue`/`issuewild`/`issuemail`/`issuevmc` \"<ca-domain>[; name=value]\", `iodef` \"mailto:…\" or \"https://…\", `contactemail`, `contactphone`; keep flags 0 or 128.",
    source: "RFC 8659 §4, RFC 9495, CA/B Forum BR appendix A.1",
    outcomes: {
      "well-formed": { status: "pass", when: "Every record has flags 0 or 128, a known tag and a value in that tag's grammar." },
      nonstandard: { status: "warn", when: "A record has an unknown non-critical tag or reserved flag bits: CAs ignore them." },
      malformed: { status: "fail", when: "A known property's value breaks its grammar (an unparseable issuer value forbids issuance), or a tag or flags are invalid." },
      "unknown-critical": { status: "fail", when: "An unknown tag is marked critical (flags 128): no CA may issue at all." },
    },
  },
  "caa.issuer_match": {
    title: "CAA allows the CAs the platform actually uses",
    why: "A CAA set that omits Cloudflare's or ACM's CAs silently blocks certificate renewals.",
    remediation: "Allow every CA that issues for you: Cloudflare's edge CAs, `amazon.com` for ACM, and any you add.",
    source: "RFC 8659 §4.2-4.3",
    outcomes: {
      "allows-platform": { status: "pass", when: "The relevant CAA set allows every CA the stack's certificates come from (plain and wildcard) and, once live, the CA of the served certificate." },
      "blocks-platform": { status: "fail", when: "The CAA set leaves out one of Cloudflare's edge CAs, or ACM's for a host on AWS: that CA's renewals would be refused." },
      "blocks-live-issuer": { status: "fail", when: "The CA of the certificate the name serves now is not allowed, so it cannot renew." },
    },
  },
  "dnssec.chain": {
    title: "DNSSEC is on and the chain of trust validates",
    why: "Unsigned DNS can be spoofed, sending your customers and your mail elsewhere.",
    remediation: "Enable DNSSEC on the zone and publish the DS record at the registrar (see `runbooks/dnssec.md`).",
    source: "RFC 4033–4035",
    outcomes: {
      secure: { status: "pass", when: "The chain of trust validates from the root down to the zone (only the live audit can show this)." },
      "signed-ds-pending": { status: "warn", when: "The zone is (or, before apply, will be) signed, but its DS is not published at the registrar, so nothing validates it yet." },
      insecure: { status: "warn", when: "The zone is not signed (before apply: the stack plans no active ZoneDnssec)." },
      "not-validated": { status: "warn", when: "The resolver did not validate the zone (no AD bit) and this DNS client cannot fetch signatures to tell why." },
      bogus: { status: "fail", when: "Signatures or keys do not match the DS, or a signed parent denies the DS without a valid NSEC/NSEC3 proof: validating resolvers refuse to resolve the zone." },
      "bogus-rrset": { status: "fail", when: "The zone's keys validate, but an RRset the audit relies on (TXT, MX, CAA, A/AAAA, or the proof of its absence) has a missing, expired, not-yet-valid or wrong signature: validating resolvers refuse it (named in the result)." },
    },
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
  "redirect.rules_language": {
    title: "Every redirect rule uses only fields, functions and operators Cloudflare has",
    why: "Cloudflare rejects a whole ruleset over one unknown field (such as `http.request.scheme`): every alias and legacy-path redirect goes with it, and plain http stops being upgraded once Always Use HTTPS is off.",
    remediation: "Write rules in Cloudflare's rules language (fields, functions and operators references): plain http is `not ssl`; the toolkit's own rules do this.",
  },
  "redirect.well_known_exempt": {
    title: "No redirect rule touches /.well-known/",
    why: "Certificate validation (ACME HTTP-01, Cloudflare's HTTP DCV) fetches /.well-known/ over plain http on the host itself; a redirect there can stop certificates from being issued or renewed.",
    remediation: "Add `and not starts_with(http.request.uri.path, \"/.well-known/\")` to every redirect rule; the toolkit's rules carry it.",
  },
});
