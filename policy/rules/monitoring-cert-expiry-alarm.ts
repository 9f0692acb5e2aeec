import { judgeCertExpiryAlarm } from "../../core/judges/monitoring";
import { certAlarms, NO_MONITORING, plannedMonitoring, scheduledCertChecks, unmonitoredWebDomains } from "./support/monitoring";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** Each monitored host's served certificate is read on a schedule and alarmed 14+ days ahead, unreadable = alarm. */
export const monitoringCertExpiryAlarm: JudgedRule = judgedRule(
  "monitoring.cert_expiry_alarm",
  (resources) => {
    const monitored = plannedMonitoring(resources);
    const checked = scheduledCertChecks(resources);
    const alarms = certAlarms(resources);
    return [
      ...monitored.map((m) => ({ verdict: judgeCertExpiryAlarm({ domain: m.domain, configured: true, hosts: m.certHosts, checked, alarms }), urn: m.urn })),
      ...unmonitoredWebDomains(resources, monitored).map((domain) => ({ verdict: judgeCertExpiryAlarm({ domain, configured: false, hosts: [], checked: [], alarms: [] }) })),
    ];
  },
  NO_MONITORING,
);
