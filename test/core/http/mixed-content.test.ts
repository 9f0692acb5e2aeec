import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanMixedContent } from "../../../core/http/mixed-content";

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
    expect(scanMixedContent(html).map((r) => `${r.kind} ${r.tag}[${r.attribute}] ${r.url}`)).toEqual([
      "active script[src] http://cdn.example/a.js",
      "active link[href] http://cdn.example/a.css",
      "active iframe[src] http://x.example/f",
      "active form[action] HTTP://acme.example/login",
      "passive img[src] http://img.example/a.png",
      "passive img[srcset] http://img.example/2x.png",
      "passive video[poster] http://img.example/p.png",
    ]);
  });

  it("does not mistake comments or script text for tags", () => {
    const html = `<!-- <script src="http://old.example/x.js"></script> -->
      <script>document.write('<img src="http://x.example/a.png">')</script>`;
    expect(scanMixedContent(html)).toEqual([]);
  });

  it("decodes entities in attribute values", () => {
    expect(scanMixedContent(`<script src="http&#58;//a.example/x.js"></script>`)).toHaveLength(1);
  });

  it("finds every http: script however many are mixed with https ones", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 20 }), (insecure) => {
        const html = insecure.map((bad, i) => `<script src="${bad ? "http" : "https"}://cdn.example/${i}.js"></script>`).join("\n");
        expect(scanMixedContent(html)).toHaveLength(insecure.filter(Boolean).length);
      }),
    );
  });

  it("never throws and only reports http: URLs, whatever the markup", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (html) => {
        for (const r of scanMixedContent(html)) expect(r.url.replace(/[\t\n\r]/g, "").trim().toLowerCase().startsWith("http:")).toBe(true);
      }),
    );
  });
});
