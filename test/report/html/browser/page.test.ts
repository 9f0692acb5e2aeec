/**
 * The HTML report as a reader sees it, in real Chromium: for the example stacks' previews (the real program under
 * the mock engine), a lab-style live audit, both side by side, and the pages the real `launch-ready audit --html`
 * writes for a real audit of the loopback lab, alone and beside the plan of a stack describing it (`--stack`). Each page must show every row's status in words
 * and colour, show a failing check's fix, load nothing from anywhere, log no error, and pass axe with no serious or
 * critical violation; on a phone it must not scroll sideways, and a keyboard reaches the scorecard first.
 */
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previewDocument, type PreviewDocument } from "../../../../cli/preview/report";
import { fromAudit, fromPlanAndLive, fromPreview, renderHtml, STATUS_LOOK, type HtmlReport } from "../../../../report/html";
import { mapAt, readStack, runStack, stackVariant, STACKS_DIR } from "../../../stacks/support/run-stack";
import { labAudit } from "../fixtures";
import { axeViolations } from "./axe";
import { inPage } from "./in-page";
import { chromiumAvailable, launchChromium, PAGE_URL, type Browser } from "./chromium";
import { ACK_REASON, ACK_UNTIL, LAB_DOMAINS, labAvailable, startLabAudits, type LabPage, type LabRun } from "./lab-pages";

const META = { generatedAt: new Date("2026-03-01T09:30:00Z"), toolVersion: "0.1.0" };

async function preview(stack: ReturnType<typeof readStack>): Promise<PreviewDocument> {
  const { report, run, scorecard } = await runStack(stack, true);
  return previewDocument(stack.stack, "preview", run.resources, scorecard, run.outputs, report.warnings, run.logs);
}

/** `#rrggbb` as the browser reports a computed colour. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** One scorecard row as the browser shows it: the link, the title, and per column the badge's words and colours. */
interface ShownRow {
  readonly href: string;
  readonly title: string;
  readonly cells: readonly { text: string; badge?: string; visible?: boolean; color?: string; background?: string }[];
}
const SCORECARD_AS_SHOWN = `() => [...document.querySelectorAll("#scorecard tbody tr")].map((tr) => ({
  href: tr.querySelector("th a").getAttribute("href"),
  title: tr.querySelector("th").innerText,
  cells: [...tr.querySelectorAll("td")].map((td) => {
    const b = td.querySelector(".badge");
    if (b === null) return { text: td.innerText };
    const s = getComputedStyle(b);
    const r = b.getBoundingClientRect();
    return { text: td.innerText, badge: b.innerText, visible: r.width > 0 && r.height > 0 && s.visibility === "visible", color: s.color, background: s.backgroundColor };
  }),
}))`;

/** The verdict boxes of a check: their lines of text and where they sit. */
interface Box {
  readonly lines: readonly string[];
  readonly top: number;
}
const BOXES = `(sel) => [...document.querySelectorAll(sel)].map((e) => ({ lines: e.innerText.split("\\n").filter((l) => l.trim() !== ""), top: e.getBoundingClientRect().top }))`;

const STACK_NAMES = readdirSync(STACKS_DIR)
  .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
  .filter((n): n is string => n !== undefined);

const LAB_AUDIT = "lab audit (real)";
const LAB_COMBINED = "plan of the lab stack and real lab audit side by side";
const COMBINED = "plan (HSTS 300 s) and lab audit side by side";

/** A page as the reader gets it, and the report it shows. */
interface Case {
  readonly name: string;
  readonly report: HtmlReport;
  readonly html: string;
}

function rendered(name: string, report: HtmlReport): Case {
  return { name, report, html: renderHtml(report) };
}

// A page per case per test, under a loaded CI runner: axe alone takes seconds a page.
describe.runIf(chromiumAvailable())("the HTML report in Chromium", { timeout: 180_000 }, () => {
  let browser: Browser;
  const cases: Case[] = [];
  const lab: LabPage[] = [];
  let labRun: Promise<LabRun> | undefined;
  const byName = (name: string): Case => {
    const c = cases.find((x) => x.name === name);
    if (c === undefined) throw new Error(`no case ${name}`);
    return c;
  };

  beforeAll(async () => {
    // The lab audits run in their own processes: start them first, build the in-process pages meanwhile.
    labRun = labAvailable() ? startLabAudits() : undefined;
    labRun?.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    for (const name of STACK_NAMES) cases.push(rendered(`preview of stack ${name}`, fromPreview(await preview(readStack(name)), META)));
    const hsts300 = await preview(
      stackVariant("example", "hsts-300", (d) => {
        mapAt(d, 0, "web", "hsts")["maxAgeSeconds"] = 300;
      }),
    );
    cases.push(rendered("lab audit", fromAudit(labAudit(), META)));
    cases.push(rendered(COMBINED, fromPlanAndLive(hsts300, labAudit(), { ...META, acknowledgements: new Map([["caa.present", { reason: "CA switch in progress", until: "2026-04-30" }]]) })));
    if (labRun !== undefined) lab.push(...(await (await labRun).finish()));
    cases.push(...lab);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await labRun?.then((r) => r.stop(), () => undefined);
  });

  it("covers both example stacks, a failing plan and a failing live audit", () => {
    expect(STACK_NAMES.length).toBeGreaterThanOrEqual(2);
    const failing = cases.filter((c) => c.report.rows.some((r) => r.checks.some((ch) => ch.verdicts.some((v) => v.status === "fail"))));
    expect(failing.map((c) => c.name)).toEqual(["lab audit", COMBINED, ...(labAvailable() ? [LAB_AUDIT, LAB_COMBINED] : [])]);
  });

  it("shows each scorecard row's status in words and in its colour, for every source", async () => {
    for (const { name, report, html } of cases) {
      const { page } = await browser.open(html);
      const shown = await inPage<ShownRow[]>(page, SCORECARD_AS_SHOWN);
      expect(shown.map((r) => [r.href, r.title]), name).toEqual(report.rows.map((r) => [`#row-${r.id}`, r.title]));
      for (const [n, row] of report.rows.entries()) {
        const cells = shown[n]?.cells ?? [];
        expect(cells, `${name}: ${row.title}`).toHaveLength(report.sources.length);
        for (const [i, source] of report.sources.entries()) {
          const v = row.verdicts.find((x) => x.source === source.id);
          const where = `${name}: ${row.title} / ${source.label}`;
          if (v === undefined) {
            expect(cells[i]?.text, where).toContain("Not judged here");
            continue;
          }
          const look = STATUS_LOOK[v.status];
          expect(cells[i], where).toEqual({ text: expect.stringContaining(v.text), badge: `${look.symbol}${look.label}`, visible: true, color: rgb(look.fg), background: rgb(look.bg) });
        }
      }
      await page.close();
    }
  });

  it("shows every failing check's fix, visibly, under the check", async () => {
    for (const { name, report, html } of cases) {
      const { page } = await browser.open(html);
      for (const check of report.rows.flatMap((r) => r.checks)) {
        if (!check.verdicts.some((v) => v.status === "fail")) continue;
        const fix = page.locator(`article[id="check-${check.id}"] dd.fix`);
        expect(await fix.isVisible(), `${name}: ${check.id}`).toBe(true);
        expect(await fix.innerText()).toBe(check.fix);
      }
      await page.close();
    }
  });

  it("shows the plan's verdict next to the live ones for the same ID, and an acknowledgement with its expiry", async () => {
    const { page } = await browser.open(byName(COMBINED).html);
    const boxes = await inPage<Box[]>(page, BOXES, 'article[id="check-hsts.max_age"] .verdict');
    expect(boxes).toHaveLength(3);
    expect(boxes.map((b) => b.lines[0])).toEqual(["Before apply (plan)", "Live: good.test", "Live: sloppy.test"]);
    expect(boxes.map((b) => b.lines[1])).toEqual(["✗Fail", "✓Pass", "✗Fail"]);
    // Side by side on a desktop screen: one line of boxes.
    expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(1);
    expect(await page.locator('article[id="check-caa.present"] .ack').innerText()).toBe("Acknowledged until 2026-04-30: CA switch in progress");
    await page.close();
  });

  it("requests nothing but the page itself and logs no error", async () => {
    for (const { name, html } of cases) {
      const { page, requests, errors } = await browser.open(html);
      await page.waitForLoadState("networkidle");
      expect(requests, name).toEqual([PAGE_URL]);
      expect(errors, name).toEqual([]);
      await page.close();
    }
  });

  it("passes axe (WCAG 2.2 A/AA and best practices) with no serious or critical violation", async () => {
    for (const { name, html } of cases) {
      const { page } = await browser.open(html);
      const violations = await axeViolations(page);
      expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical"), name).toEqual([]);
      expect(violations, name).toEqual([]);
      await page.close();
    }
  });

  it("reads on a phone without scrolling sideways, the verdicts stacked", async () => {
    const { page } = await browser.open(byName(COMBINED).html, { width: 360, height: 740 });
    const widths = await inPage<{ page: number; view: number }>(page, "() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth })");
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    const boxes = await inPage<Box[]>(page, BOXES, 'article[id="check-hsts.max_age"] .verdict');
    expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(3);
    await page.close();
  });

  it("lets a keyboard user skip straight to the scorecard and see where the focus is", async () => {
    const { page } = await browser.open(renderHtml(cases[0]?.report ?? fromAudit(labAudit(), META)));
    await page.keyboard.press("Tab");
    const skip = await inPage<{ text: string; outline: string; visible: boolean }>(
      page,
      "() => { const el = document.activeElement; return { text: el.textContent, outline: getComputedStyle(el).outlineStyle, visible: el.getBoundingClientRect().top >= 0 }; }",
    );
    expect(skip).toEqual({ text: "Skip to the scorecard", outline: "solid", visible: true });
    await page.keyboard.press("Enter");
    expect(await inPage<string>(page, "() => document.activeElement.id")).toBe("scorecard");
    await page.close();
  });

  it("prints every fix and keeps the status colours (print stylesheet)", async () => {
    const { page } = await browser.open(byName(COMBINED).html);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".skip").isVisible()).toBe(false);
    const fixes = page.locator("dd.fix");
    expect(await fixes.count()).toBeGreaterThan(0);
    for (const fix of await fixes.all()) expect(await fix.isVisible()).toBe(true);
    expect(await inPage<string>(page, "(sel) => getComputedStyle(document.querySelector(sel)).backgroundColor", "#scorecard .badge.status-fail")).toBe(rgb(STATUS_LOOK.fail.bg));
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  });

  it("never shows the example stack's secret stand-in", async () => {
    const { page } = await browser.open(renderHtml(cases[0]?.report ?? fromAudit(labAudit(), META)));
    expect(await page.content()).not.toContain("offline-example-stand-in");
    await page.close();
  });

  describe.runIf(labAvailable())("pages the real `audit --html` writes for a lab audit", () => {
    it("are exactly the pages the adapters make of the audit's own results (its --json), and the audit exits 1 on its failures", () => {
      expect(lab.map((p) => p.name)).toEqual([LAB_AUDIT, LAB_COMBINED]);
      for (const p of lab) {
        expect(p.html, p.name).toBe(renderHtml(p.report));
        expect(p.status, `${p.name}: ${p.stderr}`).toBe(1);
      }
      // The plan was built: nothing said it is missing.
      expect(lab[1]?.stderr).not.toContain("without the plan");
      expect(byName(LAB_COMBINED).report.missing).toBeUndefined();
    });

    it("with --stack, shows the stack's plan beside each live verdict for the same ID, and the acknowledgement with its reason and expiry", async () => {
      const { page } = await browser.open(byName(LAB_COMBINED).html);
      const heads = await inPage<string[]>(page, '() => [...document.querySelectorAll("#scorecard thead th")].map((th) => th.innerText)');
      expect(heads).toEqual(["Checklist row", "Before apply (plan)", ...LAB_DOMAINS.map((d) => `Live: ${d}`)]);
      // weakhdr.test serves and plans a one-day HSTS: failing before and after apply; good.test passes live.
      const hsts = await inPage<Box[]>(page, BOXES, 'article[id="check-hsts.max_age"] .verdict');
      expect(hsts.map((b) => b.lines.slice(0, 2))).toEqual([
        ["Before apply (plan)", "✗Fail"],
        ["Live: good.test", "✓Pass"],
        ["Live: weakhdr.test", "✗Fail"],
      ]);
      expect(await page.locator('article[id="check-hsts.max_age"] .ack').innerText()).toBe(`Acknowledged until ${ACK_UNTIL}: ${ACK_REASON}`);
      expect(await page.locator('article[id="check-hsts.max_age"] dd.fix').isVisible()).toBe(true);
      // An ID only the live audit judges (the page's Referrer-Policy) says the plan did not judge it, and shows the fix.
      const referrer = await inPage<Box[]>(page, BOXES, 'article[id="check-hdr.referrer"] .verdict');
      expect(referrer.map((b) => b.lines.slice(0, 2))).toEqual([
        ["Before apply (plan)", "Not judged before apply."],
        ["Live: good.test", "✓Pass"],
        ["Live: weakhdr.test", "✗Fail"],
      ]);
      expect(await page.locator('article[id="check-hdr.referrer"] dd.fix').isVisible()).toBe(true);
      await page.close();
    });
  });
});

