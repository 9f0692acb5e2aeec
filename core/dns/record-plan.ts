/**
 * Which DNS records a domain needs, as plain data: the web hosts (proxied, so the edge applies HTTPS, HSTS and
 * redirects), the CAA set, and the extra records from config; TXT content in its normal form; adopted records
 * marked with their import id. Pure, so the component, the config validation, the tests and the scorecard agree.
 */
import type { AdoptedRecordSpec, DnsRecordType, DomainSpec, Origin } from "../spec";
import { type CaaRecord, caaContent, parseCaa, planCaa } from "../edge/caa";
import { relativeName } from "./names";
import { normaliseTxt } from "./txt";

export interface PlannedRecord {
  /** Stable key for the Pulumi resource name, unique within the domain: `www-cname`, `apex-a`, `mail-mx-2`. */
  readonly key: string;
  /** FQDN, A-labels. */
  readonly name: string;
  readonly type: DnsRecordType;
  /** Presentation form; for TXT the normal form (quoted, 255-byte strings); for CAA `0 issue "ca"`. */
  readonly content: string;
  /** CAA records go to the API as structured data, not content. */
  readonly caa?: CaaRecord;
  /** 1 = automatic (required for proxied records). */
  readonly ttl: number;
  readonly proxied: boolean;
  readonly priority?: number;
  /** Why the record exists, for the plan output. */
  readonly purpose: string;
  /** The existing record's id when it is adopted (imported) rather than created. */
  readonly importId?: string;
}

/** Redirect-only hosts need an address to be proxied; RFC 6666's discard prefix never reaches an origin. */
export const REDIRECT_ONLY_ORIGIN: Origin = { kind: "ipv6", value: "100::" };

export function planDomainRecords(domain: DomainSpec): PlannedRecord[] {
  const out: Omit<PlannedRecord, "key">[] = [];
  const web = domain.web;
  for (const host of web?.hosts ?? []) {
    const isCanonical = host.name === web?.canonicalHost;
    out.push({
      name: host.name,
      ...originRecord(host.origin),
      ttl: 1,
      proxied: true,
      purpose: isCanonical
        ? "canonical web host"
        : web?.aliases.includes(host.name)
          ? `alias: redirects to https://${web.canonicalHost}`
          : "web host",
    });
  }
  // Every zone gets a CAA set: Cloudflare issues a universal certificate for any active zone, web or not.
  const caaSpec = web?.caa ?? { issuers: [], acm: false };
  for (const caa of planCaa({ cloudflare: true, acm: caaSpec.acm, extraIssuers: caaSpec.issuers, ...(caaSpec.iodef !== undefined ? { iodef: caaSpec.iodef } : {}) })) {
    out.push({ name: domain.name, type: "CAA", content: caaContent(caa), caa, ttl: 3600, proxied: false, purpose: `CAA ${caa.tag}: ${caa.value}` });
  }
  for (const r of domain.dnsRecords) {
    const caa = r.type === "CAA" ? parseCaa(r.content) : undefined;
    out.push({
      name: r.name,
      type: r.type,
      content: r.type === "TXT" ? normaliseTxt(r.content) : caa?.ok === true ? caaContent(caa.record) : r.content,
      ...(caa?.ok === true ? { caa: caa.record } : {}),
      ttl: r.proxied ? 1 : r.ttl,
      proxied: r.proxied,
      ...(r.priority !== undefined ? { priority: r.priority } : {}),
      purpose: "declared in dns.records",
    });
  }
  const keyed = withKeys(domain.name, out);
  return adopt(keyed, domain.cloudflare.adoptRecords).records;
}

export interface AdoptionMatch {
  readonly records: PlannedRecord[];
  /** Indexes into the adopt list that match no planned record, or more than one. */
  readonly problems: readonly { readonly index: number; readonly message: string }[];
}

/** Marks planned records that already exist (by name, type and, when ambiguous, content) with their import id. */
export function adopt(records: readonly PlannedRecord[], adoptList: readonly AdoptedRecordSpec[]): AdoptionMatch {
  const ids = new Map<string, string>();
  const problems: { index: number; message: string }[] = [];
  adoptList.forEach((a, index) => {
    const sameNameType = records.filter((r) => r.name === a.name && r.type === a.type);
    const candidates = a.content === undefined ? sameNameType : sameNameType.filter((r) => sameContent(r, a.content ?? ""));
    if (sameNameType.length === 0) {
      problems.push({ index, message: `the stack plans no ${a.type} record named \`${a.name}\`: adopt only records the stack manages (others are left alone)` });
    } else if (candidates.length === 0) {
      problems.push({ index, message: `no planned ${a.type} record at \`${a.name}\` has this content; planned: ${sameNameType.map((r) => `\`${r.content}\``).join(", ")}` });
    } else if (candidates.length > 1) {
      problems.push({ index, message: `${candidates.length} ${a.type} records at \`${a.name}\` are planned: add \`content\` to say which one this id is` });
    } else {
      const key = candidates[0]!.key;
      if (ids.has(key)) problems.push({ index, message: `the record \`${a.name}\` ${a.type} is adopted twice: list each record once` });
      ids.set(key, a.id);
    }
  });
  return { records: records.map((r) => (ids.has(r.key) ? { ...r, importId: ids.get(r.key) } : r)), problems };
}

function sameContent(r: PlannedRecord, content: string): boolean {
  if (r.type === "TXT") return normaliseTxt(content) === r.content;
  if (r.type === "CAA") {
    const p = parseCaa(content);
    return p.ok && caaContent(p.record) === r.content;
  }
  return content.trim().toLowerCase() === r.content.toLowerCase();
}

function originRecord(origin: Origin): { type: DnsRecordType; content: string } {
  switch (origin.kind) {
    case "ipv4":
      return { type: "A", content: origin.value };
    case "ipv6":
      return { type: "AAAA", content: origin.value };
    case "hostname":
      // Cloudflare flattens a CNAME at the apex (RFC 1034 forbids it on the wire; the edge answers with A/AAAA).
      return { type: "CNAME", content: origin.value };
  }
}

function withKeys(zone: string, records: Omit<PlannedRecord, "key">[]): PlannedRecord[] {
  const counts = new Map<string, number>();
  return records.map((r) => {
    const rel = relativeName(r.name, zone);
    // CAA keys name the tag and CA, so adding a CA never renames (and so replaces) the others.
    const what = r.caa !== undefined ? `caa-${r.caa.tag.toLowerCase()}-${r.caa.value.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")}` : r.type.toLowerCase();
    const base = `${rel === "@" ? "apex" : rel.replace(/\./g, "-")}-${what}`;
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    return { key: n === 1 ? base : `${base}-${n}`, ...r };
  });
}
