/**
 * tls.protocols: only TLS 1.2 and 1.3 are offered (RFC 8996 deprecates 1.0 and 1.1). Live, each version is offered
 * if a handshake pinned to it completes; before apply, the zone's `min_tls_version` and `tls_1_3` say which will be.
 */
import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";

export const TLS_VERSIONS = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"] as const;
export type TlsVersionName = (typeof TLS_VERSIONS)[number];
export type Offer = "offered" | "not-offered" | "unknown";

export type TlsProtocolsInput =
  | {
      readonly kind: "versions";
      readonly host: string;
      readonly versions: Readonly<Record<TlsVersionName, Offer>>;
      /** What the versions were read from, for the facts (e.g. the planned settings); not a verdict. */
      readonly basis?: string;
    }
  /** Nothing answers on port 443: web.https reports it. */
  | { readonly kind: "no-https"; readonly host: string; readonly reason: string };

const LEGACY: readonly TlsVersionName[] = ["TLSv1", "TLSv1.1"];

export function judgeTlsProtocols(input: TlsProtocolsInput): Verdict {
  if (input.kind === "no-https") return notApplicable(`Nothing answers on port 443 of ${input.host} (see web.https): ${input.reason}`);
  const { host, versions } = input;
  const by = (o: Offer): TlsVersionName[] => TLS_VERSIONS.filter((v) => versions[v] === o);
  const offered = by("offered");
  const unknown = by("unknown");
  const basis = input.basis !== undefined ? [input.basis] : [];
  const legacy = offered.filter((v) => LEGACY.includes(v));
  if (legacy.length > 0) return judged("tls.protocols", "legacy", [`${host} offers ${legacy.join(" and ")} (deprecated by RFC 8996)`, ...basis]);
  if (unknown.length > 0) return cannotTell(`whether ${host} offers ${unknown.join(", ")} is unknown${input.basis !== undefined ? ` (${input.basis})` : ""}`);
  if (offered.length === 0) return judged("tls.protocols", "none", [`${host} completes no handshake with TLS 1.0 to 1.3`, ...basis]);
  if (!offered.includes("TLSv1.3")) return judged("tls.protocols", "no-tls-1-3", [`${host} offers ${offered.join(" and ")}, not TLSv1.3`, ...basis]);
  return judged("tls.protocols", "modern", [`${host} offers ${offered.join(" and ")} only`, ...basis]);
}
