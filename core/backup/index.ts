export { AWS_BACKUP_DEFAULT_SCHEDULE, AWS_BACKUP_DEFAULT_START_WINDOW_MINUTES, describeMinutes, parseBackupSchedule, fireTimes, GAP_EPOCH, GAP_HORIZON_DAYS, parseSchedule, worstGap, type ParseResult, type Schedule, type ScheduleGap } from "./schedule";
export { backupRules, MIN_RPO_HOURS, restoreTestingSchedule, START_WINDOW_MINUTES, type BackupRulePlan, type BackupTiers } from "./plan";
export { failureEvents, FAILURE_VAULT_EVENTS, SUPPORTED_VAULT_EVENTS } from "./events";
