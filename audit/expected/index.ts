export { expectedFromDomain, expectedFromRecords, expectedFromSpec } from "./from-spec";
export { loadExpectedState, ExpectedStateError } from "./load";
export { ACM_CAA_ISSUER, CLOUDFLARE_CAA_ISSUERS } from "./platform";
