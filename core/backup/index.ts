export { describeMinutes, fireTimes, GAP_EPOCH, GAP_HORIZON_DAYS, parseSchedule, worstGap, type ParseResult, type Schedule, type ScheduleGap } from "./schedule";
export { backupRules, restoreTestingSchedule, type BackupRulePlan, type BackupTiers } from "./plan";
