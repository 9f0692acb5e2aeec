/**
 * What a secret scanner reports: where in a text something credential-like sits and what kind it is. Never the
 * matched text itself, so a finding can be printed, logged and compared without leaking what it found.
 */

export interface SecretFinding {
  /** What was found, in words a user reads: "private key (PEM)", "GitHub token". */
  readonly kind: string;
  /** Start (inclusive) and end (exclusive) offsets in the scanned text. */
  readonly start: number;
  readonly end: number;
}

/** Finds credential-like spans in one text. Pure: the same text always gives the same findings. */
export type SecretScanner = (text: string) => readonly SecretFinding[];

/** Every finding of every scanner, overlapping spans merged (the first kind found at the start names the span). */
export function combineScanners(...scanners: readonly SecretScanner[]): SecretScanner {
  return (text) => mergeFindings(scanners.flatMap((scan) => scan(text)));
}

/** Sorted by start; overlapping or touching spans become one. */
export function mergeFindings(findings: readonly SecretFinding[]): SecretFinding[] {
  const sorted = [...findings].filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SecretFinding[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && f.start <= last.end) {
      if (f.end > last.end) out[out.length - 1] = { ...last, end: f.end };
    } else {
      out.push(f);
    }
  }
  return out;
}

/** The distinct kinds of a list of findings, in order of first appearance. */
export function kindsOf(findings: readonly SecretFinding[]): string[] {
  return [...new Set(findings.map((f) => f.kind))];
}
