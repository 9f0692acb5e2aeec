import { judgeAlertRoute } from "../../core/judges/monitoring";
import { alarmRoutes, NO_MONITORING, plannedMonitoring, unmonitoredWebDomains } from "./support/monitoring";
import { type JudgedRule, judgedRule } from "./support/setting-rule";

/** Every alarm the stack plans notifies a topic, in its region, with at least one subscriber. */
export const monitoringAlertRoute: JudgedRule = judgedRule(
  "monitoring.alert_route",
  (resources) => {
    const alarms = alarmRoutes(resources);
    const unmonitored = unmonitoredWebDomains(resources, plannedMonitoring(resources));
    if (alarms.length === 0 && unmonitored.length === 0) return [];
    return [{ verdict: judgeAlertRoute({ alarms, unmonitoredDomains: unmonitored }) }];
  },
  NO_MONITORING,
);
