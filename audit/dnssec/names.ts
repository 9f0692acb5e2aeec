/** Domain names as the validator compares them: lower case, no trailing dot, "" for the root. */

export function labelsOf(name: string): string[] {
  return name
    .replace(/\.$/, "")
    .toLowerCase()
    .split(".")
    .filter((l) => l !== "");
}

export function normal(name: string): string {
  return labelsOf(name).join(".");
}

export const show = (name: string): string => (name === "" ? "." : name);

/** Whether `ancestor` is `name` or one of its ancestors. */
export function isAtOrBelow(name: string, ancestor: string): boolean {
  return ancestor === "" || name === ancestor || name.endsWith(`.${ancestor}`);
}

/** The name one label longer than `ancestor` on the way to `name` (RFC 5155 §1.3 "next closer name"). */
export function nextCloser(name: string, ancestor: string): string {
  const n = labelsOf(name);
  const a = labelsOf(ancestor);
  return n.slice(n.length - a.length - 1).join(".");
}

/** `name` and each ancestor up to the root (exclusive), nearest first. */
export function selfAndAncestors(name: string): string[] {
  const l = labelsOf(name);
  return l.map((_, i) => l.slice(i).join("."));
}

/**
 * Canonical DNS name order (RFC 4034 §6.1): compare label by label from the right, each label as lower-case bytes;
 * a name sorts after its ancestors.
 */
export function canonicalCompare(a: string, b: string): number {
  const la = labelsOf(a).reverse();
  const lb = labelsOf(b).reverse();
  for (let i = 0; i < Math.min(la.length, lb.length); i++) {
    const c = Buffer.compare(Buffer.from(la[i] ?? "", "utf8"), Buffer.from(lb[i] ?? "", "utf8"));
    if (c !== 0) return c;
  }
  return la.length - lb.length;
}

/** The longest common ancestor-or-self of two names. */
export function commonAncestor(a: string, b: string): string {
  const la = labelsOf(a).reverse();
  const lb = labelsOf(b).reverse();
  const out: string[] = [];
  for (let i = 0; i < Math.min(la.length, lb.length) && la[i] === lb[i]; i++) out.push(la[i] ?? "");
  return out.reverse().join(".");
}
