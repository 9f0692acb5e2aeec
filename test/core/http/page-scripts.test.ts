/** Which scripts a page ships and where a bundle's source map is, as browsers and ECMA-426 say. */
import { describe, expect, it } from "vitest";
import { dataUrlText, pageScripts, sourceMapContents, sourceMapReference } from "../../../core/http/page-scripts";

const C = `//${"#"} sourceMappingURL=`; // assembled: a whole one here would be read as this file's own map

describe("pageScripts", () => {
  it("resolves external scripts against <base href>, keeps module preloads, drops fragments and repeats", () => {
    const html = `<html><head><base href="https://cdn.acme.example/v2/"><script src="app.js#x"></script><script src="app.js"></script>
      <link rel="modulepreload" href="/chunk.js"><link rel="preload" as="script" href="pre.js"><link rel="preload" as="image" href="a.png">
      <link rel="stylesheet" href="s.css"></head><body><template><script src="t.js"></script></template><script>var a = 1;</script><script src=""></script></body></html>`;
    expect(pageScripts(html, "https://acme.example/")).toEqual({
      external: ["https://cdn.acme.example/v2/app.js", "https://cdn.acme.example/chunk.js", "https://cdn.acme.example/v2/pre.js"],
      inline: ["var a = 1;"],
    });
  });

  it("reads script text the way a browser does: a comment is not a script, a </script> in a string ends it", () => {
    const { inline } = pageScripts(`<!-- <script>no()</script> --><script>a("</script>")</script>`, "https://acme.example/");
    expect(inline).toEqual(['a("']);
  });
});

describe("sourceMapReference", () => {
  it("prefers the SourceMap header, then X-SourceMap, then the last comment", () => {
    const body = `x;\n${C}first.map\ny;\n${C}last.map\n`;
    expect(sourceMapReference(body, { sourcemap: ["/h.map"] })).toBe("/h.map");
    expect(sourceMapReference(body, { "x-sourcemap": ["/x.map"] })).toBe("/x.map");
    expect(sourceMapReference(body, {})).toBe("last.map");
    expect(sourceMapReference(`x;\n//@ sourceMappingURL=old.map`, {})).toBe("old.map");
    expect(sourceMapReference(`x;\n/*# sourceMappingURL=css.map */`, {})).toBe("css.map");
    expect(sourceMapReference(`var s = "sourceMappingURL=no.map";`, {})).toBeUndefined();
  });
});

describe("dataUrlText and sourceMapContents", () => {
  it("decodes base64 and percent-encoded data: URLs", () => {
    expect(dataUrlText(`data:application/json;base64,${Buffer.from('{"a":1}').toString("base64")}`)).toBe('{"a":1}');
    expect(dataUrlText("data:application/json,%7B%22a%22%3A1%7D")).toBe('{"a":1}');
    expect(dataUrlText("https://acme.example/x.map")).toBeUndefined();
  });

  it("reads sourcesContent with each source's name, past the XSSI prefix and through index-map sections", () => {
    const map = { version: 3, sources: ["a.ts", "b.ts"], sourcesContent: ["A", null], mappings: "" };
    expect(sourceMapContents(`)]}'\n${JSON.stringify(map)}`)).toEqual([{ name: "a.ts", content: "A" }]);
    expect(sourceMapContents(JSON.stringify({ version: 3, sections: [{ offset: { line: 0, column: 0 }, map }] }))).toEqual([{ name: "a.ts", content: "A" }]);
    expect(sourceMapContents("not json")).toBeUndefined();
  });
});
