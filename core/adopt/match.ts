/**
 * Live zone records against the records the stack plans (`planDomainRecords`): which the import step adopts as
 * they are, which it adopts and the next up changes, which the stack creates, and which it leaves alone.
 *
 * A live record is adopted only where the stack would otherwise create its twin or a record that cannot coexist
 * with it. Same name, type and content: adopted unchanged. A different content is adopted and then changed only
 * for the types a host has one answer for in this stack (CNAME, A, AAAA: the web hosts' origin): a TXT, MX, CAA,
 * SRV or NS set holds many values, and rewriting someone's verification TXT into the stack's would destroy it.
 * Cloudflare refuses a CNAME at a name that has an A, AAAA or CNAME record, and an A or AAAA at a name that has a
 * CNAME (errors 81053/81054, Cloudflare DNS docs "Records with same name"; it flattens CNAMEs, so other types may
 * share the name): such a pair is a conflict, and the user decides. So is a live A or AAAA the stack does not adopt
 * at a name where it plans the host's address: both would answer.
 */
import type { PlannedRecord } from "../dns/record-plan";
import { contentKey, type LiveRecord, nameKey } from "./live";

/** One field the second `pulumi up` changes on an adopted record. */
export interface FieldChange {
  readonly field: "content" | "ttl" | "proxied" | "priority";
  readonly live: string | number | boolean | undefined;
  readonly planned: string | number | boolean | undefined;
}

export interface AdoptedPair {
  readonly planned: PlannedRecord;
  readonly live: LiveRecord;
  /** Empty: adopted unchanged. */
  readonly changes: readonly FieldChange[];
}

export interface RecordConflict {
  readonly planned: PlannedRecord;
  readonly live: readonly LiveRecord[];
  readonly reason: string;
}

export interface RecordDiff {
  /** Planned records with no live twin: the first up creates them. */
  readonly create: readonly PlannedRecord[];
  /** Live records the stack plans: imported, in plan order. */
  readonly adopt: readonly AdoptedPair[];
  /** Live records the stack does not plan: never touched. */
  readonly foreign: readonly LiveRecord[];
  /** Planned records that cannot be created beside a live record the stack does not adopt. */
  readonly conflicts: readonly RecordConflict[];
}

/** Types whose differing live content is adopted and replaced in place rather than created beside. */
const SINGLE_ANSWER = new Set(["CNAME", "A", "AAAA"]);

export function matchRecords(planned: readonly PlannedRecord[], live: readonly LiveRecord[], ): RecordDiff {
  const used = new Set<LiveRecord>();
  const pairs = new Map<PlannedRecord, LiveRecord>();
  const sameNameType = (p: PlannedRecord) => live.filter((l) => !used.has(l) && nameKey(l.name) === nameKey(p.name) && l.type === p.type);
  // Exact twins first, so a set of several (CAA, TXT) pairs value by value whatever the order.
  for (const p of planned) {
    const twin = sameNameType(p).find((l) => contentKey(l.type, l.content) === contentKey(p.type, p.content));
    if (twin !== undefined) {
      pairs.set(p, twin);
      used.add(twin);
    }
  }
  // Then one planned web-host record against the one live record left at its name and type.
  for (const p of planned) {
    if (pairs.has(p) || !SINGLE_ANSWER.has(p.type)) continue;
    const group = planned.filter((q) => q.type === p.type && nameKey(q.name) === nameKey(p.name) && !pairs.has(q));
    const left = sameNameType(p);
    if (group.length === 1 && left.length === 1 && left[0] !== undefined) {
      pairs.set(p, left[0]);
      used.add(left[0]);
    }
  }
  const conflicts: RecordConflict[] = [];
  const create: PlannedRecord[] = [];
  for (const p of planned) {
    if (pairs.has(p)) continue;
    const blocking = live.filter((l) => !used.has(l) && nameKey(l.name) === nameKey(p.name) && blocks(p, l));
    if (blocking.length > 0) conflicts.push({ planned: p, live: blocking, reason: conflictReason(p, blocking) });
    else create.push(p);
  }
  const adopt = planned.flatMap((p) => {
    const l = pairs.get(p);
    return l === undefined ? [] : [{ planned: p, live: l, changes: changesOf(p, l) }];
  });
  return { create, adopt, foreign: live.filter((l) => !used.has(l)), conflicts };
}

/** A CNAME and an A, AAAA or CNAME at one name: what Cloudflare refuses to create (errors 81053, 81054). */
export function addressClash(a: string, b: string): boolean {
  return (a === "CNAME" && SINGLE_ANSWER.has(b)) || (b === "CNAME" && SINGLE_ANSWER.has(a));
}

/**
 * A planned host address (A, AAAA, CNAME) beside a live one it does not adopt: the API refuses it (a CNAME clash),
 * or both would answer, sending some clients to an origin the stack does not manage, past its edge rules.
 */
function blocks(p: PlannedRecord, l: LiveRecord): boolean {
  return SINGLE_ANSWER.has(p.type) && SINGLE_ANSWER.has(l.type);
}

function conflictReason(p: PlannedRecord, live: readonly LiveRecord[]): string {
  const shown = live.map((l) => `${l.type} ${l.content}`).join(", ");
  if (live.some((l) => addressClash(p.type, l.type))) {
    return `${p.name} already has ${shown}: Cloudflare refuses a CNAME beside an A, AAAA or CNAME of the same name, so creating ${p.type} ${p.content} fails. Delete or change the live record, or change the stack`;
  }
  if (live.every((l) => l.type === p.type)) {
    return `${p.name} has ${live.length} live ${p.type} records (${shown}) and the stack plans one: say which to keep by deleting the others, or adopt one by hand in cloudflare.adoptRecords`;
  }
  return `${p.name} already answers with ${shown}, which would go on answering beside the planned ${p.type} ${p.content}, sending some clients to another origin: delete the live record just before the first up, or change the stack`;
}

/** What DNS answers change; the managed comment the next up also writes is not listed (it changes no answer). */
function changesOf(p: PlannedRecord, l: LiveRecord): FieldChange[] {
  const changes: FieldChange[] = [];
  if (contentKey(l.type, l.content) !== contentKey(p.type, p.content)) changes.push({ field: "content", live: l.content, planned: p.content });
  if (l.ttl !== p.ttl) changes.push({ field: "ttl", live: l.ttl, planned: p.ttl });
  if (l.proxied !== p.proxied) changes.push({ field: "proxied", live: l.proxied, planned: p.proxied });
  if (p.priority !== undefined && l.priority !== p.priority) changes.push({ field: "priority", live: l.priority, planned: p.priority });
  return changes;
}
