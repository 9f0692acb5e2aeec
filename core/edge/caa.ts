/**
 * CAA (RFC 8659): plan the set that allows exactly the CAs the stack uses, read records back, say whether each one
 * is well formed, and tell whether a set would block one of the platform's own certificate renewals. The one
 * definition the planner, the config validation, the plan rules and the auditor all use.
 */

/**
 * The CAs Cloudflare issues edge certificates from, as CAA issuer domains. Universal certificates come from Let's
 * Encrypt or Google Trust Services, advanced and backup ones also from SSL.com, backup ones also from Sectigo
 * (DigiCert is being retired); Cloudflare chooses and may switch at any renewal, and itself publishes `issue` and
 * `issuewild` for these four when a zone has any CAA record, so all must be allowed:
 * https://developers.cloudflare.com/ssl/reference/certificate-authorities/ and
 * https://developers.cloudflare.com/ssl/edge-certificates/caa-records/ ("CAA records added by Cloudflare").
 */
export const CLOUDFLARE_CAA_ISSUERS = ["letsencrypt.org", "pki.goog", "ssl.com", "sectigo.com"] as const;

/** AWS Certificate Manager accepts any of its four issuer domains; we write the first (ACM user guide, "CAA"). */
export const ACM_CAA_ISSUER = "amazon.com";
export const ACM_CAA_ALIASES: readonly string[] = ["amazon.com", "amazontrust.com", "awstrust.com", "amazonaws.com"];

/**
 * Property tags with defined semantics: `issue`, `issuewild`, `iodef` (RFC 8659 §4.2-4.4), `issuemail` (RFC 9495),
 * `issuevmc` (CA/B Forum Mark Certificate Requirements), `contactemail` and `contactphone` (CA/B Forum Baseline
 * Requirements, appendix A.1). All are in IANA's "Certification Authority Restriction Properties" registry.
 */
export const CAA_TAGS = ["issue", "issuewild", "iodef", "issuemail", "issuevmc", "contactemail", "contactphone"] as const;
export type CaaTag = (typeof CAA_TAGS)[number];

/** Tags whose value is an `issue-value` (RFC 8659 §4.2): an issuer domain name, then optional parameters. */
const ISSUER_VALUE_TAGS: ReadonlySet<string> = new Set(["issue", "issuewild", "issuemail", "issuevmc"]);

export interface CaaRecord {
  /** 0, or 128 for critical (RFC 8659 §4.1). */
  readonly flags: number;
  readonly tag: string;
  readonly value: string;
}

export interface CaaPlanInput {
  /** Cloudflare's edge certificates are in use (every proxied zone). */
  readonly cloudflare: boolean;
  /** ACM certificates are in use (an AWS load balancer or CloudFront origin). */
  readonly acm: boolean;
  /** Further issuer domains the user adds. */
  readonly extraIssuers: readonly string[];
  /** `mailto:`, `https:` or `http:` URL for violation reports (RFC 8659 §4.4). */
  readonly iodef?: string;
}

/** The issuer domains the platform itself needs: blocking one of them stops renewals. */
export function platformIssuers(input: Pick<CaaPlanInput, "cloudflare" | "acm">): string[] {
  return [...(input.cloudflare ? CLOUDFLARE_CAA_ISSUERS : []), ...(input.acm ? [ACM_CAA_ISSUER] : [])];
}

/** Origins whose certificate is usually ACM's: an AWS load balancer, API Gateway or CloudFront. */
const AWS_ORIGIN = /\.(amazonaws\.com|cloudfront\.net)\.?$/i;

/** A DNS record as planned: enough to tell which CAs must be able to issue for its name. */
export interface PlannedHostRecord {
  readonly type: string;
  readonly content: string;
  readonly proxied: boolean;
}

/**
 * The CAs that must be allowed for the names of a Cloudflare zone with these records: Cloudflare's edge CAs always
 * (every active zone gets a universal certificate for the apex and `*.<zone>`), and ACM's when a proxied host's
 * origin is on AWS (its certificate names the host: Cloudflare connects with the host as SNI).
 */
export function requiredIssuers(records: readonly PlannedHostRecord[]): string[] {
  const acm = records.some((r) => r.proxied && r.type === "CNAME" && AWS_ORIGIN.test(r.content));
  return platformIssuers({ cloudflare: true, acm });
}

/**
 * The CAA set for the zone apex, which covers every name below it (RFC 8659 §3, tree climbing): `issue` and
 * `issuewild` for each CA (Cloudflare's universal certificate covers `*.<zone>`), then `iodef`. Sorted, no duplicates.
 */
export function planCaa(input: CaaPlanInput): CaaRecord[] {
  const issuers = [...new Set([...platformIssuers(input), ...input.extraIssuers.map((i) => i.toLowerCase())])].sort();
  const records: CaaRecord[] = [];
  for (const tag of ["issue", "issuewild"] as const) {
    for (const value of issuers) records.push({ flags: 0, tag, value });
  }
  if (input.iodef !== undefined) records.push({ flags: 0, tag: "iodef", value: input.iodef });
  return records;
}

/** The presentation form Cloudflare shows: `0 issue "letsencrypt.org"`. */
export function caaContent(r: CaaRecord): string {
  return `${r.flags} ${r.tag} "${r.value.replace(/(["\\])/g, "\\$1")}"`;
}

export type CaaParse = { readonly ok: true; readonly record: CaaRecord } | { readonly ok: false; readonly error: string };

/** Reads `flags tag "value"` (RFC 8659 §4.1.1 presentation form) without judging it. */
export function readCaa(content: string): CaaParse {
  const m = /^\s*(\d{1,3})\s+(\S+)\s+(?:"((?:[^"\\]|\\.)*)"|(\S+))\s*$/.exec(content);
  if (!m) return { ok: false, error: `'${content}' is not \`<flags> <tag> "<value>"\`, e.g. 0 issue "letsencrypt.org"` };
  return { ok: true, record: { flags: Number(m[1]), tag: m[2] ?? "", value: (m[3] ?? m[4] ?? "").replace(/\\(.)/g, "$1") } };
}

/** Reads `flags tag "value"` and refuses anything that is not well formed (config: write only clean records). */
export function parseCaa(content: string): CaaParse {
  const read = readCaa(content);
  if (!read.ok) return read;
  const problem = caaProblem(read.record);
  return problem === undefined ? read : { ok: false, error: problem };
}

/**
 * What is wrong with one CAA record: `unknown-critical` stops every CA from issuing (RFC 8659 §4.1), `malformed`
 * breaks the property (for an issuer tag, §4.2 makes it forbid issuance), `nonstandard` is ignored by CAs (an unknown
 * non-critical tag, reserved flag bits) but is not what the record's author meant.
 */
export type CaaIssueKind = "unknown-critical" | "malformed" | "nonstandard";
export interface CaaRecordIssue {
  readonly kind: CaaIssueKind;
  readonly message: string;
}

const LABEL = "[A-Za-z0-9](?:-*[A-Za-z0-9])*";
/** RFC 8659 §4.2 `issuer-domain-name`, `parameter` and `issue-value`, as written in its ABNF. */
const ISSUER_DOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const PARAMETER = `${LABEL}[ \\t]*=[ \\t]*[\\x21-\\x3a\\x3c-\\x7e]*`;
const ISSUE_VALUE = new RegExp(`^[ \\t]*(?:(${LABEL}(?:\\.${LABEL})*)[ \\t]*)?(?:;[ \\t]*(?:${PARAMETER}(?:[ \\t]*;[ \\t]*${PARAMETER})*[ \\t]*)?)?$`);

/** Every issue with one record, in RFC order; empty when it is well formed. */
export function caaRecordIssues(r: CaaRecord): CaaRecordIssue[] {
  const issues: CaaRecordIssue[] = [];
  if (!Number.isInteger(r.flags) || r.flags < 0 || r.flags > 255) return [{ kind: "malformed", message: `flags ${r.flags} is not 0..255` }];
  // RFC 8659 §4.1: tags are 1-15 ASCII letters and digits.
  if (!/^[A-Za-z0-9]{1,15}$/.test(r.tag)) return [{ kind: "malformed", message: `tag '${r.tag}' is not 1 to 15 letters and digits (RFC 8659 §4.1)` }];
  const tag = r.tag.toLowerCase();
  const critical = (r.flags & 128) !== 0;
  // §4.1: only bit 128 is defined; records MUST clear the others, and CAs ignore them.
  if ((r.flags & 0x7f) !== 0) issues.push({ kind: "nonstandard", message: `flags ${r.flags} set reserved bits (only 128, critical, is defined; RFC 8659 §4.1)` });
  if (!(CAA_TAGS as readonly string[]).includes(tag)) {
    issues.push(
      critical
        ? { kind: "unknown-critical", message: `tag '${r.tag}' is unknown and marked critical (flags 128), so no CA may issue at all (RFC 8659 §4.1)` }
        : { kind: "nonstandard", message: `tag '${r.tag}' is not a known property (${CAA_TAGS.join(", ")}), so CAs ignore it` },
    );
    return issues;
  }
  const valueProblem = ISSUER_VALUE_TAGS.has(tag) ? issuerValueProblem(r.value) : tag === "iodef" ? iodefProblem(r.value) : tag === "contactemail" ? contactEmailProblem(r.value) : contactPhoneProblem(r.value);
  if (valueProblem !== undefined) issues.push({ kind: "malformed", message: `${tag} ${valueProblem}` });
  return issues;
}

function issuerValueProblem(value: string): string | undefined {
  // §4.2: a value outside the grammar is treated as an empty issuer: it forbids issuance.
  return ISSUE_VALUE.test(value) ? undefined : `value '${value}' is not an issuer domain name with optional name=value parameters, so it forbids issuance (RFC 8659 §4.2)`;
}

function iodefProblem(value: string): string | undefined {
  // §4.4: "mailto:", "http:" or "https:" — "These are the only supported URL schemes."
  const bad = `value '${value}' is not a mailto:, http: or https: URL (RFC 8659 §4.4)`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return bad;
  }
  if (url.protocol === "mailto:") return /^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(url.pathname)) ? undefined : `value '${value}' has no mail address (RFC 8659 §4.4)`;
  if (url.protocol === "https:" || url.protocol === "http:") return url.hostname !== "" ? undefined : bad;
  return bad;
}

function contactEmailProblem(value: string): string | undefined {
  // CA/B Forum BR A.1.1: the whole value is one address (RFC 6532 §3.2), with no padding or structure.
  return /^[^\s@<>()",;]+@[^\s@<>()",;]+$/.test(value) ? undefined : `value '${value}' is not a bare email address (CA/B Forum BR A.1.1)`;
}

function contactPhoneProblem(value: string): string | undefined {
  // CA/B Forum BR A.1.2: an RFC 3966 §5.1.4 global number: "+", country code, digits, visual separators.
  return /^\+[0-9().\- ]*[0-9][0-9().\- ]*$/.test(value) ? undefined : `value '${value}' is not a global phone number such as +1 555 0100 (CA/B Forum BR A.1.2)`;
}

/** The first issue with a record, or undefined when it is well formed: the config accepts only clean records. */
export function caaProblem(r: CaaRecord): string | undefined {
  return caaRecordIssues(r)[0]?.message;
}

/** The issuer domain of an issue/issuewild value, lower case; `""` for none (`;`). Undefined when malformed. */
export function issuerOf(value: string): string | undefined {
  const m = ISSUE_VALUE.exec(value);
  if (!m) return undefined;
  const domain = m[1] ?? "";
  return ISSUER_DOMAIN.test(domain) || domain === "" ? domain.toLowerCase() : undefined;
}

/**
 * Which of `required` a CAA set at one name would refuse, for plain (`issue`) and wildcard (`issuewild`, or `issue`
 * when the set has no issuewild, RFC 8659 §4.3) certificates. An empty set allows every CA (§3); a malformed issuer
 * value allows none (§4.2); an unknown critical property forbids every CA (§4.1).
 */
export function blockedIssuers(set: readonly CaaRecord[], required: readonly string[]): { readonly issue: string[]; readonly issuewild: string[] } {
  if (set.some((r) => (r.flags & 128) !== 0 && !(CAA_TAGS as readonly string[]).includes(r.tag.toLowerCase()))) {
    return { issue: [...required], issuewild: [...required] };
  }
  const issuersFor = (tag: string): Set<string> | undefined => {
    const values = set.filter((r) => r.tag.toLowerCase() === tag).map((r) => issuerOf(r.value));
    return values.length === 0 ? undefined : new Set(values.filter((v): v is string => v !== undefined && v !== ""));
  };
  const issue = issuersFor("issue");
  const wild = issuersFor("issuewild") ?? issue;
  const allowed = (s: Set<string> | undefined, ca: string): boolean =>
    s === undefined || s.has(ca) || (ACM_CAA_ALIASES.includes(ca) && [...s].some((x) => ACM_CAA_ALIASES.includes(x)));
  return {
    issue: required.filter((ca) => !allowed(issue, ca)),
    issuewild: required.filter((ca) => !allowed(wild, ca)),
  };
}
