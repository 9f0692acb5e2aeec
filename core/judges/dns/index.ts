/** The judges of the DNS family (caa.*, dnssec.*): one per checklist ID, pure. */
import type { CheckId } from "../../../checklist";
import { judgeCaaIssuerMatch } from "./caa-issuer-match";
import { judgeCaaPresent } from "./caa-present";
import { judgeCaaSyntax } from "./caa-syntax";
import { judgeDnssecChain } from "./dnssec-chain";

export { judgeCaaIssuerMatch, type CaaIssuerMatchInput, type LiveCertificate } from "./caa-issuer-match";
export { judgeCaaPresent, type CaaPresentInput } from "./caa-present";
export { judgeCaaSyntax } from "./caa-syntax";
export { judgeDnssecChain, type DnssecChainInput, type RrsetVerdicts } from "./dnssec-chain";
export { caaDomainsForIssuer, organisationOf } from "./ca-domains";
export { type CaaEntry, type CaaSet, caaText, entryText } from "./caa-set";

export const DNS_JUDGES: Partial<Record<CheckId, (...args: never[]) => unknown>> = {
  "caa.present": judgeCaaPresent,
  "caa.syntax": judgeCaaSyntax,
  "caa.issuer_match": judgeCaaIssuerMatch,
  "dnssec.chain": judgeDnssecChain,
};
