import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { judgeAlertRoute, judgeCertExpiryAlarm, judgeLatencyAlarm, judgeUptimeChecks } from "../../../../core/judges/monitoring";

const target = { url: "https://acme.example/healthz", host: "acme.example", path: "/healthz" };
const hc = (regions: (string | null)[], extra: Record<string, unknown> = {}) => ({ ref: "hc", type: "HTTPS", host: "acme.example", path: "/healthz", port: 443, statusAlarmRegions: regions, ...extra });

describe("monitoring.uptime_checks", () => {
  it("passes with an HTTPS check and a us-east-1 status alarm; fails elsewhere, without one, or with the wrong search string", () => {
    const base = { domain: "acme.example", configured: true, targets: [target] };
    expect(judgeUptimeChecks({ ...base, healthChecks: [hc(["us-east-1"])] }).status).toBe("pass");
    expect(judgeUptimeChecks({ ...base, healthChecks: [hc(["eu-west-1"])] })).toMatchObject({ status: "fail", outcome: "alarm-outside-us-east-1" });
    expect(judgeUptimeChecks({ ...base, healthChecks: [hc(["us-east-1", "eu-west-1"])] })).toMatchObject({ status: "fail", outcome: "alarm-outside-us-east-1" });
    expect(judgeUptimeChecks({ ...base, healthChecks: [hc([])] })).toMatchObject({ status: "fail", outcome: "unchecked" });
    expect(judgeUptimeChecks({ ...base, healthChecks: [hc(["us-east-1"], { type: "HTTP" })] })).toMatchObject({ status: "fail", outcome: "unchecked" });
    expect(judgeUptimeChecks({ ...base, targets: [{ ...target, searchString: "ok" }], healthChecks: [hc(["us-east-1"])] })).toMatchObject({ status: "fail", outcome: "unchecked" });
    expect(judgeUptimeChecks({ ...base, healthChecks: [hc([null])] }).status).toBe("cannot-tell");
    expect(judgeUptimeChecks({ domain: "acme.example", configured: false, targets: [], healthChecks: [] })).toMatchObject({ status: "warn", outcome: "not-configured" });
  });
});

describe("monitoring.alert_route", () => {
  const topic = (subscribers: number, region: string | null = "us-east-1", cloudWatchCanPublish: boolean | null = true) => ({ ref: "t", region, subscribers, pendingEmails: subscribers, cloudWatchCanPublish });
  it("needs a subscriber on a topic in the alarm's region; an outside topic is cannot tell; no alarms on a web domain warns", () => {
    expect(judgeAlertRoute({ alarms: [{ ref: "a", region: "us-east-1", topics: [topic(1)] }], unmonitoredDomains: [] })).toMatchObject({ status: "pass", facts: expect.arrayContaining([expect.stringMatching(/confirmation link/)]) });
    expect(judgeAlertRoute({ alarms: [{ ref: "a", region: "us-east-1", topics: [topic(0)] }], unmonitoredDomains: [] })).toMatchObject({ status: "fail", outcome: "unrouted" });
    expect(judgeAlertRoute({ alarms: [{ ref: "a", region: "us-east-1", topics: [] }], unmonitoredDomains: [] })).toMatchObject({ status: "fail" });
    expect(judgeAlertRoute({ alarms: [{ ref: "a", region: "eu-west-1", topics: [topic(1)] }], unmonitoredDomains: [] })).toMatchObject({ status: "fail", facts: [expect.stringMatching(/own region/)] });
    expect(judgeAlertRoute({ alarms: [{ ref: "a", region: "us-east-1", topics: [null] }], unmonitoredDomains: [] }).status).toBe("cannot-tell");
    expect(judgeAlertRoute({ alarms: [{ ref: "a", region: "us-east-1", topics: [topic(1, "us-east-1", false)] }], unmonitoredDomains: [] })).toMatchObject({ status: "fail", facts: [expect.stringMatching(/alias\/aws\/sns/)] });
    expect(judgeAlertRoute({ alarms: [{ ref: "a", region: "us-east-1", topics: [topic(1, "us-east-1", null)] }], unmonitoredDomains: [] }).status).toBe("cannot-tell");
    expect(judgeAlertRoute({ alarms: [], unmonitoredDomains: ["acme.example"] })).toMatchObject({ status: "warn", outcome: "not-configured" });
    expect(judgeAlertRoute({ alarms: [], unmonitoredDomains: [] }).status).toBe("not-applicable");
  });
});

describe("monitoring.latency_alarm", () => {
  const alarm = (threshold: number, region: string | null = "us-east-1") => ({ ref: "p95", extendedStatistic: "p95", threshold, comparison: "GreaterThanThreshold", region });
  const input = (alarms: ReturnType<typeof alarm>[], measureLatency = true) => ({ domain: "acme.example", configured: true, healthChecks: [{ ref: "hc", url: target.url, measureLatency, alarms }], fiveXx: { alarmed: true as const, ref: "5xx" } });
  it("passes at 500 ms or under in us-east-1 with 5xx alarmed; fails when missing, loose, elsewhere or without latency measurement", () => {
    expect(judgeLatencyAlarm(input([alarm(500)])).status).toBe("pass");
    expect(judgeLatencyAlarm(input([alarm(501)]))).toMatchObject({ outcome: "too-loose" });
    expect(judgeLatencyAlarm(input([]))).toMatchObject({ outcome: "missing" });
    expect(judgeLatencyAlarm(input([alarm(400, "eu-west-1")]))).toMatchObject({ outcome: "missing" });
    expect(judgeLatencyAlarm(input([alarm(400)], false))).toMatchObject({ outcome: "missing" });
    expect(judgeLatencyAlarm({ ...input([alarm(400)]), fiveXx: { alarmed: false, reason: "no load balancer" } })).toMatchObject({ status: "warn", outcome: "5xx-not-covered" });
  });
});

describe("monitoring.cert_expiry_alarm", () => {
  const alarm = (threshold: number, treatMissingData = "breaching", comparison = "LessThanThreshold") => ({ ref: "c", host: "acme.example", threshold, comparison, treatMissingData, region: "us-east-1" });
  const input = (alarms: ReturnType<typeof alarm>[], checked = [{ host: "acme.example", region: "us-east-1" }]) => ({ domain: "acme.example", configured: true, hosts: ["acme.example"], checked, alarms });
  it("passes at 14+ days with missing data breaching; fails late, blind, unchecked or pointing the wrong way", () => {
    expect(judgeCertExpiryAlarm(input([alarm(14)])).status).toBe("pass");
    expect(judgeCertExpiryAlarm(input([alarm(13, "breaching", "LessThanOrEqualToThreshold")])).status).toBe("pass");
    expect(judgeCertExpiryAlarm(input([alarm(7)]))).toMatchObject({ outcome: "too-late" });
    expect(judgeCertExpiryAlarm(input([alarm(14, "notBreaching")]))).toMatchObject({ outcome: "blind-when-unreachable" });
    expect(judgeCertExpiryAlarm(input([alarm(14)], []))).toMatchObject({ outcome: "missing" });
    expect(judgeCertExpiryAlarm(input([alarm(14, "breaching", "GreaterThanThreshold")]))).toMatchObject({ outcome: "missing" });
  });
});

describe("monitoring.uptime_checks, for any set of URLs", () => {
  const urls = fc.uniqueArray(fc.tuple(fc.constantFrom("acme.example", "app.acme.example", "api.acme.example"), fc.constantFrom("/", "/login", "/healthz", "/v1/health")), { minLength: 1, maxLength: 8, selector: ([h, p]) => `${h}${p}` });
  it("passes exactly when every URL has its own HTTPS check with a us-east-1 status alarm: dropping any one fails", () => {
    fc.assert(
      fc.property(urls, fc.nat(), (pairs, drop) => {
        const targets = pairs.map(([host, path]) => ({ url: `https://${host}${path}`, host, path }));
        const checks = targets.map((t, i) => ({ ref: `hc${i}`, type: "HTTPS", host: t.host, path: t.path, port: 443, statusAlarmRegions: ["us-east-1"] }));
        expect(judgeUptimeChecks({ domain: "acme.example", configured: true, targets, healthChecks: checks }).status).toBe("pass");
        const without = checks.filter((_, i) => i !== drop % checks.length);
        expect(judgeUptimeChecks({ domain: "acme.example", configured: true, targets, healthChecks: without }).status).toBe("fail");
      }),
    );
  });
});
