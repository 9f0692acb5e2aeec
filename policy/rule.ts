/**
 * One checklist rule: proves one checklist ID from the planned resources, before apply. The same definition runs
 * in the offline preview and, wrapped by `policy/index.ts`, in `pulumi preview --policy-pack policy`.
 * A rule whose ID has a judge in `core/` only reads planned values and hands them to the judge (`fromVerdicts`).
 */
import type { CheckId } from "../checklist";
import type { Verdict } from "../core/judge";
import type { PlannedResource } from "./resource";
import { isUnknownValueError } from "./unknowns";

export interface Violation {
  readonly message: string;
  /** The resource in violation; omitted when the stack as a whole is (e.g. something missing). */
  readonly urn?: string;
}

export type RuleVerdict =
  | { readonly status: "pass"; readonly message: string; readonly urns: readonly string[] }
  /** A fact worth showing that is neither good nor bad (the checklist's `info` outcome). */
  | { readonly status: "info"; readonly message: string; readonly urns: readonly string[] }
  | { readonly status: "warn"; readonly violations: readonly Violation[] }
  | { readonly status: "fail"; readonly violations: readonly Violation[] }
  | { readonly status: "not-applicable"; readonly message: string }
  /** The planned values cannot decide it (unknown until apply): never a pass. */
  | { readonly status: "cannot-tell"; readonly message: string };

export interface PlanRule {
  readonly id: CheckId;
  evaluate(resources: readonly PlannedResource[]): RuleVerdict;
}

export const pass = (message: string, urns: readonly string[] = []): RuleVerdict => ({ status: "pass", message, urns });
export const notApplicable = (message: string): RuleVerdict => ({ status: "not-applicable", message });
export const cannotTell = (message: string): RuleVerdict => ({ status: "cannot-tell", message });
export const failWith = (violations: readonly Violation[]): RuleVerdict => ({ status: "fail", violations });
export const warnWith = (violations: readonly Violation[]): RuleVerdict => ({ status: "warn", violations });

/** One judged subject of a rule: a zone, a host, a record set, with the resource that carries it. */
export interface SubjectVerdict {
  readonly verdict: Verdict;
  /** The resource the verdict is about, when there is one. */
  readonly urn?: string;
  /** Prefix for its facts, e.g. the zone name. */
  readonly label?: string;
}

const RANK = { fail: 5, warn: 4, "cannot-tell": 3, info: 2, pass: 1, "not-applicable": 0 } as const;

/**
 * Folds the judge's verdicts for each subject into the rule's verdict: the worst status wins (fail, warn,
 * cannot tell, info, pass, not applicable); a fail or warn lists every subject at that status as a violation.
 * `none` is the not-applicable message when there is no subject at all.
 */
export function fromVerdicts(subjects: readonly SubjectVerdict[], none: string): RuleVerdict {
  if (subjects.length === 0) return notApplicable(none);
  const worst = subjects.reduce((w, s) => (RANK[s.verdict.status] > RANK[w] ? s.verdict.status : w), "not-applicable" as keyof typeof RANK);
  const at = subjects.filter((s) => s.verdict.status === worst);
  const text = (s: SubjectVerdict): string => {
    const body = "facts" in s.verdict ? s.verdict.facts.join("; ") : s.verdict.reason;
    return s.label === undefined ? body : `${s.label}: ${body}`;
  };
  const urns = at.flatMap((s) => (s.urn === undefined ? [] : [s.urn]));
  switch (worst) {
    case "fail":
    case "warn":
      return { status: worst, violations: at.map((s) => ({ message: text(s), ...(s.urn !== undefined ? { urn: s.urn } : {}) })) };
    case "cannot-tell":
      return cannotTell(at.map(text).join("\n"));
    case "info":
      return { status: "info", message: at.map(text).join("; "), urns };
    case "pass":
      return pass(at.map(text).join("; "), urns);
    case "not-applicable":
      return notApplicable(at.map(text).join("; "));
  }
}

export function ofType(resources: readonly PlannedResource[], type: string): PlannedResource[] {
  return resources.filter((r) => r.type === type && !isPendingSesDkimRecord(r));
}

/**
 * An SES Easy DKIM CNAME of the `Email` component before apply: its name comes from the tokens SES returns when the
 * identity is created, so it is unknown in preview. The email rules judge these three (dkim.selector, from the
 * component's inputs); the record-wide rules leave them out rather than turn "cannot tell" for every record.
 * Any other record with an unknown name still makes those rules "cannot tell".
 */
export function isPendingSesDkimRecord(r: PlannedResource): boolean {
  if (r.type !== TYPES.dnsRecord || !/-ses-dkim-\d+$/.test(r.name) || !(r.parentUrn ?? "").includes("launch-ready:email:Email::")) return false;
  try {
    return typeof r.inputs["name"] !== "string";
  } catch (err) {
    if (isUnknownValueError(err)) return true;
    throw err;
  }
}

/** Cloudflare and AWS type tokens the rules look for, checked against the SDK classes in tests. */
export const TYPES = {
  cloudflareZone: "cloudflare:index/zone:Zone",
  dnsRecord: "cloudflare:index/dnsRecord:DnsRecord",
  randomPassword: "random:index/randomPassword:RandomPassword",
} as const;
