export { describeMinutes, fireTimes, GAP_EPOCH, GAP_HORIZON_DAYS, parseSchedule, worstGap, type ParseResult, type Schedule, type ScheduleGap } from "./schedule";
export { backupRules, restoreTestingSchedule, type BackupRulePlan, type BackupTiers } from "./plan";
export { failureEvents, FAILURE_VAULT_EVENTS, SUPPORTED_VAULT_EVENTS } from "./events";
