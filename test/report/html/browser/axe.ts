/**
 * axe-core, injected from node_modules into the open page (never fetched): the automated accessibility check.
 * Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern, so the page is
 * checked exactly as shipped.
 */
import { readFileSync } from "node:fs";
import type { AxeResults, ImpactValue } from "axe-core";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.0–2.2 A and AA, plus axe's best practices (landmarks, one h1, heading order). */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

export interface AxeFinding {
  readonly id: string;
  readonly impact: ImpactValue | undefined;
  readonly help: string;
  readonly nodes: readonly string[];
}

export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate<AxeResults>(`axe.run(document, { runOnly: { type: "tag", values: ${JSON.stringify(TAGS)} }, resultTypes: ["violations"] })`);
  return results.violations.map((v) => ({ id: v.id, impact: v.impact ?? undefined, help: v.help, nodes: v.nodes.map((n) => n.html.slice(0, 120)) }));
}
