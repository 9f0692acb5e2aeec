/**
 * Finds `http:` subresources in an HTML page served over HTTPS and classifies them as W3C Mixed Content does:
 * "upgradeable" (passive: images, audio, video) browsers upgrade or show with a warning; "blockable" (active:
 * scripts, styles, frames, objects, form targets) browsers block, breaking the page. Navigation links (`<a href>`)
 * are not subresources. This is a tolerant scan of markup, not a full HTML parser: it skips comments and the bodies
 * of <script>/<style> so strings inside them are not mistaken for tags.
 */

export type MixedKind = "active" | "passive";

export interface MixedResource {
  readonly kind: MixedKind;
  readonly tag: string;
  readonly attribute: string;
  readonly url: string;
}

interface Rule {
  readonly tag: string;
  readonly attribute: string;
  readonly kind: MixedKind;
  /** For <link>: the rel values that make it a subresource. */
  readonly rel?: readonly string[];
}

const RULES: readonly Rule[] = [
  { tag: "script", attribute: "src", kind: "active" },
  { tag: "iframe", attribute: "src", kind: "active" },
  { tag: "frame", attribute: "src", kind: "active" },
  { tag: "object", attribute: "data", kind: "active" },
  { tag: "embed", attribute: "src", kind: "active" },
  { tag: "form", attribute: "action", kind: "active" },
  { tag: "link", attribute: "href", kind: "active", rel: ["stylesheet", "preload", "modulepreload", "manifest", "import"] },
  { tag: "link", attribute: "href", kind: "passive", rel: ["icon", "apple-touch-icon"] },
  { tag: "img", attribute: "src", kind: "passive" },
  { tag: "img", attribute: "srcset", kind: "passive" },
  { tag: "source", attribute: "src", kind: "passive" },
  { tag: "source", attribute: "srcset", kind: "passive" },
  { tag: "video", attribute: "src", kind: "passive" },
  { tag: "video", attribute: "poster", kind: "passive" },
  { tag: "audio", attribute: "src", kind: "passive" },
  { tag: "track", attribute: "src", kind: "passive" },
  { tag: "input", attribute: "src", kind: "passive" },
];

const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&colon;/gi, ":")
    .replace(/&amp;/gi, "&");
}

function attributes(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of raw.matchAll(ATTR)) {
    const name = (m[1] ?? "").toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return out;
}

/** URLs in an attribute value: srcset lists "url descriptor" pairs separated by commas. */
function urlsOf(attribute: string, value: string): string[] {
  if (attribute !== "srcset") return [value.trim()];
  return value.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "").filter((u) => u !== "");
}

function isInsecure(url: string): boolean {
  // URL parsing strips leading/trailing C0 controls and spaces and ignores tabs/newlines inside the scheme.
  return /^http:/i.test(url.replace(/[\t\n\r]/g, "").trim());
}

export function scanMixedContent(html: string): MixedResource[] {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/(<script\b[^>]*>)[\s\S]*?<\/script\s*>/gi, "$1")
    .replace(/(<style\b[^>]*>)[\s\S]*?<\/style\s*>/gi, "$1");
  const found: MixedResource[] = [];
  for (const m of text.matchAll(TAG)) {
    const tag = (m[1] ?? "").toLowerCase();
    const rules = RULES.filter((r) => r.tag === tag);
    if (rules.length === 0) continue;
    const attrs = attributes(m[2] ?? "");
    const rels = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
    for (const rule of rules) {
      if (rule.rel && !rule.rel.some((r) => rels.includes(r))) continue;
      const value = attrs.get(rule.attribute);
      if (value === undefined) continue;
      for (const url of urlsOf(rule.attribute, value)) {
        if (isInsecure(url)) found.push({ kind: rule.kind, tag, attribute: rule.attribute, url });
      }
    }
  }
  return found;
}
