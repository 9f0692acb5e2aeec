/**
 * The `cloudflare.adoptRecords` entries for the records a diff adopts, in the form the stack's matcher reads them
 * (`adopt` in core/dns/record-plan.ts): name and type as planned, the live id, and the planned content only where
 * the stack plans several records of that name and type (a CAA or TXT set), since only then is it needed to say
 * which one the id is. The entry for a record whose content changes names it by name and type alone.
 */
import type { PlannedRecord } from "../dns/record-plan";
import type { AdoptedRecordSpec } from "../spec";
import type { AdoptedPair } from "./match";

export function adoptionEntries(planned: readonly PlannedRecord[], adopted: readonly AdoptedPair[]): AdoptedRecordSpec[] {
  return adopted.map(({ planned: p, live }) => {
    const several = planned.filter((q) => q.name === p.name && q.type === p.type).length > 1;
    return { name: p.name, type: p.type, id: live.id, ...(several ? { content: p.content } : {}) };
  });
}
