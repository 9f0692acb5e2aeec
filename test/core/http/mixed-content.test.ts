import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cssUrls, scanMixedContent, scanPage, srcsetUrls } from "../../../core/http/mixed-content";

const PAGE = "https://acme.example/shop/index.html";
const scan = (html: string, url = PAGE) => scanMixedContent(html, url).map((r) => `${r.kind} ${r.tag}[${r.attribute}] ${r.resolved}`);

describe("mixed content scan", () => {
  it("classifies scripts, styles, frames and forms as active and media as passive", () => {
    const html = `<html><head>
      <script src="http://cdn.example/a.js"></script>
      <link rel="stylesheet" href='http://cdn.example/a.css'>
      <link rel="canonical" href="http://acme.example/">
      </head><body>
      <iframe src=http://x.example/f></iframe>
      <form action="HTTP://acme.example/login"></form>
      <img src="http://img.example/a.png" srcset="https://ok.example/1x.png 1x, http://img.example/2x.png 2x">
      <video poster="http://img.example/p.png"></video>
      <a href="http://elsewhere.example/">a link is a navigation</a>
      <img src="https://img.example/secure.png"><script src="//cdn.example/relative.js"></script>
      </body></html>`;
    expect(scanMixedContent(html, PAGE).map((r) => `${r.kind} ${r.tag}[${r.attribute}] ${r.url}`)).toEqual([
      "active script[src] http://cdn.example/a.js",
      "active link[href] http://cdn.example/a.css",
      "active iframe[src] http://x.example/f",
      "active form[action] HTTP://acme.example/login",
      "passive img[src] http://img.example/a.png",
      "passive img[srcset] http://img.example/2x.png",
      "passive video[poster] http://img.example/p.png",
    ]);
  });

  it("does not mistake comments, script text or template contents for requests", () => {
    const html = `<!-- <script src="http://old.example/x.js"></script> -->
      <script>document.write('<img src="http://x.example/a.png">')</script>
      <template><img src="http://tpl.example/a.png"></template>
      <noscript><img src="http://noscript.example/a.png"></noscript>
      <textarea><script src="http://text.example/x.js"></script></textarea>`;
    expect(scanMixedContent(html, PAGE)).toEqual([]);
  });

  it("decodes entities in attribute values", () => {
    expect(scanMixedContent(`<script src="http&#58;//a.example/x.js"></script>`, PAGE)).toHaveLength(1);
  });

  describe("resolves URLs against <base href> as browsers do (HTML §2.4.1)", () => {
    it("makes relative and protocol-relative URLs insecure under an http: base", () => {
      const html = `<head><base href="http://static.example/assets/"><script src="app.js"></script>
        <link rel="stylesheet" href="/site.css"></head><body><img src="//img.example/a.png"><img src="https://ok.example/b.png"></body>`;
      expect(scan(html)).toEqual([
        "active script[src] http://static.example/assets/app.js",
        "active link[href] http://static.example/site.css",
        "passive img[src] http://img.example/a.png",
      ]);
    });

    it("uses the first <base> with an href, resolved against the page, wherever it is", () => {
      expect(scan(`<base target="_top"><base href="//cdn.example/"><base href="https://ok.example/"><script src="x.js"></script>`, "http://acme.example/")).toEqual([
        "active script[src] http://cdn.example/x.js",
      ]);
      // Under an https page, a protocol-relative base stays https.
      expect(scan(`<base href="//cdn.example/"><script src="x.js"></script>`)).toEqual([]);
      expect(scan(`<body><p>late</p><base href="http://late.example/"><img src="a.png"></body>`)).toEqual(["passive img[src] http://late.example/a.png"]);
    });

    it("ignores a base that is data:, javascript: or unparseable, keeping the page's URL", () => {
      for (const href of ["data:text/html,x", "javascript:void(0)", "http://[bad/"]) {
        expect(scanPage(`<base href="${href}"><script src="x.js"></script>`, PAGE)).toMatchObject({ baseUrl: PAGE, resources: [] });
      }
    });

    it("leaves empty URLs alone (an empty src fetches nothing, an empty action posts to the page)", () => {
      expect(scan(`<base href="http://b.example/"><img src=""><form action=" "></form><script src></script>`)).toEqual([]);
    });
  });

  it("reads every srcset candidate, commas inside URLs included", () => {
    expect(srcsetUrls("a.png 1x, http://x.example/b,c.png 2x,d.png,, e.png (max-width: 2px) 3x")).toEqual(["a.png", "http://x.example/b,c.png", "d.png", "e.png"]);
    expect(scan(`<base href="http://b.example/"><picture><source srcset="s1.webp 1x, https://ok.example/s2.webp 2x"><img src="https://ok.example/i.png"></picture>`)).toEqual([
      "passive source[srcset] http://b.example/s1.webp",
    ]);
  });

  it("reads url() and @import in <style> blocks and style attributes, with CSS escapes and comments", () => {
    const html = `<style>
        @import "http://cdn.example/theme.css";
        @import url('//fonts.example/css');
        /* url(http://commented.example/x.png) */
        @font-face { font-family: F; src: url(http://fonts.example/f.woff2) format("woff2"); }
        body { background: url( "\\68 ttp://img.example/bg.png" ); }
      </style>
      <div style="background-image:url(http://img.example/inline.png)"></div>
      <p style="color: red">no url</p>`;
    expect(scan(html, "http://acme.example/")).toEqual([
      "active style[@import] http://cdn.example/theme.css",
      "active style[@import] http://fonts.example/css",
      "active style[@font-face] http://fonts.example/f.woff2",
      "passive style[url()] http://img.example/bg.png",
      "passive div[style] http://img.example/inline.png",
    ]);
    expect(scan(`<base href="http://b.example/"><span style="background:url(bg.png)"></span>`)).toEqual(["passive span[style] http://b.example/bg.png"]);
    expect(cssUrls("a{b:url()}")).toEqual([{ url: "", kind: "passive", via: "url()" }]);
  });

  it("covers objects, embeds, audio, video sources, image inputs, icons, preloads and SVG images", () => {
    const html = `<base href="http://b.example/">
      <object data="o.swf"></object><embed src="e.swf"><audio src="a.mp3"></audio><video><source src="v.mp4"></video>
      <input type="image" src="btn.png"><input type="text" src="ignored.png">
      <link rel="shortcut icon" href="fav.ico"><link rel="preload" as="image" href="hero.png"><link rel="preload" as="script" href="p.js">
      <link rel="prefetch" href="not-a-subresource-of-this-page.html">
      <svg><image href="s.png"></image><image xlink:href="x.png"></image></svg>`;
    expect(scan(html)).toEqual([
      "active object[data] http://b.example/o.swf",
      "active embed[src] http://b.example/e.swf",
      "passive audio[src] http://b.example/a.mp3",
      "passive source[src] http://b.example/v.mp4",
      "passive input[src] http://b.example/btn.png",
      "passive link[href] http://b.example/fav.ico",
      "passive link[href] http://b.example/hero.png",
      "active link[href] http://b.example/p.js",
      "passive image[href] http://b.example/s.png",
      "passive image[href] http://b.example/x.png",
    ]);
  });

  it("finds every http: script however many are mixed with https ones", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 20 }), (insecure) => {
        const html = insecure.map((bad, i) => `<script src="${bad ? "http" : "https"}://cdn.example/${i}.js"></script>`).join("\n");
        expect(scanMixedContent(html, PAGE)).toHaveLength(insecure.filter(Boolean).length);
      }),
    );
  });

  it("reports a relative subresource exactly when the base is http:", () => {
    fc.assert(
      fc.property(fc.constantFrom("http", "https"), fc.constantFrom("a.js", "/a.js", "../a.js", "//cdn.example/a.js", "?q=1"), (scheme, src) => {
        const found = scanMixedContent(`<base href="${scheme}://b.example/x/"><script src="${src}"></script>`, PAGE);
        expect(found.length).toBe(scheme === "http" ? 1 : 0);
      }),
    );
  });

  it("never throws and only reports http: URLs, whatever the markup", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (html) => {
        for (const r of scanMixedContent(html, PAGE)) expect(r.resolved.startsWith("http:")).toBe(true);
      }),
    );
  });
});
