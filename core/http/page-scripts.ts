/**
 * The JavaScript a page ships: external scripts (`<script src>`, `<link rel=modulepreload>`, `<link rel=preload
 * as=script>`), resolved against the document base URL as a browser does (HTML §2.4.1), and inline script text;
 * and where a bundle's source map is (the `SourceMap` response header, else the last `sourceMappingURL` comment;
 * ECMA-426 "Source map format", §11 "Linking generated code to source maps"). Pure: parse5 and strings only.
 */
import { parse, type DefaultTreeAdapterTypes } from "parse5";

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

const HTML_NS = "http://www.w3.org/1999/xhtml";

export interface PageScripts {
  /** Absolute URLs of external scripts, in document order, without repeats. */
  readonly external: readonly string[];
  /** Inline script text, in document order (JSON and template script types too: they ship in the page alike). */
  readonly inline: readonly string[];
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name && (a.namespace === undefined || a.namespace === ""))?.value;
}

function* elements(n: Node): Generator<Element> {
  for (const c of "childNodes" in n ? n.childNodes : []) {
    if ("tagName" in c) yield c;
    yield* elements(c);
  }
}

function textOf(el: Element): string {
  return el.childNodes.map((c) => (c.nodeName === "#text" && "value" in c ? c.value : "")).join("");
}

export function pageScripts(html: string, documentUrl: string): PageScripts {
  const doc = parse(html, { scriptingEnabled: true });
  let base = new URL(documentUrl);
  for (const el of elements(doc)) {
    if (el.tagName !== "base" || el.namespaceURI !== HTML_NS) continue;
    const href = attr(el, "href");
    if (href === undefined) continue;
    try {
      const u = new URL(href, documentUrl);
      if (u.protocol !== "data:" && u.protocol !== "javascript:") base = u;
    } catch {
      // an unparsable base leaves the document's URL (HTML §2.4.1)
    }
    break;
  }
  const external: string[] = [];
  const inline: string[] = [];
  const add = (value: string): void => {
    if (value.trim() === "") return;
    try {
      const u = new URL(value.trim(), base);
      u.hash = "";
      if ((u.protocol === "https:" || u.protocol === "http:") && !external.includes(u.href)) external.push(u.href);
    } catch {
      // not a URL a browser would fetch
    }
  };
  for (const el of elements(doc)) {
    if (el.namespaceURI !== HTML_NS) continue;
    if (el.tagName === "script") {
      const src = attr(el, "src");
      if (src !== undefined) add(src);
      else {
        const text = textOf(el);
        if (text.trim() !== "") inline.push(text);
      }
    } else if (el.tagName === "link") {
      const rels = (attr(el, "rel") ?? "").toLowerCase().split(/[\t\n\f\r ]+/);
      const as = (attr(el, "as") ?? "").toLowerCase();
      const href = attr(el, "href");
      if (href !== undefined && (rels.includes("modulepreload") || (rels.includes("preload") && as === "script"))) add(href);
    }
  }
  return { external, inline };
}

/**
 * The source map a bundle names: the `SourceMap` header (or the older `X-SourceMap`) wins over the comment
 * (ECMA-426 §11.1); the comment is the last `sourceMappingURL` line comment (`#`, or the legacy `@`) of the file.
 * (This file never writes the comment out whole: build tools read such a line in any source as its own map.)
 */
export function sourceMapReference(body: string, headers: Readonly<Record<string, readonly string[]>>): string | undefined {
  const header = headers["sourcemap"]?.[0] ?? headers["x-sourcemap"]?.[0];
  if (header !== undefined && header.trim() !== "") return header.trim();
  let found: string | undefined;
  for (const m of body.matchAll(/\/\/[#@][ \t]*sourceMappingURL=([^\s'"]+)[ \t]*$/gm)) found = m[1];
  if (found !== undefined) return found;
  // The block-comment form (`/*# … */`), as some bundlers also emit for JavaScript.
  for (const m of body.matchAll(/\/\*[#@][ \t]*sourceMappingURL=([^\s*]+)[ \t]*\*\/[ \t]*$/gm)) found = m[1];
  return found;
}

/** The text of a `data:` URL (RFC 2397): base64 or percent-encoded; undefined when it is not one. */
export function dataUrlText(url: string): string | undefined {
  const m = /^data:([^,]*),(.*)$/s.exec(url.trim());
  if (m === null) return undefined;
  const meta = m[1] ?? "";
  const data = m[2] ?? "";
  try {
    return /;base64$/i.test(meta) ? Buffer.from(decodeURIComponent(data), "base64").toString("utf8") : decodeURIComponent(data);
  } catch {
    return undefined;
  }
}

/** The original sources a source map carries (`sourcesContent`), with their names; none when it is not a map. */
export function sourceMapContents(text: string): { readonly name: string; readonly content: string }[] | undefined {
  let map: unknown;
  try {
    // ECMA-426 §4: a map may start with `)]}'` to defeat XSSI; it is skipped before parsing.
    map = JSON.parse(text.replace(/^\)\]\}'[^\n]*\n/, ""));
  } catch {
    return undefined;
  }
  if (typeof map !== "object" || map === null) return undefined;
  const sections = "sections" in map && Array.isArray(map.sections) ? map.sections.map((s: unknown) => (typeof s === "object" && s !== null && "map" in s ? s.map : undefined)) : [map];
  const out: { name: string; content: string }[] = [];
  for (const m of sections) {
    if (typeof m !== "object" || m === null) continue;
    const sources = "sources" in m && Array.isArray(m.sources) ? m.sources : [];
    const contents = "sourcesContent" in m && Array.isArray(m.sourcesContent) ? m.sourcesContent : [];
    contents.forEach((c: unknown, i: number) => {
      if (typeof c === "string") out.push({ name: typeof sources[i] === "string" ? String(sources[i]) : `source #${i}`, content: c });
    });
  }
  return out;
}
