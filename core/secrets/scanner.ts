/**
 * What a secret scanner reports: where in a text something credential-like sits and what kind it is. Never the
 * matched text itself, so a finding can be printed, logged and compared without leaking what it found.
 */

export interface SecretFinding {
  /** What was found, in words a user reads: "private key (PEM)", "GitHub token". */
  readonly kind: string;
  /**
   * The detector that found it, stable for reports and ignore lists: `<secretlint rule id>/<message id>` or
   * `launch-ready/<pattern>`. Optional: a scanner written elsewhere may leave it out.
   */
  readonly rule?: string;
  /** Start (inclusive) and end (exclusive) offsets in the scanned text. */
  readonly start: number;
  readonly end: number;
}

/**
 * Finds credential-like spans in many texts at once (one result per text, in order): scanning a whole document's
 * strings in one pass is what keeps the preview fast. Pure: the same texts always give the same findings.
 */
export type SecretScanner = (texts: readonly string[]) => readonly (readonly SecretFinding[])[];

/** The findings of one text. */
export function scanOne(scanner: SecretScanner, text: string): readonly SecretFinding[] {
  return scanner([text])[0] ?? [];
}

/** Every finding of every scanner, overlapping spans merged (the earliest finding names the span). */
export function combineScanners(...scanners: readonly SecretScanner[]): SecretScanner {
  return (texts) => {
    const results = scanners.map((scan) => scan(texts));
    return texts.map((_, i) => mergeFindings(results.flatMap((r) => r[i] ?? [])));
  };
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

/**
 * Runs a single-text scan over one joined text and hands each text its findings (clipped to it): for scanners
 * whose cost is per call rather than per character. A finding that spans a separator marks every text it touches.
 */
export function batched(scanJoined: (text: string) => readonly SecretFinding[], separator = "\n\n"): SecretScanner {
  return (texts) => {
    const starts: number[] = [];
    let at = 0;
    for (const t of texts) {
      starts.push(at);
      at += t.length + separator.length;
    }
    const out: SecretFinding[][] = texts.map(() => []);
    if (texts.every((t) => t.length === 0)) return out;
    for (const f of scanJoined(texts.join(separator))) {
      texts.forEach((t, i) => {
        const s = starts[i] ?? 0;
        const start = Math.max(f.start, s);
        const end = Math.min(f.end, s + t.length);
        if (end > start) out[i]?.push({ ...f, start: start - s, end: end - s });
      });
    }
    return out;
  };
}
