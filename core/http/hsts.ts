/**
 * Strict-Transport-Security header parsing, RFC 6797 §6.1:
 *   directive *( ";" [ directive ] ), directive = name [ "=" ( token / quoted-string ) ]
 * Names are case-insensitive; a directive appearing twice makes the header invalid (§6.1, "MUST NOT appear more
 * than once"); max-age is required and is delta-seconds, possibly quoted (§6.1.1); includeSubDomains has no value
 * (§6.1.2); unknown directives are ignored (§6.1). `preload` is not in the RFC but is what the preload list reads.
 */

export type HstsParse =
  | {
      readonly ok: true;
      readonly maxAge: number;
      readonly includeSubDomains: boolean;
      readonly preload: boolean;
      /** Lower-cased directive names in order, for evidence. */
      readonly directives: readonly string[];
    }
  | { readonly ok: false; readonly error: string };

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Splits on `;` outside quoted-strings; returns raw directive strings (may be empty). */
function splitDirectives(value: string): string[] | string {
  const out: string[] = [];
  let cur = "";
  let inQuote = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (inQuote) {
      cur += c;
      if (c === "\\" && i + 1 < value.length) cur += value.charAt(++i);
      else if (c === '"') inQuote = false;
    } else if (c === '"') {
      inQuote = true;
      cur += c;
    } else if (c === ";") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  if (inQuote) return "an unterminated quoted-string";
  out.push(cur);
  return out;
}

function unquote(v: string): string | undefined {
  if (!v.startsWith('"')) return TOKEN.test(v) ? v : undefined;
  if (v.length < 2 || !v.endsWith('"')) return undefined;
  return v.slice(1, -1).replace(/\\(.)/g, "$1");
}

export function parseHsts(value: string): HstsParse {
  const parts = splitDirectives(value);
  if (typeof parts === "string") return { ok: false, error: `contains ${parts}` };
  const seen = new Map<string, string | undefined>();
  const order: string[] = [];
  for (const raw of parts) {
    const d = raw.trim();
    if (d === "") continue;
    const eq = d.indexOf("=");
    const name = (eq === -1 ? d : d.slice(0, eq)).trim();
    if (!TOKEN.test(name)) return { ok: false, error: `"${name}" is not a valid directive name` };
    const key = name.toLowerCase();
    if (seen.has(key)) return { ok: false, error: `directive "${key}" appears more than once (RFC 6797 §6.1)` };
    let v: string | undefined;
    if (eq !== -1) {
      v = unquote(d.slice(eq + 1).trim());
      if (v === undefined) return { ok: false, error: `directive "${key}" has a malformed value` };
    }
    seen.set(key, v);
    order.push(key);
  }
  if (!seen.has("max-age")) return { ok: false, error: "the required max-age directive is missing (RFC 6797 §6.1.1)" };
  const ma = seen.get("max-age");
  if (ma === undefined || !/^\d+$/.test(ma)) return { ok: false, error: `max-age "${ma ?? ""}" is not a number of seconds (RFC 6797 §6.1.1)` };
  if (seen.has("includesubdomains") && seen.get("includesubdomains") !== undefined) {
    return { ok: false, error: "includeSubDomains takes no value (RFC 6797 §6.1.2)" };
  }
  return {
    ok: true,
    maxAge: Number(ma),
    includeSubDomains: seen.has("includesubdomains"),
    preload: seen.has("preload"),
    directives: order,
  };
}
