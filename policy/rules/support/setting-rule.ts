/** Shared shape of the rules that judge every web zone. */
import type { Verdict } from "../../../core/judge";
import type { CheckId } from "../../../checklist";
import { failWith, fromVerdicts, notApplicable, pass, type PlanRule, type RuleVerdict, type SubjectVerdict, type Violation } from "../../rule";
import type { PlannedResource } from "../../resource";
import { type EdgeZone, webZones } from "./edge";

export interface SettingJudgement {
  /** Undefined when fine; else what is wrong and how to fix it. */
  readonly problem?: string;
  /** For the pass message. */
  readonly summary: string;
}

/** For the rules without a shared judge (tls.ssl_strict, tls.always_https): a problem fails, else a pass. */
export function judgeZones(
  resources: readonly PlannedResource[],
  judge: (zone: EdgeZone) => SettingJudgement & { readonly urn?: string },
): RuleVerdict {
  const zones = webZones(resources);
  if (zones.length === 0) return notApplicable(NO_WEB_ZONE);
  const violations: Violation[] = [];
  const ok: string[] = [];
  const urns: string[] = [];
  for (const z of zones) {
    const j = judge(z);
    if (j.problem !== undefined) violations.push({ message: `${z.label}: ${j.problem}`, ...(j.urn !== undefined ? { urn: j.urn } : {}) });
    else {
      ok.push(`${z.label}: ${j.summary}`);
      if (j.urn !== undefined) urns.push(j.urn);
    }
  }
  return violations.length > 0 ? failWith(violations) : pass(ok.join("; "), urns);
}

export const NO_WEB_ZONE = "The stack serves no web traffic through Cloudflare and manages no zone settings.";

/** One judge verdict per zone, with the resource it attaches to; a zone whose verdict is undefined is left out. */
export function zoneSubjects<Z>(zones: readonly Z[], judge: (zone: Z) => { readonly verdict: Verdict; readonly urn?: string | undefined } | undefined): SubjectVerdict[] {
  const subjects: SubjectVerdict[] = [];
  for (const z of zones) {
    const j = judge(z);
    if (j !== undefined) subjects.push({ verdict: j.verdict, ...(j.urn !== undefined ? { urn: j.urn } : {}) });
  }
  return subjects;
}

/**
 * A plan rule whose ID has a judge: `verdicts` extracts the planned values and calls the judge once per subject
 * (exported, so the parity tests read the outcomes); the rule folds them (`fromVerdicts`).
 */
export interface JudgedRule extends PlanRule {
  verdicts(resources: readonly PlannedResource[]): SubjectVerdict[];
}

export function judgedRule(id: CheckId, verdicts: (resources: readonly PlannedResource[]) => SubjectVerdict[], none = NO_WEB_ZONE): JudgedRule {
  return { id, verdicts, evaluate: (resources) => fromVerdicts(verdicts(resources), none) };
}
