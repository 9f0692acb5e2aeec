/**
 * dnssec.chain: the zone is signed and the chain of trust from the root validates down to it (RFC 4033-4035).
 * Before apply only the signing is known: Cloudflare signs once `ZoneDnssec` is active, but the chain validates
 * only after the DS record is published at the registrar, an action outside the plan. So the plan can never pass
 * this ID; it says the zone will be signed with its DS not yet published, the same outcome the auditor gives a
 * signed zone whose parent has no DS.
 */
import { cannotTell, judged, type Verdict } from "../../judge";

export type DnssecChainInput =
  /** Before apply: whether the stack plans signing for the zone (`ZoneDnssec` status `active`). */
  | { readonly kind: "planned"; readonly zone: string; readonly signing: boolean }
  /** After apply, validated by launch-ready from a trust anchor down (RFC 4035 §5). */
  | {
      readonly kind: "validated";
      readonly zone: string;
      /** The audited name when it is not the zone's apex (a subdomain audited on its own). */
      readonly name?: string;
      readonly status: "secure" | "insecure" | "bogus" | "error";
      readonly reason: string;
      /** For an insecure chain: whether the zone itself publishes DNSKEY (signed, but no DS at the parent). */
      readonly publishesDnskey?: boolean;
      /** The RRsets the other checks rely on, each validated on its own (RFC 4035 §5.3, §5.4). */
      readonly rrsets?: RrsetVerdicts;
    }
  /** After apply, with a DNS client that cannot fetch signatures: the resolver's AD bit (RFC 4035 §3.2.3). */
  | { readonly kind: "resolver"; readonly zone: string; readonly authenticated: boolean };

export interface RrsetVerdicts {
  /** How many RRsets (or proven absences) were checked. */
  readonly checked: number;
  /** `TYPE name` and why it does not validate: a forged or broken answer the checks would otherwise read. */
  readonly bogus: ReadonlyArray<{ readonly rrset: string; readonly reason: string }>;
  /** `TYPE name` whose lookup or chain could not be completed. */
  readonly unreadable: ReadonlyArray<{ readonly rrset: string; readonly reason: string }>;
}

function inZone(input: { zone: string; name?: string }): string {
  return input.name !== undefined && input.name !== input.zone ? `${input.name} (in zone ${input.zone})` : input.zone;
}

export function judgeDnssecChain(input: DnssecChainInput): Verdict {
  const z = input.zone;
  switch (input.kind) {
    case "planned":
      return input.signing
        ? judged("dnssec.chain", "signed-ds-pending", [`${z} will be signed by Cloudflare (ZoneDnssec active); its DS record is not yet published at the registrar, so the chain of trust is not verified`])
        : judged("dnssec.chain", "insecure", [`${z} is not signed: the stack plans no active ZoneDnssec for it`]);
    case "resolver":
      return input.authenticated
        ? judged("dnssec.chain", "secure", [`the resolver validated ${z} (AD bit set)`])
        : judged("dnssec.chain", "not-validated", [`the resolver did not validate ${z} (no AD bit): it is unsigned, or the resolver does not validate`]);
    case "validated": {
      const where = inZone(input);
      const sets = input.rrsets;
      // The zone's own keys failing breaks every RRset below: say that once.
      if (input.status === "bogus") return judged("dnssec.chain", "bogus", [`DNSSEC is broken (bogus) for ${where}: ${input.reason}`]);
      // RFC 4035 §5.5: validating resolvers refuse a bogus RRset, and a non-validating path hands it to the checks.
      if (sets && sets.bogus.length > 0) {
        return judged("dnssec.chain", "bogus-rrset", [
          `${sets.bogus.length} RRset(s) the audit relies on for ${where} do not validate:`,
          ...sets.bogus.map((b) => `${b.rrset}: ${b.reason}`),
        ]);
      }
      if (input.status === "error") return cannotTell(`could not validate DNSSEC for ${where}: ${input.reason}`);
      if (sets && sets.unreadable.length > 0) {
        const first = sets.unreadable[0];
        return cannotTell(`could not validate ${sets.unreadable.length} RRset(s) the audit relies on for ${where}, e.g. ${first?.rrset ?? ""}: ${first?.reason ?? ""}`);
      }
      const checked = sets ? `; ${sets.checked} RRset(s) the audit relies on validate too` : "";
      switch (input.status) {
        case "secure":
          return judged("dnssec.chain", "secure", [`DNSSEC validates for ${where}: ${input.reason}${checked}`]);
        case "insecure":
          return input.publishesDnskey === true
            ? judged("dnssec.chain", "signed-ds-pending", [`${z} is signed (it publishes DNSKEY) but its parent has no DS for it, so no resolver validates it${where !== z ? ` (audited: ${where})` : ""}`])
            : judged("dnssec.chain", "insecure", [`${where} is not protected by DNSSEC: ${input.reason}`]);
      }
    }
  }
}
