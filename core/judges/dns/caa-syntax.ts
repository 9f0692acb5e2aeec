/**
 * caa.syntax: every record of a CAA set is well formed (RFC 8659 §4, RFC 9495, CA/B Forum BR appendix A.1). One
 * answer for the plan and the live zone: the record rules are `caaRecordIssues` in core/edge/caa.ts.
 */
import { caaRecordIssues, type CaaIssueKind } from "../../edge/caa";
import { judged, notApplicable, type Verdict } from "../../judge";
import { type CaaSet, caaText } from "./caa-set";

/** Worst first: the outcome of a set is that of its worst record. */
const ORDER: readonly CaaIssueKind[] = ["unknown-critical", "malformed", "nonstandard"];

export function judgeCaaSyntax(set: CaaSet): Verdict {
  if (set.entries.length === 0) return notApplicable(`no CAA records at ${set.at}`);
  const found: { kind: CaaIssueKind; fact: string }[] = [];
  for (const e of set.entries) {
    if (!("record" in e)) {
      found.push({ kind: "malformed", fact: `CAA at ${set.at} '${e.unreadable}': ${e.why}` });
      continue;
    }
    for (const issue of caaRecordIssues(e.record)) found.push({ kind: issue.kind, fact: `CAA at ${set.at} ${caaText(e.record)}: ${issue.message}` });
  }
  const worst = ORDER.find((k) => found.some((f) => f.kind === k));
  if (worst === undefined) return judged("caa.syntax", "well-formed", [`${set.entries.length} CAA record(s) at ${set.at} are well formed`]);
  return judged("caa.syntax", worst, found.map((f) => f.fact));
}
