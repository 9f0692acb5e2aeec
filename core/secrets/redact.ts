/**
 * One redaction for every output: the preview (text and JSON) and the audit (text, JSON, SARIF, Markdown).
 *
 * - Values known to be secret (a `pulumi.secret` input) become `[secret]` wherever they appear, whole or as a
 *   fragment (messages cut values at a length, TXT values are split into 255-byte strings).
 * - Spans the scanner finds (a PEM key, a provider token…) become `[withheld: <kind>]`, naming what was withheld.
 * - A value under a credential name (`apiToken`, `x-api-key`) is withheld whole, whatever it looks like.
 */
import { isCredentialName } from "./names";
import type { SecretFinding, SecretScanner } from "./scanner";

export const SECRET_MARK = "[secret]";

export function withheldMark(kind: string): string {
  return `[withheld: ${kind}]`;
}

/** Markers a redacted value may already hold; they are not secrets themselves. */
const MARKERS = /^\[(?:secret|unknown|withheld: [^\]]*)\]$/;

/** Secret values shorter than this are too short to scrub from free text without erasing ordinary words. */
export const MIN_SCRUBBED_SECRET = 4;
/** A run of this many characters of a secret value, anywhere in a text, is treated as a leaked fragment. */
export const FRAGMENT_LENGTH = 16;

export interface RedactorOptions {
  readonly scanner: SecretScanner;
  /** Plaintext of values known to be secret. */
  readonly secretValues?: readonly string[];
}

export interface Redactor {
  /**
   * Scans every string inside `v` in one pass and remembers the findings: call it with a whole document before
   * redacting its parts, since the scanner's cost is mostly per call.
   */
  prime(v: unknown): void;
  text(s: string): string;
  /** A deep copy with every string redacted and every value under a credential name withheld. */
  value(v: unknown, key?: string): unknown;
  record(r: object): Record<string, unknown>;
}

export function createRedactor(opts: RedactorOptions): Redactor {
  const secrets = [...new Set((opts.secretValues ?? []).filter((s) => s.length >= MIN_SCRUBBED_SECRET && !MARKERS.test(s)))].sort((a, b) => b.length - a.length);
  const fragments = new Set<string>();
  for (const s of secrets) for (let i = 0; i + FRAGMENT_LENGTH <= s.length; i++) fragments.add(s.slice(i, i + FRAGMENT_LENGTH));

  const scrubKnown = (s: string): string => {
    if (secrets.length === 0) return s;
    const hit = new Array<boolean>(s.length).fill(false);
    for (const secret of secrets) {
      for (let at = s.indexOf(secret); at !== -1; at = s.indexOf(secret, at + 1)) hit.fill(true, at, at + secret.length);
    }
    if (fragments.size > 0) {
      for (let i = 0; i + FRAGMENT_LENGTH <= s.length; i++) {
        if (fragments.has(s.slice(i, i + FRAGMENT_LENGTH))) hit.fill(true, i, i + FRAGMENT_LENGTH);
      }
    }
    if (!hit.includes(true)) return s;
    let out = "";
    for (let i = 0; i < s.length; i++) {
      if (!hit[i]) out += s[i];
      else if (i === 0 || !hit[i - 1]) out += SECRET_MARK;
    }
    return out;
  };

  const cache = new Map<string, readonly SecretFinding[]>();
  const findingsOf = (known: string): readonly SecretFinding[] => {
    const cached = cache.get(known);
    if (cached !== undefined) return cached;
    const found = opts.scanner([known])[0] ?? [];
    cache.set(known, found);
    return found;
  };

  const prime = (v: unknown): void => {
    const pending = new Set<string>();
    const walk = (x: unknown): void => {
      if (typeof x === "string") {
        const known = scrubKnown(x);
        if (!cache.has(known)) pending.add(known);
      } else if (Array.isArray(x)) x.forEach(walk);
      else if (typeof x === "object" && x !== null) Object.values(x).forEach(walk);
    };
    walk(v);
    const list = [...pending];
    if (list.length === 0) return;
    const results = opts.scanner(list);
    list.forEach((t, i) => cache.set(t, results[i] ?? []));
  };

  const text = (s: string): string => {
    const known = scrubKnown(s);
    const findings = findingsOf(known);
    if (findings.length === 0) return known;
    let out = "";
    let at = 0;
    for (const f of findings) {
      out += known.slice(at, f.start) + withheldMark(f.kind);
      at = f.end;
    }
    return out + known.slice(at);
  };

  const value = (v: unknown, key?: string): unknown => {
    if (key !== undefined && isCredentialName(key)) return withholdAll(v, key);
    if (typeof v === "string") return text(v);
    if (Array.isArray(v)) return v.map((item) => value(item));
    if (typeof v === "object" && v !== null) return record(v);
    return v;
  };

  const record = (r: object): Record<string, unknown> => Object.fromEntries(entries(r).map(([k, v]) => [k, value(v, k)]));

  return { prime, text, value, record };
}

/** Everything under a credential name: strings withheld (markers kept), structure kept so paths still read. */
function withholdAll(v: unknown, key: string): unknown {
  if (typeof v === "string") return v === "" || MARKERS.test(v) ? v : withheldMark(`value of ${key}`);
  if (Array.isArray(v)) return v.map((item) => withholdAll(item, key));
  if (typeof v === "object" && v !== null) return Object.fromEntries(entries(v).map(([k, item]) => [k, withholdAll(item, key)]));
  return v;
}

function entries(o: object): [string, unknown][] {
  return Object.entries(o);
}
