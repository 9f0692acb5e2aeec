/**
 * TXT record content in the one form Cloudflare stores and returns, so a second preview shows no drift.
 *
 * RFC 1035 §3.3.14: TXT RDATA is one or more <character-string>s, each at most 255 octets (§3.3). Cloudflare's API
 * accepts and returns the zone-file presentation form: each string in double quotes, separated by one space, with
 * `"` and `\` escaped (RFC 1035 §5.1). Receivers join the strings with no separator (RFC 7208 §3.3 for SPF,
 * RFC 6376 §3.6.2.2 for DKIM), so where we split does not change the meaning; we split greedily at 255 bytes, never
 * inside a UTF-8 character, and that is the normal form.
 */

/** RFC 1035 §3.3: a <character-string> carries at most 255 octets. */
export const TXT_STRING_MAX_BYTES = 255;

export type TxtParse = { readonly ok: true; readonly strings: readonly string[] } | { readonly ok: false; readonly error: string };

/**
 * Reads presentation-form TXT content (`"a" "b"`) into its strings. Fails when the content does not start with a
 * quote, a quote is not closed, or anything but spaces sits between strings.
 */
export function parseQuotedTxt(content: string): TxtParse {
  const strings: string[] = [];
  let i = 0;
  const n = content.length;
  while (i < n) {
    while (i < n && content[i] === " ") i++;
    if (i >= n) break;
    if (content[i] !== '"') return { ok: false, error: `has '${content[i] ?? ""}' at position ${i + 1} where a quoted string should start` };
    i++;
    let cur = "";
    let closed = false;
    while (i < n) {
      const c = content[i]!;
      if (c === "\\") {
        if (i + 1 >= n) return { ok: false, error: "ends with a lone backslash" };
        cur += content[i + 1];
        i += 2;
        continue;
      }
      if (c === '"') {
        closed = true;
        i++;
        break;
      }
      cur += c;
      i++;
    }
    if (!closed) return { ok: false, error: "has a quoted string that is never closed" };
    if (i < n && content[i] !== " ") return { ok: false, error: `has '${content[i] ?? ""}' right after a closing quote: separate strings with a space` };
    strings.push(cur);
  }
  if (strings.length === 0) return { ok: false, error: "holds no quoted string" };
  return { ok: true, strings };
}

/**
 * The value a receiver sees: quoted content is unquoted and its strings joined; anything else is taken as the raw
 * value itself (so `v=spf1 -all` and `"v=spf1 -all"` mean the same).
 */
export function txtValue(content: string): string {
  if (content.trimStart().startsWith('"')) {
    const parsed = parseQuotedTxt(content);
    if (parsed.ok) return parsed.strings.join("");
  }
  return content;
}

/** Splits a value into strings of at most 255 UTF-8 bytes, never inside a character. */
export function splitTxtValue(value: string): string[] {
  if (value === "") return [""];
  const out: string[] = [];
  let cur = "";
  let bytes = 0;
  for (const ch of value) {
    const size = Buffer.byteLength(ch, "utf8");
    if (bytes + size > TXT_STRING_MAX_BYTES) {
      out.push(cur);
      cur = "";
      bytes = 0;
    }
    cur += ch;
    bytes += size;
  }
  out.push(cur);
  return out;
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The normal form of a value taken literally (no unquoting): quoted, split, one space between strings. */
export function txtFromValue(value: string): string {
  return splitTxtValue(value).map(quote).join(" ");
}

/** The normal form of content given raw or quoted: quoted, split into ≤ 255-byte strings. Idempotent. */
export function normaliseTxt(content: string): string {
  return txtFromValue(txtValue(content));
}

/** True when `content` is already in the normal form (what the `dns.txt_normalised` check asks). */
export function isNormalisedTxt(content: string): boolean {
  return normaliseTxt(content) === content;
}
