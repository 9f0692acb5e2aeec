import type { DmarcPolicy } from "./parse";

export interface DmarcSpec {
  readonly policy: DmarcPolicy;
  readonly subdomainPolicy?: DmarcPolicy;
  readonly pct?: number;
  /** `mailto:` URIs (a bare address gets `mailto:` added). */
  readonly rua?: readonly string[];
  readonly ruf?: readonly string[];
  readonly adkim?: "r" | "s";
  readonly aspf?: "r" | "s";
}

function asMailto(uri: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(uri) ? uri : `mailto:${uri}`;
}

/** Builds a DMARC TXT value: `v=DMARC1` first and `p` second (RFC 7489 §6.4 order). */
export function buildDmarc(spec: DmarcSpec): string {
  if (spec.pct !== undefined && (!Number.isInteger(spec.pct) || spec.pct < 0 || spec.pct > 100)) {
    throw new RangeError(`DMARC pct must be an integer from 0 to 100, got ${spec.pct}`);
  }
  const tags = ["v=DMARC1", `p=${spec.policy}`];
  if (spec.subdomainPolicy) tags.push(`sp=${spec.subdomainPolicy}`);
  if (spec.pct !== undefined && spec.pct !== 100) tags.push(`pct=${spec.pct}`);
  if (spec.rua && spec.rua.length > 0) tags.push(`rua=${spec.rua.map(asMailto).join(",")}`);
  if (spec.ruf && spec.ruf.length > 0) tags.push(`ruf=${spec.ruf.map(asMailto).join(",")}`);
  if (spec.adkim) tags.push(`adkim=${spec.adkim}`);
  if (spec.aspf) tags.push(`aspf=${spec.aspf}`);
  return tags.join("; ");
}

/** The DMARC record of a parked domain (M3AAWG): reject everything, everywhere. */
export const PARKED_DMARC = buildDmarc({ policy: "reject", subdomainPolicy: "reject" });
