/**
 * CAA (RFC 8659): plan the set that allows exactly the CAs the stack uses, parse records back, and tell whether a
 * set would block one of the platform's own certificate renewals.
 */

/**
 * The CAs Cloudflare issues edge certificates from, as CAA issuer domains. Universal certificates come from Let's
 * Encrypt, Google Trust Services or SSL.com (DigiCert is no longer used for new ones), and backup certificates may
 * come from Sectigo; Cloudflare chooses and may switch between them at any renewal, so all must be allowed:
 * https://developers.cloudflare.com/ssl/reference/certificate-authorities/ and
 * https://developers.cloudflare.com/ssl/edge-certificates/caa-records/ (checked 2026-11).
 */
export const CLOUDFLARE_CAA_ISSUERS = ["letsencrypt.org", "pki.goog", "ssl.com", "sectigo.com"] as const;

/** AWS Certificate Manager accepts any of its four issuer domains; we write the first (ACM user guide, "CAA"). */
export const ACM_CAA_ISSUER = "amazon.com";
const ACM_ALIASES = new Set(["amazon.com", "amazontrust.com", "awstrust.com", "amazonaws.com"]);

export const CAA_TAGS = ["issue", "issuewild", "iodef"] as const;
export type CaaTag = (typeof CAA_TAGS)[number];

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
  /** `mailto:` or `https:` URL for violation reports (RFC 8659 §4.4). */
  readonly iodef?: string;
}

/** The issuer domains the platform itself needs: blocking one of them stops renewals. */
export function platformIssuers(input: Pick<CaaPlanInput, "cloudflare" | "acm">): string[] {
  return [...(input.cloudflare ? CLOUDFLARE_CAA_ISSUERS : []), ...(input.acm ? [ACM_CAA_ISSUER] : [])];
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
  return `${r.flags} ${r.tag} "${r.value}"`;
}

export type CaaParse = { readonly ok: true; readonly record: CaaRecord } | { readonly ok: false; readonly error: string };

/** Reads `flags tag "value"` (RFC 8659 §4.1.1 presentation form). */
export function parseCaa(content: string): CaaParse {
  const m = /^\s*(\d{1,3})\s+([A-Za-z0-9]+)\s+(?:"((?:[^"\\]|\\.)*)"|(\S+))\s*$/.exec(content);
  if (!m) return { ok: false, error: `'${content}' is not \`<flags> <tag> "<value>"\`, e.g. 0 issue "letsencrypt.org"` };
  const record = { flags: Number(m[1]), tag: m[2] ?? "", value: (m[3] ?? m[4] ?? "").replace(/\\(.)/g, "$1") };
  const problem = caaProblem(record);
  return problem === undefined ? { ok: true, record } : { ok: false, error: problem };
}

/** Why a CAA record is malformed or dangerous, RFC 8659 §4, or undefined when it is fine. */
export function caaProblem(r: CaaRecord): string | undefined {
  if (!Number.isInteger(r.flags) || r.flags < 0 || r.flags > 255) return `flags ${r.flags} is not 0..255`;
  if (!/^[A-Za-z0-9]{1,15}$/.test(r.tag)) return `tag '${r.tag}' is not 1 to 15 letters and digits (RFC 8659 §4.1.1)`;
  const tag = r.tag.toLowerCase();
  const critical = (r.flags & 128) !== 0;
  if (!(CAA_TAGS as readonly string[]).includes(tag)) {
    // §4.1: a CA must refuse to issue when it meets an unknown tag marked critical.
    if (critical) return `tag '${r.tag}' is unknown and marked critical (flags 128): every CA must then refuse to issue`;
    return `tag '${r.tag}' is not one of issue, issuewild, iodef`;
  }
  if (tag === "iodef") {
    if (!/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/.test(r.value)) return `iodef '${r.value}' is not a mailto: or https: URL (RFC 8659 §4.4)`;
    return undefined;
  }
  const issuer = issuerOf(r.value);
  if (issuer === undefined) return `${tag} value '${r.value}' is not an issuer domain name with optional parameters (RFC 8659 §4.2)`;
  return undefined;
}

/** The issuer domain of an issue/issuewild value; `""` for `;` (no CA may issue). Undefined when malformed. */
export function issuerOf(value: string): string | undefined {
  const [head = ""] = value.split(";");
  const issuer = head.trim().toLowerCase();
  if (issuer === "") return "";
  return /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/.test(issuer) ? issuer : undefined;
}

/**
 * Which of `required` a CAA set at one name would refuse, for plain (`issue`) and wildcard (`issuewild`, or `issue`
 * when the set has no issuewild, RFC 8659 §4.3) certificates. An empty set allows every CA (§3).
 */
export function blockedIssuers(set: readonly CaaRecord[], required: readonly string[]): { readonly issue: string[]; readonly issuewild: string[] } {
  const issuersFor = (tag: string): Set<string> | undefined => {
    const values = set.filter((r) => r.tag.toLowerCase() === tag).map((r) => issuerOf(r.value));
    return values.length === 0 ? undefined : new Set(values.filter((v): v is string => v !== undefined && v !== ""));
  };
  const issue = issuersFor("issue");
  const wild = issuersFor("issuewild") ?? issue;
  const allowed = (s: Set<string> | undefined, ca: string): boolean =>
    s === undefined || s.has(ca) || (ca === ACM_CAA_ISSUER && [...s].some((x) => ACM_ALIASES.has(x)));
  return {
    issue: required.filter((ca) => !allowed(issue, ca)),
    issuewild: required.filter((ca) => !allowed(wild, ca)),
  };
}
