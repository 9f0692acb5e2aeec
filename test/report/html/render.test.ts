/**
 * The HTML renderer on its own: what a reader of the page sees, pinned on the markup (the browser tests check the
 * same page as Chromium shows it).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CHECKS } from "../../../checklist";
import { HTML_STATUSES, renderHtml, STATUS_LOOK, type HtmlCheck, type HtmlReport, type HtmlStatus } from "../../../report/html";
import { HOSTILE } from "./fixtures";

const NOW = new Date("2026-03-01T09:30:00Z");

function check(id: string, verdicts: HtmlCheck["verdicts"], extra: Partial<HtmlCheck> = {}): HtmlCheck {
  return { id, title: `title of ${id}`, severity: "mandatory", verdicts, why: `why of ${id}`, fix: `fix of ${id}`, ...extra };
}

function report(checks: readonly HtmlCheck[], extra: Partial<HtmlReport> = {}): HtmlReport {
  return {
    stack: "acme",
    domains: ["acme.example"],
    generatedAt: NOW,
    toolVersion: "9.8.7",
    sources: [
      { id: "plan", kind: "plan", label: "Before apply (plan)" },
      { id: "live:acme.example", kind: "live", label: "Live: acme.example" },
    ],
    summary: [{ source: "plan", status: "fail", text: "Not launch-ready: 1 mandatory check fails." }],
    rows: [{ id: "ssl-tls", title: "SSL/TLS, HTTPS everywhere", verdicts: [{ source: "plan", status: "fail", text: "1 of 1 check(s) fail." }], checks }],
    ...extra,
  };
}

/** The markup of one check's article. */
function article(html: string, id: string): string {
  const start = html.indexOf(`<article class="check" id="check-${id}"`);
  if (start < 0) throw new Error(`no article for ${id}`);
  return html.slice(start, html.indexOf("</article>", start));
}

function badgeRe(status: HtmlStatus): RegExp {
  const look = STATUS_LOOK[status];
  return new RegExp(`<span class="badge status-${status}"><span class="sym" aria-hidden="true">[^<]+</span>${look.label}</span>`);
}

describe("renderHtml", () => {
  it("escapes every piece of text it is given, so a hostile record cannot add markup to the page", () => {
    const html = renderHtml(
      report([check("spf.record", [{ source: "live:acme.example", status: "fail", text: HOSTILE, fix: HOSTILE }], { title: HOSTILE, why: HOSTILE, fix: `${HOSTILE}!`, acknowledgement: { reason: HOSTILE, until: HOSTILE } })], {
        stack: HOSTILE,
        domains: [HOSTILE],
        toolVersion: HOSTILE,
        summary: [{ source: "plan", status: "fail", text: HOSTILE }],
        sources: [{ id: "live:acme.example", kind: "live", label: HOSTILE }],
      }),
    );
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/onerror='/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=https://evil.example/p.png onerror=&#39;a()&#39;&gt; &amp; &quot;quoted&quot;");
  });

  it("escapes any string (property: no markup character survives unescaped in text)", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const html = renderHtml(report([check("tls.protocols", [{ source: "plan", status: "warn", text: `[[${s}]]` }])]));
        const m = /\[\[([\s\S]*?)\]\]/.exec(article(html, "tls.protocols"));
        expect(m?.[1]).toBeDefined();
        expect(m?.[1] ?? "").not.toMatch(/[<>"']/);
      }),
      { numRuns: 200 },
    );
  });

  it("renders every status as a badge with its word, not only a colour", () => {
    const checks = HTML_STATUSES.map((s, i) => check(`id${i}`, [{ source: "plan", status: s, text: `found ${s}` }]));
    const html = renderHtml(report(checks));
    for (const [i, s] of HTML_STATUSES.entries()) expect(article(html, `id${i}`)).toMatch(badgeRe(s));
    // The legend explains every status too.
    for (const s of HTML_STATUSES) expect(html).toContain(STATUS_LOOK[s].meaning);
  });

  it("gives every status a label of its own", () => {
    const labels = HTML_STATUSES.map((s) => STATUS_LOOK[s].label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("shows a failing check's fix and why it matters; a passing check shows why but no fix", () => {
    const html = renderHtml(
      report([check("hsts.max_age", [{ source: "plan", status: "fail", text: "max-age=300" }]), check("tls.protocols", [{ source: "plan", status: "pass", text: "TLS 1.2+" }])]),
    );
    const failing = article(html, "hsts.max_age");
    expect(failing).toContain("<dt>How to fix</dt><dd class=\"fix\">fix of hsts.max_age</dd>");
    expect(failing).toContain("why of hsts.max_age");
    const passing = article(html, "tls.protocols");
    expect(passing).toContain("why of tls.protocols");
    expect(passing).not.toContain("How to fix");
  });

  it.each(["warn", "cannot-tell", "error"] as const)("shows the fix when a verdict is %s (the reader has something to do or find out)", (status) => {
    const html = renderHtml(report([check("tls.protocols", [{ source: "plan", status, text: "x" }])]));
    expect(article(html, "tls.protocols")).toContain("How to fix");
  });

  it("shows a verdict's own fix when the tool gives one that differs from the check's", () => {
    const html = renderHtml(report([check("spf.record", [{ source: "live:acme.example", status: "fail", text: "two records", fix: "Delete the second v=spf1 record." }])]));
    expect(article(html, "spf.record")).toContain("<strong>Fix here:</strong> Delete the second v=spf1 record.");
  });

  it("shows the plan's and the live verdicts side by side in the check, in column order, and says which side did not judge", () => {
    const html = renderHtml(
      report([
        check("hsts.max_age", [
          { source: "live:acme.example", status: "fail", text: "live: max-age=300" },
          { source: "plan", status: "pass", text: "plan: max-age=63072000" },
        ]),
        check("caa.present", [{ source: "live:acme.example", status: "pass", text: "CAA found" }]),
      ]),
    );
    const a = article(html, "hsts.max_age");
    const plan = a.indexOf("Before apply (plan)");
    const live = a.indexOf("Live: acme.example");
    expect(plan).toBeGreaterThan(0);
    expect(live).toBeGreaterThan(plan);
    expect(a.indexOf("plan: max-age=63072000")).toBeGreaterThan(plan);
    expect(a.indexOf("plan: max-age=63072000")).toBeLessThan(live);
    expect(a.slice(live)).toMatch(badgeRe("fail"));
    expect(a.slice(plan, live)).toMatch(badgeRe("pass"));
    expect(article(html, "caa.present")).toContain("Not judged before apply.");
  });

  it("puts one scorecard column per source and says when a source did not judge a row", () => {
    const html = renderHtml(report([]));
    expect(html).toContain('<thead><tr><th scope="col">Checklist row</th><th scope="col">Before apply (plan)</th><th scope="col">Live: acme.example</th></tr></thead>');
    const row = html.slice(html.indexOf('<tr><th scope="row"><a href="#row-ssl-tls">'), html.indexOf("</tr>", html.indexOf('<a href="#row-ssl-tls">')));
    expect(row).toMatch(badgeRe("fail"));
    expect(row).toContain("1 of 1 check(s) fail.");
    expect(row).toContain("Not judged here");
  });

  it("says first thing which column is missing and why, as an error (never a pass), and points the scorecard's caption to it", () => {
    const sources = [{ id: "live:acme.example", kind: "live" as const, label: "Live: acme.example" }];
    const html = renderHtml(report([], { sources, summary: [{ source: "live:acme.example", status: "pass", text: "9 checks: 9 pass." }], missing: [{ label: "Before apply (plan)", reason: `The plan failed: ${HOSTILE}` }] }));
    const summary = html.slice(html.indexOf('<ul class="summary">'), html.indexOf("</ul>"));
    expect(summary).toMatch(new RegExp(`<li class="missing">${badgeRe("error").source} <strong>Before apply \\(plan\\):</strong> not on this page\\. The plan failed: &lt;script&gt;`));
    expect(html).toContain("Missing: Before apply (plan) (see the bottom line for why).</caption>");
    expect(html).not.toContain('<th scope="col">Before apply (plan)</th>');
    // Without a missing column, no such note.
    expect(renderHtml(report([]))).not.toContain("Missing:");
  });

  it("shows an acknowledgement with its reason and expiry, and marks it expired once the date has passed", () => {
    const html = renderHtml(
      report([
        check("hsts.max_age", [{ source: "plan", status: "fail", text: "x" }], { acknowledgement: { reason: "Preload after the marketing site moves", until: "2026-03-01" } }),
        check("caa.present", [{ source: "plan", status: "fail", text: "x" }], { acknowledgement: { reason: "CA switch in progress", until: "2026-02-28" } }),
      ]),
    );
    const live = article(html, "hsts.max_age");
    expect(live).toContain("Acknowledged until 2026-03-01:</strong> Preload after the marketing site moves");
    expect(live).not.toContain("expired");
    const expired = article(html, "caa.present");
    expect(expired).toContain('class="ack expired"');
    expect(expired).toContain("Acknowledgement expired on 2026-02-28:</strong> CA switch in progress");
    // The acknowledged failure still shows as a failure, with its fix.
    expect(expired).toMatch(badgeRe("fail"));
    expect(expired).toContain("How to fix");
  });

  it("states the date (UTC) and the tool version", () => {
    const html = renderHtml(report([]));
    expect(html).toContain('<time datetime="2026-03-01T09:30:00.000Z">2026-03-01 09:30 UTC</time> by launch-ready 9.8.7');
    expect(html).toContain('<meta name="generator" content="launch-ready 9.8.7">');
  });

  it("is one self-contained page: no script, no external resource, a policy that forbids fetching", () => {
    const html = renderHtml(report(Object.keys(CHECKS).slice(0, 5).map((id) => check(id, [{ source: "plan", status: "pass", text: "ok" }]))));
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\(|src=|href="(?!#)/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"`);
  });

  it("has the landmarks and heading levels a screen reader navigates by, and a skip link first", () => {
    const html = renderHtml(report([check("hsts.max_age", [{ source: "plan", status: "pass", text: "ok" }])]));
    expect(html).toMatch(/<html lang="en">/);
    expect(html.indexOf('<a class="skip" href="#scorecard">')).toBeLessThan(html.indexOf("<header>"));
    for (const tag of ["<header>", '<main id="main">', "<footer>"]) expect(html).toContain(tag);
    const headings = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
    expect(headings.filter((h) => h === 1)).toHaveLength(1);
    // No level is skipped going down.
    headings.forEach((h, i) => expect(h - (headings[i - 1] ?? 0)).toBeLessThanOrEqual(1));
  });

  it("gives the same bytes for the same report", () => {
    const r = report([check("hsts.max_age", [{ source: "plan", status: "fail", text: "x" }])]);
    expect(renderHtml(r)).toBe(renderHtml(r));
  });
});

/** WCAG 2.2 relative luminance and contrast ratio (SC 1.4.3 definitions). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("status colours", () => {
  it.each(HTML_STATUSES)("%s: its text meets WCAG AA contrast on its tint and on white, and its border is visible on white", (s) => {
    const look = STATUS_LOOK[s];
    expect(contrast(look.fg, look.bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(look.fg, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrast(look.border, "#ffffff")).toBeGreaterThanOrEqual(3);
  });
});
