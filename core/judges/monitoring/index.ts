/** The judges of the monitoring family (monitoring.*): one per checklist ID, pure. */
import type { CheckId } from "../../../checklist";
import { judgeAlertRoute } from "./alert-route";
import { judgeCertExpiryAlarm } from "./cert-expiry-alarm";
import { judgeLatencyAlarm } from "./latency-alarm";
import { judgeUptimeChecks } from "./uptime-checks";

export const MONITORING_JUDGES: Partial<Record<CheckId, (...args: never[]) => unknown>> = {
  "monitoring.uptime_checks": judgeUptimeChecks,
  "monitoring.alert_route": judgeAlertRoute,
  "monitoring.latency_alarm": judgeLatencyAlarm,
  "monitoring.cert_expiry_alarm": judgeCertExpiryAlarm,
};

export { judgeAlertRoute, type AlarmRoute, type AlertRouteInput } from "./alert-route";
export { judgeCertExpiryAlarm, type CertAlarmFacts, type CertExpiryInput } from "./cert-expiry-alarm";
export { judgeLatencyAlarm, type LatencyAlarmFacts, type LatencyAlarmInput } from "./latency-alarm";
export { healthCheckFor, judgeUptimeChecks, type PlannedHealthCheck, type UptimeChecksInput } from "./uptime-checks";
