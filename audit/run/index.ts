export { runAudit, countStatuses, type RunAuditOptions } from "./run-audit";
export { enforceModuleContract, redactResults, resultsForAll } from "./results";
