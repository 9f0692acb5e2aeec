/**
 * Credential formats the secretlint preset does not cover, each from the issuer's own documentation, plus the
 * labelled high-entropy rule. Pure regular expressions; no value is kept.
 */
import { looksGenerated } from "./entropy";
import type { SecretFinding, SecretScanner } from "./scanner";

interface Pattern {
  readonly kind: string;
  readonly rule: string;
  readonly re: RegExp;
}

const PATTERNS: readonly Pattern[] = [
  // Cloudflare's scannable credentials: cfk_ (Global API Key), cfut_ (user token), cfat_ (account token), then 40
  // characters and a checksum (developers.cloudflare.com/fundamentals/api/get-started/token-formats).
  { kind: "Cloudflare API credential", rule: "launch-ready/cloudflare", re: /\bcf(?:k|ut|at)_[A-Za-z0-9]{40}[A-Za-z0-9_-]{0,16}/g },
  // Stripe secret and restricted keys, live and test (docs.stripe.com/keys); `pk_` keys are publishable by design.
  { kind: "Stripe secret key", rule: "launch-ready/stripe-key", re: /\b[sr]k_(?:live|test)_[0-9A-Za-z]{10,247}\b/g },
  { kind: "Stripe webhook secret", rule: "launch-ready/stripe-webhook-secret", re: /\bwhsec_[0-9A-Za-z+/=]{24,}/g },
  // A PEM private key (RFC 7468 §10-11, "PRIVATE KEY" and the legacy "RSA/EC/DSA/OPENSSH PRIVATE KEY" labels), also
  // when a message or a 255-byte TXT split cut it before its END line: secretlint only matches whole keys.
  { kind: "private key (PEM)", rule: "launch-ready/private-key", re: /-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g },
  // A JSON Web Token (RFC 7519 §3): header and payload are base64url JSON objects, so both start with "eyJ".
  { kind: "JSON Web Token", rule: "launch-ready/jwt", re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
];

/**
 * `password=…`, `api_key: …`, `Authorization: Bearer …`: a credential label followed by a value that looks
 * generated. The label is required: DKIM public keys, DNSSEC digests and site-verification tokens are just as
 * random and are public by design.
 */
const LABELLED =
  /(?:password|passwd|pwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|client[-_]?secret|auth[-_]?key)["']?\s*[:=]\s*["']?([^\s"',;&<>]{16,})/gi;
const BEARER = /\b(?:Bearer|Basic)\s+([A-Za-z0-9._~+/-]{16,}=*)/g;

/**
 * Every match of a global expression, as `matchAll` gives them, without its cost per call (a copy of the
 * expression and an iterator): a report's redaction scans hundreds of short texts, and `matchAll` was most of it.
 */
function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0] === "") re.lastIndex++;
  }
  return out;
}

function scanFormats(text: string): SecretFinding[] {
  const out: SecretFinding[] = [];
  for (const p of PATTERNS) {
    for (const m of allMatches(p.re, text)) {
      const start = m.index;
      out.push({ kind: p.kind, rule: p.rule, start, end: start + m[0].length });
    }
  }
  return out;
}

const LABEL_RULES = [
  [LABELLED, "high-entropy credential", "launch-ready/labelled-high-entropy"],
  [BEARER, "HTTP authorization credential", "launch-ready/authorization-header"],
] as const;

function scanText(text: string): SecretFinding[] {
  const out = scanFormats(text);
  for (const [re, kind, rule] of LABEL_RULES) {
    for (const m of allMatches(re, text)) {
      const value = m[1] ?? "";
      if (!looksGenerated(value)) continue;
      const end = m.index + m[0].length;
      out.push({ kind, rule, start: end - value.length, end });
    }
  }
  return out;
}

export const patternScanner: SecretScanner = (texts) => texts.map(scanText);

/**
 * The issuers' formats only, without the two label heuristics: in source code `token = parts[0]` or
 * `password: hashOf(...)` is a label followed by an identifier, not a credential, so scanning code (a repository,
 * a JavaScript bundle) with them reports mostly noise.
 */
export const formatScanner: SecretScanner = (texts) => texts.map(scanFormats);
