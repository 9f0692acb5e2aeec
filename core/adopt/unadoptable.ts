/**
 * Records the stack creates but cannot adopt (the email component's SPF, DMARC, MX, DKIM, TLS-RPT and MTA-STS
 * records have no `adoptRecords` entry): against the live zone, each is either created or a conflict the user must
 * settle before the first `pulumi up`. A conflict is
 * - an identical live record: Cloudflare refuses to create a record identical to an existing one ("Record already
 *   exists", 81057);
 * - a live TXT policy record of the same kind at the same name (`v=spf1`, `v=DMARC1`, `v=TLSRPTv1`, `v=STSv1`):
 *   two of them break the policy (RFC 7208 §4.5: more than one SPF record is a permerror; RFC 7489 §6.6.3: DMARC
 *   ignores the name if there are several);
 * - a CNAME beside an A, AAAA or CNAME of the same name, or the reverse (Cloudflare's errors 81053/81054).
 */
import type { PlannedRecord } from "../dns/record-plan";
import { txtValue } from "../dns/txt";
import { contentKey, type LiveRecord, nameKey } from "./live";
import { addressClash, type RecordConflict } from "./match";

export interface UnadoptableDiff {
  readonly create: readonly PlannedRecord[];
  readonly conflicts: readonly RecordConflict[];
}

/** `v=spf1`, `v=DMARC1`, … : the policy a TXT record states, lower case, or undefined. */
export function txtPolicyKind(content: string): string | undefined {
  const m = /^v=([a-z0-9]+)/i.exec(txtValue(content).trim());
  return m?.[1]?.toLowerCase();
}

function clash(p: PlannedRecord, l: LiveRecord): string | undefined {
  if (nameKey(l.name) !== nameKey(p.name)) return undefined;
  if (l.type === p.type && contentKey(l.type, l.content) === contentKey(p.type, p.content)) return `an identical ${p.type} record exists (Cloudflare refuses to create a second)`;
  if (addressClash(p.type, l.type)) return `Cloudflare refuses a CNAME beside an A, AAAA or CNAME of the same name (live ${l.type} ${l.content})`;
  const kind = p.type === "TXT" && l.type === "TXT" ? txtPolicyKind(p.content) : undefined;
  if (kind !== undefined && txtPolicyKind(l.content) === kind) return `the live ${l.content} is a second v=${kind} record: with two, the policy is broken`;
  return undefined;
}

export function matchUnadoptable(planned: readonly PlannedRecord[], live: readonly LiveRecord[]): UnadoptableDiff {
  const create: PlannedRecord[] = [];
  const conflicts: RecordConflict[] = [];
  for (const p of planned) {
    const hits = live.flatMap((l) => {
      const why = clash(p, l);
      return why === undefined ? [] : [{ l, why }];
    });
    if (hits.length === 0) create.push(p);
    else {
      conflicts.push({
        planned: p,
        live: hits.map((h) => h.l),
        reason: `${p.name} ${p.type} ${p.content} (${p.purpose}) is created by the stack, which cannot adopt it, but ${hits.map((h) => h.why).join("; ")}: delete the live record just before the first up, or take it out of the stack`,
      });
    }
  }
  return { create, conflicts };
}
