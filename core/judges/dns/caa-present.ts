/**
 * caa.present: the relevant CAA set of a name (RFC 8659 §3) has an `issue` property, so only the CAs it names may
 * issue certificates for the name. Without one (no CAA at the name or any parent, or a set of only `iodef` or
 * `issuewild`) any CA may issue plain certificates for it (§4.2).
 */
import { judged, type Verdict } from "../../judge";
import { type CaaSet, entryText, recordsOf } from "./caa-set";

export interface CaaPresentInput {
  /** The name judged (A-labels). */
  readonly name: string;
  /** Its relevant CAA set; undefined when neither it nor any parent has CAA records. */
  readonly set: CaaSet | undefined;
}

export function judgeCaaPresent({ name, set }: CaaPresentInput): Verdict {
  if (set === undefined) return judged("caa.present", "absent", [`no CAA record at ${name} or any parent name: any CA may issue certificates for it`]);
  const shown = set.entries.map(entryText).join(", ");
  const where = set.at === name ? `at ${name}` : `at ${set.at} (above ${name})`;
  if (!recordsOf(set).some((r) => r.tag.toLowerCase() === "issue")) {
    return judged("caa.present", "no-issue", [`the CAA set ${where} (${shown}) has no issue property, so any CA may issue certificates for ${name}`]);
  }
  return judged("caa.present", "present", [`CAA ${where}: ${shown}`]);
}
