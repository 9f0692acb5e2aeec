import { healthCheckFor, judgeLatencyAlarm } from "../../core/judges/monitoring";
import { fiveXxAlarm, latencyAlarmsOf, NO_MONITORING, plannedHealthChecks, plannedMonitoring, unmonitoredWebDomains } from "./support/monitoring";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** Each monitored URL's health check has a p95 time-to-first-byte alarm within the limit; 5xx coverage is stated. */
export const monitoringLatencyAlarm: JudgedRule = judgedRule(
  "monitoring.latency_alarm",
  (resources) => {
    const monitored = plannedMonitoring(resources);
    const checks = plannedHealthChecks(resources);
    const fiveXx = fiveXxAlarm(resources);
    return [
      ...monitored.map((m) => {
        const healthChecks = m.targets.flatMap((t) => {
          const hc = healthCheckFor(t, checks);
          return hc === undefined ? [] : [{ ref: hc.ref, url: t.url, ...(hc.measureLatency !== undefined ? { measureLatency: hc.measureLatency } : {}), alarms: latencyAlarmsOf(hc.urn, resources) }];
        });
        const five =
          fiveXx !== undefined
            ? { alarmed: true as const, ref: fiveXx.name }
            : { alarmed: false as const, reason: m.loadBalancer ? "a load balancer is given but no alarm on its 5xx metrics is planned" : "no load balancer is given (`monitoring.loadBalancerArn`), and the health checks see only the URLs they fetch" };
        return { verdict: judgeLatencyAlarm({ domain: m.domain, configured: true, healthChecks, fiveXx: five }), urn: m.urn };
      }),
      ...unmonitoredWebDomains(resources, monitored).map((domain) => ({ verdict: judgeLatencyAlarm({ domain, configured: false, healthChecks: [], fiveXx: { alarmed: false, reason: "not configured" } }) })),
    ];
  },
  NO_MONITORING,
);
