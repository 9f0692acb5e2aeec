import { isParkedSpf, selectSpfRecords } from "../../../core/email/spf";
import type { AuditContext, AuditTarget, DnsLookup, MxRecord } from "../../types";
import { isNullMx } from "./dns";

/** Whether the domain sends mail, as declared by the stack or as seen (RFC 7505 null MX plus `v=spf1 -all`). */
export type Parked =
  | { readonly kind: "declared"; readonly parked: boolean }
  | { readonly kind: "discovered"; readonly parked: boolean }
  | { readonly kind: "unknown"; readonly reason: string };

export interface MailState {
  readonly mx: DnsLookup<MxRecord>;
  readonly txt: DnsLookup<string>;
  readonly spfRecords: readonly string[];
  readonly hasNullMx: boolean;
  readonly parked: Parked;
}

/** The lookups several email checks share; the DNS client asks each identical query once per run. */
export async function loadMailState(target: AuditTarget, ctx: AuditContext): Promise<MailState> {
  const [mx, txt] = await Promise.all([ctx.dns.query(target.name, "MX"), ctx.dns.query(target.name, "TXT")]);
  const spfRecords = txt.kind === "answer" ? selectSpfRecords(txt.records) : [];
  const hasNullMx = mx.kind === "answer" && mx.records.some((r) => isNullMx(r.exchange));
  let parked: Parked;
  if (ctx.expected) parked = { kind: "declared", parked: !ctx.expected.sending };
  else if (mx.kind === "error") parked = { kind: "unknown", reason: `MX lookup failed: ${mx.reason}` };
  else if (txt.kind === "error") parked = { kind: "unknown", reason: `TXT lookup failed: ${txt.reason}` };
  else {
    const onlyParkedSpf = spfRecords.length === 1 && isParkedSpf(spfRecords[0] ?? "");
    parked = { kind: "discovered", parked: hasNullMx && onlyParkedSpf };
  }
  return { mx, txt, spfRecords, hasNullMx, parked };
}

export function describeParked(p: Parked): string {
  if (p.kind === "declared") return p.parked ? "declared parked (sends no mail)" : "declared sending";
  if (p.kind === "discovered") return p.parked ? "parked (null MX and v=spf1 -all)" : "treated as sending (no null MX with v=spf1 -all, and no --stack)";
  return `unknown (${p.reason})`;
}
