export { expectedFromDomain, expectedFromRecords, expectedFromSpec } from "./from-spec";
export { loadExpectedState, loadStackExpectations, ExpectedStateError, type StackExpectations } from "./load";
export { ACM_CAA_ISSUER, CLOUDFLARE_CAA_ISSUERS } from "./platform";
