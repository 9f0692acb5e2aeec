export { runAudit, countStatuses, type RunAuditOptions } from "./run-audit";
export { enforceModuleContract, resultsForAll, withDefaults } from "./results";
