/**
 * SARIF 2.1.0 (OASIS) for code-scanning UIs: one rule per checklist ID the auditor reports, one result per
 * warn/fail/error. Domains have no source file, so each result names its domain as a logical location.
 */
import { checkDefinition, type CheckId } from "../../checklist";
import type * as Sarif from "sarif";
import type { AuditReport, CheckResult } from "../types";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

type Level = "error" | "warning" | "note";

const LEVEL: Partial<Record<CheckResult["status"], Level>> = { fail: "error", warn: "warning", error: "warning" };

export interface SarifOptions {
  /** Every ID the auditor can report (the registry), so rules exist even for checks that passed. */
  readonly ruleIds: readonly CheckId[];
  readonly toolVersion: string;
}

/** Typed against the SARIF 2.1.0 schema's TypeScript rendering (@types/sarif): property names and enums checked. */
export function buildSarif(report: AuditReport, opts: SarifOptions): Sarif.Log {
  const ruleIds = [...new Set<CheckId>([...opts.ruleIds, ...report.domains.flatMap((d) => d.checks.map((c) => c.id))])];
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id): Sarif.ReportingDescriptor => {
    const def = checkDefinition(id);
    return {
      id,
      name: id.replace(/[._](\w)/g, (_m, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
      shortDescription: { text: def.title },
      fullDescription: { text: def.why },
      help: { text: def.remediation },
      defaultConfiguration: { level: def.severity === "mandatory" ? "error" : "warning" },
      properties: { tags: ["launch-ready", def.row], ...(def.source ? { source: def.source } : {}) },
    };
  });
  const results = report.domains.flatMap((d) =>
    d.checks.flatMap((c): Sarif.Result[] => {
      const level = LEVEL[c.status];
      if (!level) return [];
      const prefix = c.status === "error" ? "could not decide: " : "";
      // A blocked check stays a result (absent, code scanning would close its alert as fixed) but names its
      // blocker instead of repeating the cause and carrying an unrelated fix.
      const text =
        c.blockedBy !== undefined
          ? `${d.domain}: not checked, blocked by ${c.blockedBy} (see its result for the cause and the fix).`
          : `${d.domain}: ${prefix}${c.summary}${c.remediation ? ` Fix: ${c.remediation}` : ""}`;
      return [
        {
          ruleId: c.id,
          ruleIndex: index.get(c.id) ?? 0,
          level,
          message: { text },
          locations: [{ logicalLocations: [{ name: d.domain, fullyQualifiedName: `${d.domain}/${c.id}`, kind: "resource" }] }],
          partialFingerprints: { "launchReady/v1": `${d.domain}/${c.id}` },
          // SARIF §3.35: an accepted external suppression is how code-scanning UIs show a dismissed-with-reason alert.
          ...(c.acknowledgement?.active === true
            ? { suppressions: [{ kind: "external" as const, status: "accepted" as const, justification: `${c.acknowledgement.reason} (until ${c.acknowledgement.until})` }] }
            : {}),
          properties: { domain: d.domain, auditStatus: c.status, evidence: c.evidence, ...(c.blockedBy !== undefined ? { blockedBy: c.blockedBy } : {}) },
        },
      ];
    }),
  );
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0" as const,
    runs: [
      {
        tool: { driver: { name: "launch-ready", version: opts.toolVersion, rules } },
        results,
        columnKind: "unicodeCodePoints" as const,
      },
    ],
  };
}

export function formatSarif(report: AuditReport, opts: SarifOptions): string {
  return `${JSON.stringify(buildSarif(report, opts), null, 2)}\n`;
}
