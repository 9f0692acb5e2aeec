/**
 * Runs a function in the page. Its source is a string because the project's TypeScript has no DOM library (the
 * product never runs in a browser); arguments travel as JSON.
 */
import type { Page } from "playwright-core";

export function inPage<T>(page: Page, fn: string, ...args: readonly unknown[]): Promise<T> {
  return page.evaluate<T>(`(${fn})(${args.map((a) => JSON.stringify(a)).join(", ")})`);
}
