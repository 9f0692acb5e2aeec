/**
 * Host name rules shared by the config schema, the components and the policy rules.
 * RFC 1035 §2.3.4 (63-octet labels, 253-octet names) and RFC 5891 (IDNs are stored as A-labels).
 */
import { domainToASCII } from "node:url";

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Why `name` is not a valid host name, or undefined when it is. `name` must already be lower-case A-labels. */
export function hostNameProblem(name: string): string | undefined {
  if (name.length === 0) return "is empty";
  if (name.endsWith(".")) return "ends with a dot: write the name without the trailing dot";
  if (name.length > 253) return `is ${name.length} characters long; DNS names are at most 253`;
  const labels = name.split(".");
  if (labels.length < 2) return "has a single label: give the full name, such as `acme.example`";
  for (const label of labels) {
    if (label.length === 0) return "has an empty label (two dots in a row)";
    if (label.length > 63) return `has a label of ${label.length} characters ('${label.slice(0, 12)}…'); labels are at most 63`;
    if (!LABEL.test(label)) return `has an invalid label '${label}': use letters, digits and inner hyphens only`;
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? "")) return "ends in a numeric label: that is an IP address, not a host name";
  return undefined;
}

/**
 * Why `name` is not a valid DNS record owner name, or undefined. Like `hostNameProblem`, but labels may start with
 * an underscore (`_dmarc`, `_mta-sts`, DKIM's `<selector>._domainkey`): RFC 8552 reserves such names for services,
 * and RFC 2181 §11 allows any label in DNS data. A leftmost `*` is a wildcard (RFC 4592).
 */
export function recordNameProblem(name: string): string | undefined {
  const labels = name.split(".");
  // A wildcard owner is `*` as the leftmost label only (RFC 4592 §2.1.1), e.g. a parked domain's `*._domainkey`.
  const hostPart = labels.map((l, i) => (i === 0 && l === "*" && labels.length > 2 ? "x" : /^_[a-z0-9-]{1,62}$/.test(l) ? l.slice(1).replace(/^-+|-+$/g, "") || "x" : l)).join(".");
  return hostNameProblem(hostPart);
}

/** Lower-cases and converts U-labels to A-labels; returns undefined when the name cannot be converted. */
export function toALabels(name: string): string | undefined {
  const trimmed = name.trim().toLowerCase();
  if (trimmed === "" || /[\s/:@]/.test(trimmed)) return undefined;
  const ascii = domainToASCII(trimmed);
  return ascii === "" ? undefined : ascii;
}

/** True when `host` is `zone` itself or a name under it. */
export function isWithinZone(host: string, zone: string): boolean {
  return host === zone || host.endsWith(`.${zone}`);
}

/** The record name relative to its zone as Cloudflare shows it (`@` for the apex). For messages only. */
export function relativeName(host: string, zone: string): string {
  return host === zone ? "@" : host.slice(0, -(zone.length + 1));
}
