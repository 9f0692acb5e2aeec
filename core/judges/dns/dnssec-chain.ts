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
      readonly status: "secure" | "insecure" | "bogus" | "error";
      readonly reason: string;
      /** For an insecure chain: whether the zone itself publishes DNSKEY (signed, but no DS at the parent). */
      readonly publishesDnskey?: boolean;
    }
  /** After apply, with a DNS client that cannot fetch signatures: the resolver's AD bit (RFC 4035 §3.2.3). */
  | { readonly kind: "resolver"; readonly zone: string; readonly authenticated: boolean };

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
    case "validated":
      switch (input.status) {
        case "secure":
          return judged("dnssec.chain", "secure", [`DNSSEC validates for ${z}: ${input.reason}`]);
        case "insecure":
          return input.publishesDnskey === true
            ? judged("dnssec.chain", "signed-ds-pending", [`${z} is signed (it publishes DNSKEY) but its parent has no DS for it, so no resolver validates it`])
            : judged("dnssec.chain", "insecure", [`${z} is not protected by DNSSEC: ${input.reason}`]);
        case "bogus":
          return judged("dnssec.chain", "bogus", [`DNSSEC is broken (bogus) for ${z}: ${input.reason}`]);
        case "error":
          return cannotTell(`could not validate DNSSEC for ${z}: ${input.reason}`);
      }
  }
}
