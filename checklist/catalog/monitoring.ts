import { defineRow } from "./define";

export const MONITORING = defineRow("monitoring", {
  "monitoring.uptime_checks": {
    title: "Every public endpoint has an uptime check",
    why: "Without one, customers find the outage before you do.",
    remediation: "List the endpoints under `monitoring.checks`.",
  },
  "monitoring.alert_route": {
    title: "Alarms reach a human",
    why: "An alarm with no subscriber is the same as no alarm.",
    remediation: "Set `launch-ready:alerts.emails` (and confirm the subscription emails AWS sends).",
  },
  "monitoring.latency_alarm": {
    title: "p95 latency and 5xx rates are alarmed",
    why: "Slow or failing logins are an outage to customers even when the health check is green.",
    remediation: "Set `monitoring.latencyP95Ms`.",
    severity: "advisory",
  },
  "monitoring.cert_expiry_alarm": {
    title: "Certificate expiry is alarmed ahead of time",
    why: "Auto-renewal fails silently (CAA, DNS validation); an alarm gives you the days to fix it.",
    remediation: "Set `monitoring.certExpiryDays` (14 or more).",
  },
});
