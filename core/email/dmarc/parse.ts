import { duplicateTags, parseTagList, type Tag } from "../tag-list";

export type DmarcPolicy = "none" | "quarantine" | "reject";

export interface DmarcUri {
  readonly raw: string;
  /** The URI without the `!size` suffix. */
  readonly uri: string;
  readonly scheme: string;
  /** For mailto: the address and its domain (lower case). */
  readonly address?: string;
  readonly domain?: string;
  readonly maxSize?: string;
  /** Why the URI is unusable, when it is. */
  readonly problem?: string;
}

export interface DmarcRecord {
  readonly p?: DmarcPolicy;
  readonly sp?: DmarcPolicy;
  readonly np?: DmarcPolicy;
  readonly pct?: number;
  readonly rua: readonly DmarcUri[];
  readonly ruf: readonly DmarcUri[];
  readonly adkim?: "r" | "s";
  readonly aspf?: "r" | "s";
  readonly fo?: readonly string[];
  readonly rf?: readonly string[];
  readonly ri?: number;
  readonly tags: readonly Tag[];
}

export interface DmarcParseResult {
  readonly record: DmarcRecord;
  /** Invalid values, duplicate tags, a missing or misplaced `v`: receivers may ignore the record. */
  readonly errors: readonly string[];
  /** Tags RFC 7489 does not define (receivers ignore them). */
  readonly unknownTags: readonly string[];
}

/** RFC 7489 §6.3 tags, plus those of DMARCbis (np, psd, t) that receivers already read. */
const KNOWN_TAGS = new Set(["v", "p", "sp", "np", "pct", "rua", "ruf", "adkim", "aspf", "fo", "rf", "ri", "psd", "t"]);
const POLICIES = new Set<string>(["none", "quarantine", "reject"]);

/** `v=DMARC1` first (RFC 7489 §6.4: the version is case-sensitive `DMARC1`). */
export function isDmarcRecord(txt: string): boolean {
  return /^v\s*=\s*DMARC1\s*(?:;|$)/.test(txt);
}

function isPolicy(v: string): v is DmarcPolicy {
  return POLICIES.has(v);
}

/** One `rua`/`ruf` URI: `mailto:addr[!size]` (RFC 7489 §6.4 dmarc-uri). */
export function parseDmarcUri(raw: string): DmarcUri {
  const trimmed = raw.trim();
  const m = /^(.*?)(?:!(\d+[kmgt]?))?$/i.exec(trimmed);
  const uri = m?.[1] ?? trimmed;
  const maxSize = m?.[2];
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(uri)?.[1]?.toLowerCase() ?? "";
  const base = { raw: trimmed, uri, scheme, ...(maxSize !== undefined ? { maxSize } : {}) };
  if (scheme === "") return { ...base, problem: `"${trimmed}" is not a URI (expected mailto:address@domain)` };
  if (scheme !== "mailto") return { ...base, problem: `"${trimmed}" uses ${scheme}:, receivers only send reports to mailto: URIs` };
  const address = decodeURIComponentSafe(uri.slice("mailto:".length).split("?")[0] ?? "");
  const at = address.lastIndexOf("@");
  const domain = at > 0 ? address.slice(at + 1).toLowerCase().replace(/\.$/, "") : "";
  if (at <= 0 || !/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(domain)) {
    return { ...base, address, problem: `"${trimmed}" is not a valid mailto address (expected mailto:name@domain)` };
  }
  return { ...base, address, domain };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parses a DMARC record (RFC 7489 §6.3–6.4). Never throws. */
export function parseDmarc(text: string): DmarcParseResult {
  const list = parseTagList(text);
  const errors = [...list.errors];
  const unknownTags: string[] = [];
  const tags = list.tags;
  const first = tags[0];
  if (!first || first.name !== "v" || first.value !== "DMARC1") {
    errors.push(`the record must start with "v=DMARC1" (found ${JSON.stringify(text.slice(0, 20))})`);
  }
  for (const dup of duplicateTags(tags, true)) errors.push(`tag "${dup}" appears more than once`);

  let record: {
    -readonly [K in keyof DmarcRecord]: DmarcRecord[K];
  } = { rua: [], ruf: [], tags };
  const seen = new Set<string>();
  for (const { name: rawName, value } of tags) {
    const name = rawName.toLowerCase();
    if (seen.has(name)) continue; // duplicates already reported; the first one is read
    seen.add(name);
    if (!KNOWN_TAGS.has(name)) {
      unknownTags.push(rawName);
      continue;
    }
    const lower = value.toLowerCase();
    switch (name) {
      case "v":
        break; // checked above: it must be the first tag
      case "p":
      case "sp":
      case "np":
        if (isPolicy(lower)) record = { ...record, [name]: lower };
        else errors.push(`${name}=${value} is not a policy (none, quarantine or reject)`);
        break;
      case "pct":
        if (/^\d{1,3}$/.test(value) && Number(value) <= 100) record = { ...record, pct: Number(value) };
        else errors.push(`pct=${value} must be an integer from 0 to 100`);
        break;
      case "adkim":
      case "aspf":
        if (lower === "r" || lower === "s") record = { ...record, [name]: lower };
        else errors.push(`${name}=${value} must be r (relaxed) or s (strict)`);
        break;
      case "rua":
      case "ruf": {
        const uris = value.split(",").map(parseDmarcUri);
        if (value.trim() === "") errors.push(`${name}= is empty`);
        for (const u of uris) if (u.problem && u.scheme === "") errors.push(`${name}: ${u.problem}`);
        record = { ...record, [name]: uris };
        break;
      }
      case "fo": {
        const opts = value.split(":").map((s) => s.trim());
        const bad = opts.filter((o) => !["0", "1", "d", "s"].includes(o));
        if (bad.length > 0) errors.push(`fo=${value}: ${bad.join(", ")} not one of 0, 1, d, s`);
        else record = { ...record, fo: opts };
        break;
      }
      case "rf": {
        const formats = value.split(":").map((s) => s.trim().toLowerCase());
        if (formats.some((f) => !/^[a-z0-9-]+$/.test(f))) errors.push(`rf=${value} is not a colon-separated list of report formats`);
        else record = { ...record, rf: formats };
        break;
      }
      case "ri":
        if (/^\d{1,32}$/.test(value)) record = { ...record, ri: Number(value) };
        else errors.push(`ri=${value} must be a number of seconds`);
        break;
      default:
        break; // psd, t: DMARCbis tags, accepted as they are
    }
  }
  // p is REQUIRED in a policy record (RFC 7489 §6.3); receivers then act as if p=none when rua is valid, and apply
  // no DMARC at all when it is not (§6.6.3 step 6, see `appliedPolicy`).
  if (!tags.some((t) => t.name.toLowerCase() === "p")) {
    errors.push(record.rua.some(isSyntacticUri) ? "p= is missing (required in a policy record; receivers act as if p=none)" : "p= is missing (and there is no valid rua= to fall back on)");
  }
  return { record, errors, unknownTags };
}

/**
 * "Syntactically valid reporting URI" (RFC 7489 §6.6.3 step 6): a URI with a scheme. Whether receivers will send
 * to it (mailto only) is another question, answered by `DmarcUri.problem`.
 */
export function isSyntacticUri(u: DmarcUri): boolean {
  return u.scheme !== "";
}
