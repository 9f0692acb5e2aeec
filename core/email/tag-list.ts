/**
 * The `tag=value; tag=value` syntax shared by DKIM (RFC 6376 §3.2), DMARC (RFC 7489 §6.4), MTA-STS TXT
 * (RFC 8461 §3.1) and TLS-RPT (RFC 8460 §3). Each standard adds its own rules on top (order, case, duplicates);
 * this only splits, keeping order and duplicates so callers can judge them.
 */
export interface Tag {
  readonly name: string;
  readonly value: string;
}

export interface TagList {
  readonly tags: readonly Tag[];
  readonly errors: readonly string[];
}

const TAG_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function parseTagList(text: string): TagList {
  const tags: Tag[] = [];
  const errors: string[] = [];
  const parts = text.split(";");
  parts.forEach((part, index) => {
    const trimmed = part.trim();
    if (trimmed === "") {
      // A trailing ";" is allowed by every grammar; an empty term in the middle is not.
      if (index !== parts.length - 1) errors.push(`empty term at position ${index + 1} (two ";" in a row)`);
      return;
    }
    const eq = trimmed.indexOf("=");
    if (eq < 0) {
      errors.push(`"${trimmed}" is not a tag=value pair`);
      return;
    }
    const name = trimmed.slice(0, eq).trim();
    const value = trimmed.slice(eq + 1).trim();
    if (!TAG_NAME.test(name)) {
      errors.push(`"${name}" is not a valid tag name`);
      return;
    }
    tags.push({ name, value });
  });
  return { tags, errors };
}

/** Tag names appearing more than once, in first-seen order. */
export function duplicateTags(tags: readonly Tag[], caseInsensitive = false): string[] {
  const seen = new Set<string>();
  const dups: string[] = [];
  for (const { name } of tags) {
    const key = caseInsensitive ? name.toLowerCase() : name;
    if (seen.has(key) && !dups.includes(key)) dups.push(key);
    seen.add(key);
  }
  return dups;
}
