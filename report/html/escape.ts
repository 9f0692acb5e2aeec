/**
 * Escaping for text and attribute values. Every string that reaches the page goes through `esc`: check messages
 * quote DNS records, headers and hostnames from the outside world, which may contain markup.
 */
const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A fragment identifier built from an ID: only characters that need no escaping in `id` or `href="#…"`. */
export function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_.-]/g, "-")}`;
}
