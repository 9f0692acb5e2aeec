/**
 * The one-line verdict of one source, shown first. It never says "Pass" while something is unproven: a row nothing
 * checks, or a check that could not be decided, makes the bottom line "Cannot tell" (the tool's rule: when unsure,
 * say so; a false pass is the worst answer).
 */
import type { HtmlStatus } from "./model";

export function bottomLineStatus(checks: readonly HtmlStatus[], rows: readonly HtmlStatus[], blocking: "any-fail" | "mandatory-fail", blocked: boolean): HtmlStatus {
  const failed = checks.includes("fail");
  if (blocking === "mandatory-fail" ? blocked : failed) return "fail";
  if (checks.includes("error")) return "error";
  // Knowingly shipped exceptions are still exceptions: never read as a pass.
  if (failed || checks.includes("warn") || rows.includes("acknowledged")) return "warn";
  if (checks.includes("cannot-tell") || rows.includes("not-covered")) return "cannot-tell";
  return "pass";
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
