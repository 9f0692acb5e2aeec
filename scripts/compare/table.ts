/**
 * The side-by-side table: one row per (peer, target, check) with our verdict and the peer's, whether they agree,
 * and for each difference the known disagreement that explains it (the RFC clause that decides it and why), or
 * "unexplained". Pure: the peers and the labs live in `scripts/compare.ts` and `scripts/compare/peers/`.
 */
import type { AuditStatus } from "../../audit/types";

/** A peer's verdict, reduced to ours: `warn` only for peers that have one (dnsviz's INSECURE, for instance). */
export type PeerStatus = "pass" | "warn" | "fail";

export interface Comparison {
  readonly peer: string;
  /** The domain, host or DNS name both judged. */
  readonly target: string;
  /** Our check ID (or IDs joined by "+", when the peer folds several into one verdict). */
  readonly check: string;
  readonly ours: AuditStatus | "missing";
  /** What our verdict said, for the table. */
  readonly oursSays?: string;
  /** Undefined: the peer gave no verdict on this target (not counted). */
  readonly peerStatus: PeerStatus | undefined;
  /** What the peer said, in its own words. */
  readonly peerSays: string;
  /** How our `warn` reads against a pass/fail peer: "pass" when the peer's pass covers what we warn about. */
  readonly warnAs?: "pass" | "fail";
}

export interface KnownDisagreement {
  readonly peer: string;
  readonly check: string;
  /** A target, or "*" for every target. */
  readonly target: string;
  /** Only when the peer's words contain this: narrows a "*" entry to the peer behaviour it explains. */
  readonly peerSaysIncludes?: string;
  /** The clause that decides who is right. */
  readonly clause: string;
  /** Who the clause proves right: "ours", or "scope" when the two judge different things. Never the peer: then we fix ours. */
  readonly right: "ours" | "scope";
  readonly reason: string;
}

export type RowState = "agree" | "undecided" | "no-peer-verdict" | "explained" | "unexplained";

export interface Row extends Comparison {
  readonly state: RowState;
  readonly known?: KnownDisagreement;
}

/** Our verdict as the peer would say it, or undefined when we decided nothing (error, skip, missing). */
export function oursAsPeer(c: Pick<Comparison, "ours" | "peerStatus" | "warnAs">): PeerStatus | undefined {
  switch (c.ours) {
    case "pass":
    case "info":
      return "pass";
    case "fail":
      return "fail";
    case "warn":
      return c.warnAs ?? "warn";
    default:
      return undefined;
  }
}

/** Two-valued peers (pass/fail) compare a `warn` of ours as `warnAs`, or as a failure when unsaid. */
function agrees(c: Comparison): boolean {
  const ours = oursAsPeer(c);
  if (ours === undefined || c.peerStatus === undefined) return true;
  if (ours === "warn" && c.peerStatus !== "warn") return c.warnAs === undefined ? c.peerStatus === "fail" : c.warnAs === c.peerStatus;
  return ours === c.peerStatus;
}

/** The known disagreement for a row: the exact target first, then the peer's wildcard for the check. */
export function findKnown(c: Pick<Comparison, "peer" | "check" | "target" | "peerSays">, known: readonly KnownDisagreement[]): KnownDisagreement | undefined {
  const forCheck = known.filter((k) => k.peer === c.peer && k.check === c.check && (k.peerSaysIncludes === undefined || c.peerSays.includes(k.peerSaysIncludes)));
  return forCheck.find((k) => k.target === c.target) ?? forCheck.find((k) => k.target === "*");
}

export function classify(comparisons: readonly Comparison[], known: readonly KnownDisagreement[]): Row[] {
  return comparisons.map((c) => {
    // Neither judged (we skip, the peer is silent): nothing to compare, and nothing that differs.
    if (c.ours === "skip" && c.peerStatus === undefined) return { ...c, state: "no-peer-verdict" };
    if (oursAsPeer(c) === undefined) return { ...c, state: "undecided" };
    if (c.peerStatus === undefined) return { ...c, state: "no-peer-verdict" };
    if (agrees(c)) return { ...c, state: "agree" };
    const k = findKnown(c, known);
    return k ? { ...c, state: "explained", known: k } : { ...c, state: "unexplained" };
  });
}

/** Known entries that explained no row in this run (a fixed defect, a renamed target): the table must not rot. */
export function unusedKnown(rows: readonly Row[], known: readonly KnownDisagreement[], peersRun: ReadonlySet<string>): KnownDisagreement[] {
  return known.filter((k) => peersRun.has(k.peer) && !rows.some((r) => r.known === k));
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** The Markdown report: counts per peer, then every difference with its clause and reason. */
export function renderMarkdown(rows: readonly Row[], notes: readonly string[], stale: readonly KnownDisagreement[]): string {
  const peers = [...new Set(rows.map((r) => r.peer))];
  const count = (p: string, s: RowState) => rows.filter((r) => r.peer === p && r.state === s).length;
  const diff = rows.filter((r) => r.state === "explained" || r.state === "unexplained");
  const undecided = rows.filter((r) => r.state === "undecided");
  return [
    "# Side by side: launch-ready's auditor and independent validators on the loopback lab",
    "",
    "Generated by `npm run compare:write` (`scripts/compare.ts`); every peer runs against the same loopback lab",
    "as the auditor. A difference is either explained by the clause that decides it (the `known disagreements` table in",
    "`scripts/compare/known.ts`) or listed as unexplained, which makes the command exit 1.",
    "",
    ...notes.map((n) => `- ${n}`),
    "",
    "| peer | compared | agree | differ (explained) | differ (unexplained) | not judged by us (skip, error) | peer said nothing |",
    "|---|---|---|---|---|---|---|",
    ...peers.map((p) => `| ${p} | ${rows.filter((r) => r.peer === p).length} | ${count(p, "agree")} | ${count(p, "explained")} | ${count(p, "unexplained")} | ${count(p, "undecided")} | ${count(p, "no-peer-verdict")} |`),
    "",
    "## Every difference",
    "",
    diff.length === 0 ? "None." : "| peer | target | check | ours | peer says | right | clause | reason |",
    ...(diff.length === 0 ? [] : ["|---|---|---|---|---|---|---|---|"]),
    ...diff.map((r) =>
      `| ${cell(r.peer)} | ${cell(r.target)} | ${cell(r.check)} | ${cell(r.ours + (r.oursSays ? `: ${r.oursSays}` : ""))} | ${cell(r.peerSays)} | ${r.known ? r.known.right : "**?**"} | ${cell(r.known?.clause ?? "")} | ${cell(r.known?.reason ?? "unexplained: investigate")} |`,
    ),
    "",
    ...(undecided.length > 0 ? ["## Not judged by us while the peer judged", "", ...undecided.map((r) => `- ${r.peer} ${r.target} ${r.check}: ${r.ours}${r.oursSays ? ` (${r.oursSays})` : ""}`), ""] : []),
    ...(stale.length > 0 ? ["## Known disagreements that no longer occur", "", ...stale.map((k) => `- ${k.peer} ${k.check} ${k.target}: ${k.reason}`), ""] : []),
  ].join("\n");
}
