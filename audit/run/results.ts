import { checkDefinition, type CheckId } from "../../checklist";
import type { AuditCheckModule, AuditStatus, CheckResult, Evidence } from "../types";

/** A result for every ID of a module that could not report (threw, timed out, was gated). */
export function resultsForAll(module: AuditCheckModule, status: AuditStatus, summary: string, evidence: Evidence = {}): CheckResult[] {
  return module.ids.map((id) => withDefaults({ id, status, summary, evidence, remediation: "" }));
}

/** Remediation defaults to the checklist's for anything that is not a pass; a pass carries none. */
export function withDefaults(r: CheckResult): CheckResult {
  if (r.status === "pass") return { ...r, remediation: "" };
  if (r.remediation.trim() !== "") return r;
  const fallback = r.status === "skip" || r.status === "info" ? "" : checkDefinition(r.id).remediation;
  return { ...r, remediation: fallback };
}

/**
 * Holds a module to its contract: one result per declared ID, in declared order. A missing ID becomes `error`
 * (a bug in the module, never a silent pass); duplicates and undeclared IDs are dropped and named in the evidence.
 */
export function enforceModuleContract(module: AuditCheckModule, results: readonly CheckResult[]): CheckResult[] {
  const declared = new Set<CheckId>(module.ids);
  const byId = new Map<CheckId, CheckResult>();
  const problems: string[] = [];
  for (const r of results) {
    if (!declared.has(r.id)) {
      problems.push(`reported undeclared ID ${r.id}`);
      continue;
    }
    if (byId.has(r.id)) {
      problems.push(`reported ${r.id} more than once`);
      continue;
    }
    byId.set(r.id, r);
  }
  return module.ids.map((id) => {
    const r = byId.get(id);
    if (r) return withDefaults(problems.length > 0 ? { ...r, evidence: { ...r.evidence, moduleProblems: problems } } : r);
    return withDefaults({
      id,
      status: "error",
      summary: `the check module did not report ${id} (a bug in the auditor)`,
      evidence: { moduleProblems: problems },
      remediation: "Report this to the launch-ready maintainers with the --json output.",
    });
  });
}
