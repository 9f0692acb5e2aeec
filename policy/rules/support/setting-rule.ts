/** Shared shape of the rules that judge one zone setting in every web zone. */
import { failWith, notApplicable, pass, type RuleVerdict, type Violation } from "../../rule";
import type { PlannedResource } from "../../resource";
import { type EdgeZone, webZones } from "./edge";

export interface SettingJudgement {
  /** Undefined when fine; else what is wrong and how to fix it. */
  readonly problem?: string;
  /** For the pass message. */
  readonly summary: string;
}

export function judgeZones(
  resources: readonly PlannedResource[],
  judge: (zone: EdgeZone) => SettingJudgement & { readonly urn?: string },
): RuleVerdict {
  const zones = webZones(resources);
  if (zones.length === 0) return notApplicable("The stack serves no web traffic through Cloudflare and manages no zone settings.");
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
