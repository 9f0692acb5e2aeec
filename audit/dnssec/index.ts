export { validateDomain, validateZone, zoneSignatures, type ChainResult, type ChainStatus, type DomainValidation, type RrsetCheck } from "./chain";
export { parseDsRecord, ROOT_TRUST_ANCHORS, type DsRecord } from "./ds-record";
export { keyTag, dsMatches, verifySignature, SUPPORTED_ALGORITHMS } from "./keys";
export { signedData } from "./canonical";
export type { SignatureSeen } from "./verify-rrset";
