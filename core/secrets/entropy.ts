/**
 * Shannon entropy of a string, in bits per character. Generated credentials (random tokens, passwords from a
 * generator) sit well above human text and identifiers; it is only ever used together with a label that says
 * "this is a credential", since public keys, hashes and IDs are high-entropy too.
 */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  const n = [...text].length;
  for (const c of counts.values()) {
    const p = c / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * A value that looks generated rather than typed: long enough, mixed character classes, and high entropy.
 * Thresholds follow common secret-scanner practice (base64/hex random strings of 16+ characters score above 3.5).
 */
export function looksGenerated(value: string): boolean {
  if (value.length < 16) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(value)).length;
  if (classes < 2) return false;
  return shannonEntropy(value) >= 3.5;
}
