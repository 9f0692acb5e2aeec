import { checkDefinition, type CheckId } from "../../checklist";
import { createRedactor, defaultScanner, isCredentialName, withheldMark } from "../../core/secrets";
import type { AuditCheckModule, AuditStatus, CheckResult, Evidence, EvidenceValue } from "../types";

/**
 * Every result passes through here on its way to the report: the one place where what was seen (a TXT record,
 * a header) is redacted before any format prints it. The audit knows no secret values, only what looks like one.
 */
const REDACTOR = createRedactor({ scanner: defaultScanner });

/** A result for every ID of a module that could not report (threw, timed out, was gated); redacted by `redactResults`. */
export function resultsForAll(module: AuditCheckModule, status: AuditStatus, summary: string, evidence: Evidence = {}): CheckResult[] {
  return module.ids.map((id) => withRemediation({ id, status, summary, evidence, remediation: "" }));
}

/**
 * Results redacted for any report: in summary, evidence and remediation, credential-looking content becomes
 * `[withheld: <kind>]`, and a value under a credential name (`x-api-key`, `authorization`) is withheld whole. One
 * scan of all their strings: the scanner's cost is mostly per call (secretlint sets up each of its rules per call),
 * and an audit's ~50 results had cost ~50 calls. The audit runner passes each target's results through here.
 */
export function redactResults(results: readonly CheckResult[]): CheckResult[] {
  REDACTOR.prime(results);
  return results.map(redactResult);
}

/** The checklist's remediation by default (none on a pass, a skip or an info); nothing redacted yet. */
export function withRemediation(r: CheckResult): CheckResult {
  if (r.status === "pass") return { ...r, remediation: "" };
  if (r.remediation.trim() !== "") return r;
  const fallback = r.status === "skip" || r.status === "info" ? "" : checkDefinition(r.id).remediation;
  return { ...r, remediation: fallback };
}

/** One result, its strings already scanned (`redactResults` primes the redactor with all of them). */
function redactResult(r: CheckResult): CheckResult {
  return { ...r, summary: REDACTOR.text(r.summary), evidence: redactEvidence(r.evidence), remediation: REDACTOR.text(r.remediation) };
}

function redactEvidence(e: Evidence): Evidence {
  return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, redactValue(v, k)]));
}

function redactValue(v: EvidenceValue, key: string | undefined): EvidenceValue {
  if (key !== undefined && isCredentialName(key)) return withholdValue(v, key);
  if (typeof v === "string") return REDACTOR.text(v);
  if (isEvidenceList(v)) return v.map((x) => redactValue(x, undefined));
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redactValue(x, k)]));
  return v;
}

function withholdValue(v: EvidenceValue, key: string): EvidenceValue {
  if (typeof v === "string") return v === "" ? v : withheldMark(`value of ${key}`);
  if (isEvidenceList(v)) return v.map((x) => withholdValue(x, key));
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withholdValue(x, key)]));
  return v;
}

function isEvidenceList(v: EvidenceValue): v is readonly EvidenceValue[] {
  return Array.isArray(v);
}

/**
 * Holds a module to its contract: one result per declared ID, in declared order. A missing ID becomes `error`
 * (a bug in the module, never a silent pass); duplicates and undeclared IDs are dropped and named in the evidence.
 * Redaction comes after, once per target (`redactResults`).
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
    if (r) return withRemediation(problems.length > 0 ? { ...r, evidence: { ...r.evidence, moduleProblems: problems } } : r);
    return withRemediation({
      id,
      status: "error",
      summary: `the check module did not report ${id} (a bug in the auditor)`,
      evidence: { moduleProblems: problems },
      remediation: "Report this to the launch-ready maintainers with the --json output.",
    });
  });
}
