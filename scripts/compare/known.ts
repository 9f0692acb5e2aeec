/**
 * Known disagreements: every difference between our verdict and a peer's that `npm run compare` has met, with the
 * clause that decides it. `right` is "ours" when the clause proves the peer wrong, "scope" when the two judge
 * different things. A difference the peer wins is not listed here: it is fixed in the auditor.
 */
import type { KnownDisagreement } from "./table";

export const KNOWN_DISAGREEMENTS: readonly KnownDisagreement[] = [
  // MDN HTTP Observatory (web lab).
  {
    peer: "observatory",
    check: "cors.reflection",
    target: "corsreflect.test",
    clause: "Fetch §3.2.5 (CORS protocol and credentials)",
    right: "ours",
    reason: "The Observatory reads Access-Control-Allow-Origin from a request without a hostile Origin, so a server that reflects any origin with credentials passes there; we send foreign origins and fail it.",
  },
  {
    peer: "observatory",
    check: "hdr.csp",
    target: "*",
    clause: "CSP Level 3 §6 (directives)",
    right: "scope",
    reason: "The Observatory grades CSP strictness (e.g. 'unsafe-inline' in style-src, missing default-src); we require a CSP without unsafe-inline/eval in script-src, and report-only is a warn for us, a fail there.",
  },
  {
    peer: "observatory",
    check: "hsts.present",
    target: "hstsbad.test",
    clause: "RFC 6797 §6.1.1 (max-age is delta-seconds)",
    right: "ours",
    reason: "The Observatory grades `max-age=forever` as at least six months; it is not delta-seconds, so browsers ignore the header and we fail it.",
  },
  {
    peer: "observatory",
    check: "hsts.present",
    target: "*",
    clause: "RFC 6797 §6.1.1",
    right: "scope",
    reason: "The Observatory requires max-age ≥ 6 months inside its HSTS test; we judge presence and validity in hsts.present and the age in hsts.max_age.",
  },
  {
    peer: "observatory",
    check: "web.redirect_first_hop",
    target: "plainhop.test",
    clause: "RFC 6797 §7.2",
    right: "scope",
    reason: "The Observatory requests only http://<apex>, which redirects straight to https; the plain-http first hop is on the www alias, which it never requests and we do.",
  },
  // opendmarc-check (opendmarc 1.4): it queries `_dmarc.<name>` only, without the public suffix list that the
  // opendmarc milter loads, so a subdomain without a record of its own has "no DMARC record" there.
  {
    peer: "opendmarc-check",
    check: "dmarc.record",
    target: "*",
    peerSaysIncludes: "lacked a DMARC record",
    clause: "RFC 7489 §6.6.3 step 3 (fall back to the organisational domain's record)",
    right: "ours",
    reason: "Receivers that find no record at the subdomain MUST query the organisational domain; the record found there applies (we warn that the subdomain has none of its own), opendmarc-check stops at the subdomain.",
  },
  {
    peer: "opendmarc-check",
    check: "dmarc.policy",
    target: "*",
    peerSaysIncludes: "lacked a DMARC record",
    clause: "RFC 7489 §6.6.3 step 3, §6.3 sp",
    right: "ours",
    reason: "The organisational domain's record applies to the subdomain, with its sp= when present; opendmarc-check reports no policy because it does not fall back.",
  },
  // opendkim-testkey (opendkim-tools 2.11): it checks that the key record parses (and matches a private key when
  // given one), not whether today's verifiers will accept signatures made with it.
  {
    peer: "opendkim-testkey",
    check: "dkim.selector+dkim.syntax+dkim.key_strength+dkim.revoked",
    target: "s1._domainkey.dkimweak.test",
    clause: "RFC 8301 §3.2 (verifiers MUST NOT consider signatures with RSA keys under 1024 bits valid)",
    right: "ours",
    reason: "The 512-bit key parses, so opendkim-testkey says \"key OK\"; no verifier following RFC 8301 accepts a signature made with it.",
  },
  {
    peer: "opendkim-testkey",
    check: "dkim.selector+dkim.syntax+dkim.key_strength+dkim.revoked",
    target: "sha1._domainkey.dkimtags.test",
    clause: "RFC 6376 §3.6.1 h=, §6.1.2; RFC 8301 §3.1",
    right: "ours",
    reason: "h=sha1 allows only rsa-sha1, which verifiers MUST NOT accept (RFC 8301), and a key whose h= excludes the signature's hash fails it (RFC 6376 §6.1.2): every signature with this key fails. opendkim-testkey does not read h=.",
  },
  {
    peer: "opendkim-testkey",
    check: "dkim.selector+dkim.syntax+dkim.key_strength+dkim.revoked",
    target: "edspki._domainkey.dkimtags.test",
    clause: "RFC 8463 §4.2 (the ed25519 public key is the raw 32 bytes)",
    right: "ours",
    reason: "The key is a 44-byte SubjectPublicKeyInfo; ed25519 verifiers read 32 raw bytes, so no signature verifies. opendkim-testkey only checks that p= decodes.",
  },
];
