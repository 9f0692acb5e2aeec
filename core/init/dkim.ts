/**
 * The DKIM selectors found live, as the stack's sender DKIM entries: a CNAME to the provider becomes `target`, a
 * TXT key becomes `publicKey` (public by nature). A key the stack would refuse (below 2048 bits, unreadable,
 * revoked) is left out with a note: its fix is a new key from the provider, which no observation can give.
 */
import { dkimKeyStrength, parseDkimKey } from "../email/dkim";
import type { SeenDkim } from "./observed";

export type DkimEntry =
  | { readonly selector: string; readonly target: string; readonly seen: string }
  | { readonly selector: string; readonly publicKey: string; readonly seen: string };

export interface DkimFindings {
  readonly entries: readonly DkimEntry[];
  readonly notes: readonly string[];
}

export function dkimFindings(domain: string, seen: readonly SeenDkim[]): DkimFindings {
  const entries: DkimEntry[] = [];
  const notes: string[] = [];
  for (const s of seen) {
    const name = `${s.selector}._domainkey.${domain}`;
    if (s.kind === "cname") entries.push({ selector: s.selector, target: s.target.replace(/\.$/, ""), seen: `seen: ${name} CNAME ${s.target}` });
    if (s.kind !== "txt") continue;
    if (s.records.length !== 1) {
      notes.push(`${name} has ${s.records.length} key records; none was carried over: keep exactly one and add it to its sender's dkim (fixes dkim.syntax)`);
      continue;
    }
    const parsed = parseDkimKey(s.records[0] ?? "");
    const record = parsed.record;
    if (record === undefined || parsed.errors.length > 0) {
      notes.push(`${name} is not a readable DKIM key (${parsed.errors[0] ?? "no key"}); not carried over (fixes dkim.syntax)`);
      continue;
    }
    if (record.revoked) {
      notes.push(`${name} is revoked (empty p=); not carried over`);
      continue;
    }
    const strength = dkimKeyStrength(record);
    if (strength.kind === "rsa" && strength.bits < 2048) {
      notes.push(`${name} is a ${strength.bits}-bit RSA key; not carried over: generate a 2048-bit key at the provider and add it to the sender's dkim (fixes dkim.key_strength)`);
      continue;
    }
    if (strength.kind === "unreadable") {
      notes.push(`${name}: ${strength.reason}; not carried over`);
      continue;
    }
    entries.push({ selector: s.selector, publicKey: record.publicKey, seen: `seen: ${name} TXT key (${strength.kind === "rsa" ? `RSA ${strength.bits}` : "ed25519"})` });
  }
  return { entries, notes };
}
