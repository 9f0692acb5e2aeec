export { formatHuman } from "./human";
export { formatJson } from "./json";
export { formatMarkdown } from "./markdown";
export { buildSarif, formatSarif, SARIF_SCHEMA_URI, type SarifOptions } from "./sarif";
export { auditExitStatus, type FailOn } from "./exit-status";
export { groupByRow, outOfScopeRows } from "./grouping";
