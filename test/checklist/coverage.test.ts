/**
 * Every checklist ID is claimed: judged before apply (a plan rule), after apply (an audit module), on the repository
 * (`launch-ready scan`), or listed as not provisioned yet. An ID judged on both sides has one judge in core/ and declares its outcomes.
 */
import { describe, expect, it } from "vitest";
import { CHECKS, NOT_PROVISIONED_YET, type CheckId } from "../../checklist";
import { auditedIds } from "../../audit/checks";
import { JUDGES } from "../../core/judges";
import { AUTHZ_PROBE_IDS } from "../../audit/probe/authz/judge";
import { PLAN_RULES } from "../../policy/rules";
import { SCANNED_IDS } from "../../scan";
import { SPEC_RULES } from "../../policy/spec-rules";

const ALL = Object.keys(CHECKS) as CheckId[];
// Spec rules judge the stack config before apply; the authz probe judges a running application after it.
const planned = new Set<CheckId>([...PLAN_RULES, ...SPEC_RULES].map((r) => r.id));
const audited = new Set<CheckId>([...auditedIds(), ...AUTHZ_PROBE_IDS]);
const notYet = new Set<CheckId>(NOT_PROVISIONED_YET);
const scanned = new Set<CheckId>(SCANNED_IDS.map((s) => s.id));

describe("checklist coverage", () => {
  it("claims every ID: a plan rule, an audit module, a repository scan, or the not-provisioned list", () => {
    expect(ALL.filter((id) => !planned.has(id) && !audited.has(id) && !scanned.has(id) && !notYet.has(id))).toEqual([]);
  });

  it("lists as not provisioned only IDs that nothing judges", () => {
    expect(NOT_PROVISIONED_YET.filter((id) => planned.has(id) || audited.has(id) || scanned.has(id))).toEqual([]);
  });

  it("has one judge in core/ for every ID judged both before and after apply", () => {
    const both = ALL.filter((id) => planned.has(id) && audited.has(id));
    expect(both.length).toBeGreaterThan(0);
    expect(both.filter((id) => JUDGES[id] === undefined)).toEqual([]);
  });

  it("declares the outcomes of every judged ID, each passing, warning, failing or informing", () => {
    for (const id of Object.keys(JUDGES) as CheckId[]) {
      const outcomes: Readonly<Record<string, { readonly status: string; readonly when: string }>> | undefined = CHECKS[id].outcomes;
      expect(outcomes, id).toBeDefined();
      for (const [key, o] of Object.entries(outcomes ?? {})) {
        expect(["pass", "warn", "fail", "info"], `${id}.${key}`).toContain(o.status);
        expect(o.when.trim(), `${id}.${key}`).not.toBe("");
      }
    }
  });

  it("has one plan rule per ID and one audit module per ID", () => {
    const ruleIds = PLAN_RULES.map((r) => r.id);
    expect(ruleIds.length).toBe(new Set(ruleIds).size);
    const liveIds = auditedIds();
    expect(liveIds.length).toBe(new Set(liveIds).size);
  });
});
