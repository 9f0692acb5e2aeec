export * from "./model";
export { renderHtml, isExpired } from "./render";
export { STATUS_LOOK, needsAction } from "./status";
export { esc } from "./escape";
export { fromPreview, PLAN_SOURCE } from "./from-preview";
export { fromAudit } from "./from-audit";
export { fromLiveWithoutPlan, fromPlanAndLive } from "./combine";
export { writeHtmlReport, packageVersion } from "./write";
