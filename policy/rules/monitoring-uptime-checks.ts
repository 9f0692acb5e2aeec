import { judgeUptimeChecks } from "../../core/judges/monitoring";
import { NO_MONITORING, plannedHealthChecks, plannedMonitoring, unmonitoredWebDomains } from "./support/monitoring";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/**
 * Every URL a domain's monitoring names has a Route 53 HTTPS health check and a status alarm in us-east-1. A web
 * domain with no monitoring is "not configured" (a warning, never a pass).
 */
export const monitoringUptimeChecks: JudgedRule = judgedRule(
  "monitoring.uptime_checks",
  (resources) => {
    const monitored = plannedMonitoring(resources);
    const checks = plannedHealthChecks(resources);
    return [
      ...monitored.map((m) => ({ verdict: judgeUptimeChecks({ domain: m.domain, configured: true, targets: m.targets, healthChecks: checks }), urn: m.urn })),
      ...unmonitoredWebDomains(resources, monitored).map((domain) => ({ verdict: judgeUptimeChecks({ domain, configured: false, targets: [], healthChecks: [] }) })),
    ];
  },
  NO_MONITORING,
);
