/** Folds per-chain findings into one verdict: the worst status the checklist gives wins, all its facts are kept. */
import type { CheckId } from "../../../checklist";
import { cannotTell, judged, type Judged, type Verdict } from "../../judge";

export interface Finding {
  readonly outcome: string;
  readonly fact: string;
}

const RANK = { fail: 4, warn: 3, info: 1, pass: 0 } as const;

/**
 * @param problems findings whose outcome is not the pass outcome, in the order the judge wants the outcome chosen.
 * @param unknowns reasons some subject could not be decided: cannot tell, unless a problem warns or fails.
 */
export function worstOf(id: CheckId, problems: readonly Finding[], unknowns: readonly string[], passed: () => Verdict): Verdict {
  const verdicts: { f: Finding; v: Judged }[] = problems.map((f) => ({ f, v: judged(id, f.outcome, [f.fact]) }));
  const top = verdicts.reduce((w, x) => Math.max(w, RANK[x.v.status]), -1);
  // A warn outranks cannot-tell, as in the plan rules' fold (policy/rule.ts); a pass or info never does.
  if (top >= RANK.warn) {
    const at = verdicts.filter((x) => RANK[x.v.status] === top);
    const first = at[0]!;
    return judged(id, first.f.outcome, [...new Set(at.map((x) => x.f.fact))]);
  }
  if (unknowns.length > 0) return cannotTell([...new Set(unknowns)].join("; "));
  if (verdicts.length > 0) {
    const first = verdicts.find((x) => RANK[x.v.status] === top)!;
    return judged(id, first.f.outcome, [...new Set(verdicts.filter((x) => RANK[x.v.status] === top).map((x) => x.f.fact))]);
  }
  return passed();
}
