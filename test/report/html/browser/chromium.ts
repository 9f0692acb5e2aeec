/**
 * Real Chromium for the HTML report tests: Debian's `chromium` package driven by playwright-core, never a browser
 * download. Missing, it skips the browser suites with one clear message on a developer's machine and fails in CI
 * (`CI` set), where a skipped suite would be a silent pass, exactly as the lab suites do.
 */
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_APT = "apt-get install -y --no-install-recommends chromium";

let answer: boolean | undefined;

export function chromiumAvailable(): boolean {
  if (answer !== undefined) return answer;
  let found = true;
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    found = false;
  }
  if (!found) {
    const message = `HTML report: ${CHROMIUM_PATH} is not installed, so the browser suites are skipped. Install with: ${CHROMIUM_APT}`;
    if (process.env.CI) throw new Error(`${message} (CI is set: the browser suites must run in CI)`);
    process.stderr.write(`${message}\n`);
  }
  answer = found;
  return found;
}

/** Quiet, offline, no sandbox (CI containers run as root), a fresh profile every time. */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The address the page is served from: `.invalid` never resolves (RFC 6761), so nothing can reach a network. */
export const PAGE_URL = "https://launch-ready.invalid/report.html";

export interface Browser {
  /** Opens `html` as the page at PAGE_URL; everything else the page asks for is refused and recorded. */
  open(html: string, opts?: { readonly width?: number; readonly height?: number }): Promise<OpenPage>;
  close(): Promise<void>;
}

export interface OpenPage {
  readonly page: Page;
  /** Every URL the page requested, the page itself included. */
  readonly requests: readonly string[];
  /** Console errors and uncaught page errors. */
  readonly errors: readonly string[];
}

export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "launch-ready-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
  let current = "";
  await context.route("**/*", async (route) => {
    if (route.request().url() === PAGE_URL) await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: current });
    else await route.abort("blockedbyclient");
  });
  return {
    async open(html, opts = {}) {
      current = html;
      const page = await context.newPage();
      await page.setViewportSize({ width: opts.width ?? 1280, height: opts.height ?? 900 });
      const requests: string[] = [];
      const errors: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(PAGE_URL, { waitUntil: "load" });
      return { page, requests, errors };
    },
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}
