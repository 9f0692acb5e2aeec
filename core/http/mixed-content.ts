/**
 * Finds the subresources an HTTPS page would fetch over plain `http:`, resolving URLs as a browser does, and
 * classifies them as W3C Mixed Content does: "upgradeable" (passive: images, audio, video) browsers upgrade or flag;
 * "blockable" (active: scripts, styles, frames, objects, fonts, form targets) browsers block, breaking the page.
 *
 * The page is parsed by parse5, the WHATWG HTML parsing algorithm browsers implement, so comments, script text,
 * `<template>` contents and `<noscript>` (scripting on) are what a browser makes of them. Every URL is resolved
 * against the document base URL (HTML §2.4.1): the first `<base>` with an `href`, itself resolved against the page's
 * URL; so a relative `src` under `<base href="http://…">`, or a protocol-relative `//host/x` under it, is an
 * insecure request although it says no `http:`. `srcset` candidates, inline `style` attributes and `<style>` blocks
 * (`url(…)`, `@import`) are read too. Navigation links (`<a href>`) are not subresources.
 */
import { parse, type DefaultTreeAdapterTypes } from "parse5";

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

export type MixedKind = "active" | "passive";

export interface MixedResource {
  readonly kind: MixedKind;
  /** The element that makes the request (`style` for a `<style>` block). */
  readonly tag: string;
  /** The attribute holding the URL, or `style` / `@import` for CSS. */
  readonly attribute: string;
  /** The URL as written in the page. */
  readonly url: string;
  /** The absolute `http:` URL the browser would request. */
  readonly resolved: string;
}

export interface PageScan {
  /** The document base URL every relative URL was resolved against. */
  readonly baseUrl: string;
  /** The `<base href>` value when it set the base URL. */
  readonly baseHref: string | undefined;
  readonly resources: readonly MixedResource[];
}

const HTML_NS = "http://www.w3.org/1999/xhtml";
const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

interface Rule {
  readonly tag: string;
  readonly attribute: string;
  readonly kind: MixedKind;
  readonly ns?: string;
}

/** Element attributes that fetch a subresource, HTML namespace unless said. `<link>` and `<input>` are special-cased. */
const RULES: readonly Rule[] = [
  { tag: "script", attribute: "src", kind: "active" },
  { tag: "iframe", attribute: "src", kind: "active" },
  { tag: "frame", attribute: "src", kind: "active" },
  { tag: "object", attribute: "data", kind: "active" },
  { tag: "embed", attribute: "src", kind: "active" },
  { tag: "form", attribute: "action", kind: "active" },
  { tag: "img", attribute: "src", kind: "passive" },
  { tag: "img", attribute: "srcset", kind: "passive" },
  { tag: "source", attribute: "src", kind: "passive" },
  { tag: "source", attribute: "srcset", kind: "passive" },
  { tag: "video", attribute: "src", kind: "passive" },
  { tag: "video", attribute: "poster", kind: "passive" },
  { tag: "audio", attribute: "src", kind: "passive" },
  { tag: "track", attribute: "src", kind: "passive" },
  { tag: "script", attribute: "href", kind: "active", ns: SVG_NS },
  { tag: "image", attribute: "href", kind: "passive", ns: SVG_NS },
];

const LINK_ACTIVE = ["stylesheet", "preload", "modulepreload", "manifest", "import"];
const LINK_PASSIVE = ["icon", "apple-touch-icon"];
/** `<link rel=preload as=…>` destinations W3C Mixed Content upgrades rather than blocks. */
const UPGRADEABLE_AS = ["image", "audio", "video"];

const ASCII_WS = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;

function attr(el: Element, name: string, ns?: string): string | undefined {
  return el.attrs.find((a) => a.name === name && (ns === undefined ? a.namespace === undefined || a.namespace === "" : a.namespace === ns))?.value;
}

function children(n: Node): readonly Node[] {
  // A <template>'s contents live in `content`, which a browser does not fetch from until it is used: skipped.
  return "childNodes" in n ? n.childNodes : [];
}

function* elements(n: Node): Generator<Element> {
  for (const c of children(n)) {
    if ("tagName" in c) yield c;
    yield* elements(c);
  }
}

/**
 * HTML §2.4.1 "frozen base URL": the first `<base>` with an `href`, parsed against the document's URL; a failure or
 * a `data:`/`javascript:` URL leaves the document's URL.
 */
function baseOf(root: Node, documentUrl: URL): { url: URL; href: string | undefined } {
  for (const el of elements(root)) {
    if (el.tagName !== "base" || el.namespaceURI !== HTML_NS) continue;
    const href = attr(el, "href");
    if (href === undefined) continue;
    try {
      const u = new URL(href, documentUrl);
      if (u.protocol === "data:" || u.protocol === "javascript:") return { url: documentUrl, href };
      return { url: u, href };
    } catch {
      return { url: documentUrl, href };
    }
  }
  return { url: documentUrl, href: undefined };
}

/** HTML §4.8.4.3.1 (srcset): a URL is the run up to whitespace; a trailing comma ends it; descriptors run to a comma outside parentheses. */
export function srcsetUrls(value: string): string[] {
  const out: string[] = [];
  let i = 0;
  const ws = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\f" || c === "\r";
  while (i < value.length) {
    while (i < value.length && (ws(value[i]) || value[i] === ",")) i++;
    if (i >= value.length) break;
    const start = i;
    while (i < value.length && !ws(value[i])) i++;
    let url = value.slice(start, i);
    if (url.endsWith(",")) {
      url = url.replace(/,+$/, "");
    } else {
      let depth = 0;
      while (i < value.length) {
        const c = value[i];
        if (c === "(") depth++;
        else if (c === ")") depth = Math.max(0, depth - 1);
        else if (c === "," && depth === 0) break;
        i++;
      }
    }
    if (url !== "") out.push(url);
  }
  return out;
}

/** CSS escapes (CSS Syntax §4.3.7) undone, so `\68 ttp:` reads as `http:`. */
function cssUnescape(s: string): string {
  return s.replace(/\\([0-9a-fA-F]{1,6})[ \t\n]?|\\([^\n0-9a-fA-F])/g, (_m, hex: string | undefined, ch: string | undefined) => {
    if (hex !== undefined) {
      const cp = parseInt(hex, 16);
      return cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? "\ufffd" : String.fromCodePoint(cp);
    }
    return ch ?? "";
  });
}

export interface CssUrl {
  readonly url: string;
  /** `@import` (a style sheet) and `@font-face` sources (fonts) are blockable; other `url()`s are images. */
  readonly kind: MixedKind;
  readonly via: "@import" | "@font-face" | "url()";
}

const URL_TOKEN = String.raw`url\(\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|((?:[^"'()\\\s]|\\.)*))\s*\)`;

/** The URLs a style sheet (a `<style>` block or a `style` attribute) fetches. */
export function cssUrls(css: string): CssUrl[] {
  const text = css.replace(/\/\*[\s\S]*?(\*\/|$)/g, " ");
  const out: CssUrl[] = [];
  const pick = (m: RegExpMatchArray, from: number): string => cssUnescape(m[from] ?? m[from + 1] ?? m[from + 2] ?? "");
  let rest = text;
  // @import "x" | @import url(x): a style sheet.
  const IMPORT = new RegExp(String.raw`@import\s+(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|${URL_TOKEN})`, "gi");
  for (const m of text.matchAll(IMPORT)) {
    const url = m[1] !== undefined || m[2] !== undefined ? cssUnescape(m[1] ?? m[2] ?? "") : pick(m, 3);
    out.push({ url, kind: "active", via: "@import" });
  }
  rest = rest.replace(IMPORT, " ");
  // Fonts in @font-face blocks.
  const FONT_FACE = /@font-face\s*\{[^}]*\}/gi;
  for (const block of rest.match(FONT_FACE) ?? []) {
    for (const m of block.matchAll(new RegExp(URL_TOKEN, "gi"))) out.push({ url: pick(m, 1), kind: "active", via: "@font-face" });
  }
  rest = rest.replace(FONT_FACE, " ");
  for (const m of rest.matchAll(new RegExp(URL_TOKEN, "gi"))) out.push({ url: pick(m, 1), kind: "passive", via: "url()" });
  return out;
}

function resolve(value: string, base: URL): string | undefined {
  if (value.replace(ASCII_WS, "") === "") return undefined; // an empty URL fetches nothing (or the page itself)
  try {
    const u = new URL(value, base);
    return u.protocol === "http:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function elementRules(el: Element): { attribute: string; value: string; kind: MixedKind; srcset: boolean }[] {
  const out: { attribute: string; value: string; kind: MixedKind; srcset: boolean }[] = [];
  const tag = el.tagName;
  if (el.namespaceURI === HTML_NS && tag === "link") {
    const rels = (attr(el, "rel") ?? "").toLowerCase().split(/[\t\n\f\r ]+/);
    const href = attr(el, "href");
    if (href !== undefined) {
      const as = (attr(el, "as") ?? "").toLowerCase();
      if (rels.includes("preload") && UPGRADEABLE_AS.includes(as)) out.push({ attribute: "href", value: href, kind: "passive", srcset: false });
      else if (LINK_ACTIVE.some((r) => rels.includes(r))) out.push({ attribute: "href", value: href, kind: "active", srcset: false });
      else if (LINK_PASSIVE.some((r) => rels.includes(r))) out.push({ attribute: "href", value: href, kind: "passive", srcset: false });
    }
    const imagesrcset = attr(el, "imagesrcset");
    if (imagesrcset !== undefined && rels.includes("preload")) out.push({ attribute: "imagesrcset", value: imagesrcset, kind: "passive", srcset: true });
    return out;
  }
  if (el.namespaceURI === HTML_NS && tag === "input") {
    const src = attr(el, "src");
    if (src !== undefined && (attr(el, "type") ?? "").toLowerCase() === "image") out.push({ attribute: "src", value: src, kind: "passive", srcset: false });
    return out;
  }
  for (const r of RULES) {
    if (r.tag !== tag || el.namespaceURI !== (r.ns ?? HTML_NS)) continue;
    // SVG: `href`, else the legacy `xlink:href`.
    const value = r.ns === SVG_NS ? attr(el, r.attribute) ?? attr(el, r.attribute, XLINK_NS) : attr(el, r.attribute);
    if (value !== undefined) out.push({ attribute: r.attribute, value, kind: r.kind, srcset: r.attribute === "srcset" });
  }
  return out;
}

function textOf(el: Element): string {
  return children(el).map((c) => (c.nodeName === "#text" && "value" in c ? c.value : "")).join("");
}

/** Every `http:` subresource of the page at `documentUrl`, and the base URL used to resolve them. */
export function scanPage(html: string, documentUrl: string): PageScan {
  let docUrl: URL;
  try {
    docUrl = new URL(documentUrl);
  } catch {
    throw new Error(`scanPage: the document URL "${documentUrl}" is not an absolute URL`);
  }
  const doc = parse(html, { scriptingEnabled: true });
  const base = baseOf(doc, docUrl);
  const found: MixedResource[] = [];
  const add = (kind: MixedKind, tag: string, attribute: string, url: string) => {
    const resolved = resolve(url, base.url);
    if (resolved !== undefined) found.push({ kind, tag, attribute, url, resolved });
  };
  for (const el of elements(doc)) {
    for (const r of elementRules(el)) {
      for (const url of r.srcset ? srcsetUrls(r.value) : [r.value]) add(r.kind, el.tagName, r.attribute, url);
    }
    const style = attr(el, "style");
    if (style !== undefined) for (const c of cssUrls(style)) add(c.kind, el.tagName, "style", c.url);
    if (el.tagName === "style" && (el.namespaceURI === HTML_NS || el.namespaceURI === SVG_NS)) {
      for (const c of cssUrls(textOf(el))) add(c.kind, "style", c.via, c.url);
    }
  }
  return { baseUrl: base.url.href, baseHref: base.href, resources: found };
}

/** The `http:` subresources of the page at `documentUrl` (see `scanPage`). */
export function scanMixedContent(html: string, documentUrl: string): MixedResource[] {
  return [...scanPage(html, documentUrl).resources];
}
