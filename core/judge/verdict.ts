/**
 * The one verdict of a checklist ID. A judge (pure: values in, verdict out) is written once in `core/` and fed
 * planned values by the policy rules and observed values by the auditor, so both report the same status and the
 * same facts. The judge names an outcome; whether that outcome passes, warns or fails is the checklist's word
 * (`CheckDefinition.outcomes`), never the caller's.
 */
import { CHECKS, type CheckId, type OutcomeStatus } from "../../checklist";

export type Verdict =
  | {
      readonly status: OutcomeStatus;
      /** A key of the ID's `outcomes` in the checklist. */
      readonly outcome: string;
      /** What was found, one sentence each, naming the host or record. Never a secret value. */
      readonly facts: readonly string[];
    }
  /** Nothing the ID is about exists here (no web hosts, no CAA set): neither a pass nor a failure. */
  | { readonly status: "not-applicable"; readonly reason: string }
  /** The values needed are not known (unknown before apply, a lookup that timed out): never a pass. */
  | { readonly status: "cannot-tell"; readonly reason: string };

export type Judged = Extract<Verdict, { readonly outcome: string }>;

/** The verdict for `outcome` of `id`, with the status the checklist gives it. Throws on an undeclared outcome. */
export function judged(id: CheckId, outcome: string, facts: readonly string[]): Judged {
  const def = CHECKS[id];
  const declared: Readonly<Record<string, { readonly status: OutcomeStatus }>> | undefined = def.outcomes;
  const o = declared?.[outcome];
  if (o === undefined) throw new Error(`${id}: the judge returned outcome '${outcome}', which the checklist does not declare`);
  return { status: o.status, outcome, facts };
}

export const notApplicable = (reason: string): Verdict => ({ status: "not-applicable", reason });
export const cannotTell = (reason: string): Verdict => ({ status: "cannot-tell", reason });

/** The text of a verdict: its facts, or its reason. */
export function verdictText(v: Verdict): string {
  return "facts" in v ? v.facts.join("; ") : v.reason;
}
