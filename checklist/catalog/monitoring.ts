import { defineRow } from "./define";

/** A web domain the stack serves but does not monitor: never a pass, but not a failure of unrelated stacks either. */
const notConfigured = (what: string) => ({
  status: "warn" as const,
  when: `The stack serves a web domain but configures no ${what} for it (no \`monitoring:\` entry or no alert route): nothing is checked, so nothing is claimed.`,
});

export const MONITORING = defineRow("monitoring", {
  "monitoring.uptime_checks": {
    title: "Every public endpoint has an uptime check",
    why: "Without one, customers find the outage before you do.",
    remediation:
      "Add `monitoring:` to the domain (the homepage, login and `monitoring.checks` URLs such as the API's health endpoint are checked); each URL gets a Route 53 HTTPS health check with an alarm on its status in us-east-1, the only region with Route 53 health-check metrics.",
    source: "Amazon Route 53 Developer Guide: Monitoring health checks using CloudWatch",
    outcomes: {
      "all-checked": { status: "pass", when: "Every configured URL has a Route 53 HTTPS health check (its host, path, port 443, search string, SNI sent) and an alarm on its HealthCheckStatus in us-east-1." },
      unchecked: { status: "fail", when: "A configured URL has no matching HTTPS health check, its health check sends no SNI (the edge could not pick the certificate), or it has no status alarm." },
      "alarm-outside-us-east-1": { status: "fail", when: "A health check's status alarm is planned in another region than us-east-1, where Route 53 publishes no health-check metrics: it would never fire." },
      "not-configured": notConfigured("uptime checks"),
    },
  },
  "monitoring.alert_route": {
    title: "Alarms reach a human",
    why: "An alarm with no subscriber is the same as no alarm.",
    remediation: "Set `launch-ready:alerts.emails` (and confirm the subscription emails AWS sends); every alarm's `alarmActions` must name that topic.",
    outcomes: {
      routed: { status: "pass", when: "Every alarm the stack plans notifies an SNS topic of the stack with at least one subscription (email subscriptions stay pending until their confirmation link is clicked; the `alerts` stack output says so)." },
      unrouted: { status: "fail", when: "An alarm has no `alarmActions`, or notifies a topic with no subscription." },
      "not-configured": notConfigured("alarms or alert route"),
    },
  },
  "monitoring.latency_alarm": {
    title: "p95 latency and 5xx rates are alarmed",
    why: "Slow or failing logins are an outage to customers even when the health check is green.",
    remediation:
      "Set `monitoring.latencyP95Ms` (500 ms or less) and `monitoring.loadBalancerArn` for the origin's 5xx rate; each health check then has an alarm on the p95 of its TimeToFirstByte in us-east-1.",
    severity: "advisory",
    outcomes: {
      alarmed: { status: "pass", when: "Every latency-measuring health check has a p95 TimeToFirstByte alarm at or under 500 ms in us-east-1, and the load balancer's 5xx count is alarmed." },
      "5xx-not-covered": { status: "warn", when: "Latency is alarmed, but no load balancer is given, so the origin's 5xx rate is not alarmed: the verdict says so instead of claiming it." },
      missing: { status: "fail", when: "A health check has no p95 TimeToFirstByte alarm (or does not measure latency), or the alarm is not in us-east-1." },
      "too-loose": { status: "fail", when: "The p95 latency alarm's threshold is over 500 ms, the checklist's limit for core actions." },
      "not-configured": notConfigured("latency alarm"),
    },
  },
  "monitoring.cert_expiry_alarm": {
    title: "Certificate expiry is alarmed ahead of time",
    why: "Auto-renewal fails silently (CAA, DNS validation); an alarm gives you the days to fix it.",
    remediation:
      "Set `monitoring.certExpiryDays` (14 or more): a scheduled check reads the certificate each host serves and an alarm fires below that many days left, and when the check cannot read it.",
    outcomes: {
      alarmed: { status: "pass", when: "Every monitored host's served certificate is read by the scheduled check and alarmed at 14 days or more before expiry, with a missing reading treated as breaching." },
      missing: { status: "fail", when: "A monitored host has no days-left alarm, or no scheduled check publishes the metric." },
      "too-late": { status: "fail", when: "The alarm fires with fewer than 14 days left." },
      "blind-when-unreachable": { status: "fail", when: "The alarm treats a missing reading (the host could not be reached or read) as fine rather than breaching." },
      "not-configured": notConfigured("certificate-expiry alarm"),
    },
  },
});
