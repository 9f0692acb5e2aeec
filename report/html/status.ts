/**
 * How each status reads and looks. A status is never conveyed by colour alone: every badge carries its word (and a
 * symbol hidden from screen readers). Colours are dark text on a light tint, each pair above the 4.5:1 contrast
 * WCAG 2.2 AA asks of normal text (SC 1.4.3); the border is the tint's strong shade, above 3:1 against white for
 * non-text contrast (SC 1.4.11).
 */
import type { HtmlStatus } from "./model";

export interface StatusLook {
  /** The word a reader sees (and a screen reader says). */
  readonly label: string;
  /** A redundant visual cue, hidden from assistive technology. */
  readonly symbol: string;
  /** One line for the legend. */
  readonly meaning: string;
  readonly fg: string;
  readonly bg: string;
  readonly border: string;
}

const GREY = { fg: "#374151", bg: "#f3f4f6", border: "#6b7280" } as const;

export const STATUS_LOOK: Readonly<Record<HtmlStatus, StatusLook>> = {
  pass: { label: "Pass", symbol: "✓", meaning: "checked and meets the requirement", fg: "#14532d", bg: "#dcfce7", border: "#15803d" },
  info: { label: "Info", symbol: "i", meaning: "a fact worth knowing, neither good nor bad", fg: "#1e3a8a", bg: "#dbeafe", border: "#1d4ed8" },
  warn: { label: "Warning", symbol: "!", meaning: "works, but falls short of good practice; does not block a launch", fg: "#713f12", bg: "#fef3c7", border: "#b45309" },
  fail: { label: "Fail", symbol: "✗", meaning: "does not meet the requirement; fix it before launch", fg: "#7f1d1d", bg: "#fee2e2", border: "#b91c1c" },
  acknowledged: { label: "Acknowledged", symbol: "~", meaning: "fails or warns, and the team ships it knowingly until the date given: not a pass", fg: "#134e4a", bg: "#ccfbf1", border: "#0f766e" },
  "cannot-tell": { label: "Cannot tell", symbol: "?", meaning: "could not be decided here (e.g. a value only known after apply): not a pass", fg: "#581c87", bg: "#f3e8ff", border: "#7e22ce" },
  error: { label: "Error", symbol: "?", meaning: "the check could not complete (e.g. a timeout): not a pass", fg: "#831843", bg: "#fce7f3", border: "#be185d" },
  skip: { label: "Skipped", symbol: "–", meaning: "not run, for the reason given", ...GREY },
  "not-applicable": { label: "Not applicable", symbol: "–", meaning: "nothing in this stack or domain falls under it", ...GREY },
  "not-covered": { label: "Not covered", symbol: "○", meaning: "no check covers it in this version: unchecked, not passing", ...GREY },
  "out-of-scope": { label: "Out of scope", symbol: "○", meaning: "an application concern the toolkit cannot prove", ...GREY },
};

/** Statuses that ask the reader to act (or to find out): their fix is shown. */
export function needsAction(status: HtmlStatus): boolean {
  return status === "fail" || status === "warn" || status === "cannot-tell" || status === "error";
}
