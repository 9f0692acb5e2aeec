/**
 * The example stack's monitoring through `npm start`'s path (config → program under the offline engine → plan
 * rules → scorecard), and the "Done when" defects: each made on the example's real plan, each failing the matching
 * check with the checklist's fix.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckId } from "../../checklist";
import type { CapturedResource } from "../../engine/capture";
import type { PlannedResource } from "../../policy/resource";
import { PLAN_RULES } from "../../policy/rules";
import { buildScorecard } from "../../policy/scorecard";
import { UNKNOWN } from "../../policy/unknowns";
import { mapAt, readStack, runStack, type StackRun, stackVariant } from "./support/run-stack";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const MONITORING_IDS = ["monitoring.uptime_checks", "monitoring.alert_route", "monitoring.latency_alarm", "monitoring.cert_expiry_alarm"] as const;

let example: StackRun;
beforeAll(async () => {
  example = await runStack(readStack("example"), true);
}, 60_000);

const ofType = (rs: readonly CapturedResource[], type: string) => rs.filter((r) => r.type === type);
const check = (resources: readonly PlannedResource[], id: CheckId) => buildScorecard(PLAN_RULES, resources).checks.find((c) => c.id === id);

describe("the example stack's monitoring (npm start)", () => {
  it("plans an encrypted topic per alarm region with the on-call email, HTTPS health checks on the homepage, login and API health, and alarms in us-east-1", () => {
    const rs = example.run.resources;
    expect(example.run.errors).toEqual([]);
    const topics = ofType(rs, "aws:sns/topic:Topic");
    expect(topics.map((t) => t.inputs["region"])).toEqual(["us-east-1", "eu-west-1"]);
    // Encrypted with a customer managed key per region that lets CloudWatch publish (never alias/aws/sns).
    const keys = ofType(rs, "aws:kms/key:Key").filter((k) => k.name.startsWith("alerts-key-"));
    expect(keys.map((k) => k.inputs["region"])).toEqual(["us-east-1", "eu-west-1"]);
    for (const [i, t] of topics.entries()) expect(t.propertyDependencies["kmsMasterKeyId"]).toEqual([keys[i]?.urn]);
    expect(JSON.parse(String(keys[0]?.inputs["policy"]))).toMatchObject({ Statement: [{ Principal: { AWS: "arn:aws:iam::123456789012:root" } }, { Principal: { Service: ["cloudwatch.amazonaws.com", "backup.amazonaws.com"] }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"] }] });
    expect(ofType(rs, "aws:sns/topicSubscription:TopicSubscription").map((s) => [s.inputs["protocol"], s.inputs["endpoint"]])).toEqual([["email", "oncall@acme.example"], ["email", "oncall@acme.example"]]);
    const checks = ofType(rs, "aws:route53/healthCheck:HealthCheck").map((h) => [h.inputs["type"], `https://${String(h.inputs["fqdn"])}${String(h.inputs["resourcePath"])}`, h.inputs["searchString"], h.inputs["measureLatency"]]);
    expect(checks.sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual([
      ["HTTPS", "https://acme.example/", undefined, true],
      ["HTTPS", "https://app.acme.example/healthz", undefined, true],
      ["HTTPS_STR_MATCH", "https://app.acme.example/login", "Sign in", true],
    ]);
    const route53Alarms = ofType(rs, ALARM).filter((a) => a.inputs["namespace"] === "AWS/Route53");
    expect(route53Alarms).toHaveLength(6);
    for (const a of route53Alarms) expect(a.inputs["region"]).toBe("us-east-1");
    const provider = rs.find((r) => r.type === "pulumi:providers:aws" && r.name === "acme-example-monitoring-us-east-1");
    expect(provider?.inputs["region"]).toBe("us-east-1");
    expect(route53Alarms.every((a) => a.options.providerUrn === provider?.urn)).toBe(true);
    expect(ofType(rs, ALARM).find((a) => a.name === "acme-example-monitoring-5xx")?.inputs["region"]).toBe("eu-west-1");
    const fn = ofType(rs, "aws:lambda/function:Function").find((f) => f.name === "acme-example-monitoring-cert-check");
    expect(fn?.inputs["environment"]).toEqual({ variables: { HOSTS: "acme.example,app.acme.example", NAMESPACE: "LaunchReady/Certificates" } });
    expect(ofType(rs, "aws:cloudwatch/eventRule:EventRule").find((e) => e.name === "acme-example-monitoring-cert-check-schedule")?.inputs["scheduleExpression"]).toBe("rate(1 hour)");
  });

  it("passes every monitoring check, and the row is covered", () => {
    for (const id of MONITORING_IDS) expect(example.scorecard.checks.find((c) => c.id === id), id).toMatchObject({ status: "pass" });
    expect(example.scorecard.rows.find((r) => r.row === "monitoring")).toMatchObject({ status: "pass", notProvisioned: [] });
    expect(example.scorecard.checks.find((c) => c.id === "monitoring.alert_route")?.message).toMatch(/confirmation link/);
    expect(example.report.warnings.map((w) => w.path)).not.toContain("launch-ready:alerts");
  });

  it("exports the alert topics per region and the subscriptions for the pending-confirmation check", async () => {
    const up = await runStack(readStack("example"), false);
    const alerts = up.run.outputs["alerts"];
    expect(alerts).toMatchObject({ topicArns: { "us-east-1": expect.stringMatching(/^arn:aws:sns:/), "eu-west-1": expect.stringMatching(/^arn:aws:sns:/) } });
    // After apply, AWS waits for the confirmation click: the output says so per subscription.
    expect(alerts).toMatchObject({ subscriptions: [{ protocol: "email", endpoint: "oncall@acme.example", region: "us-east-1", pendingConfirmation: true }, { protocol: "email", region: "eu-west-1", pendingConfirmation: true }] });
  }, 60_000);
});

describe("Done when: each defect fails the matching check with a fix", () => {
  it("an alarm without a subscriber fails monitoring.alert_route", () => {
    const plan = example.run.resources.filter((r) => r.type !== "aws:sns/topicSubscription:TopicSubscription");
    expect(check(plan, "monitoring.alert_route")).toMatchObject({ status: "fail", message: expect.stringMatching(/no subscriber/), remediation: expect.stringMatching(/launch-ready:alerts\.emails/) });
  });

  it("a topic encrypted with the AWS-managed key (alias/aws/sns), which CloudWatch cannot publish to, fails monitoring.alert_route", () => {
    const plan = example.run.resources.map((r) => (r.type === "aws:sns/topic:Topic" ? { ...r, inputs: { ...r.inputs, kmsMasterKeyId: "alias/aws/sns" }, propertyDependencies: { ...r.propertyDependencies, kmsMasterKeyId: [] } } : r));
    expect(check(plan, "monitoring.alert_route")).toMatchObject({ status: "fail", message: expect.stringMatching(/alias\/aws\/sns/) });
  });

  it("an alarm notifying nobody fails monitoring.alert_route", () => {
    const plan = example.run.resources.map((r) => (r.name === "acme-example-monitoring-down-acme-example" ? { ...r, inputs: { ...r.inputs, alarmActions: [] }, propertyDependencies: { ...r.propertyDependencies, alarmActions: [] } } : r));
    expect(check(plan, "monitoring.alert_route")).toMatchObject({ status: "fail", message: expect.stringMatching(/down-acme-example notifies nobody/) });
  });

  it("a health-check alarm outside us-east-1 fails monitoring.uptime_checks", () => {
    const plan = example.run.resources.map((r) => (r.name === "acme-example-monitoring-down-app-acme-example-healthz" ? { ...r, inputs: { ...r.inputs, region: "eu-west-1" } } : r));
    expect(check(plan, "monitoring.uptime_checks")).toMatchObject({ status: "fail", message: expect.stringMatching(/healthz.*eu-west-1.*only in us-east-1/), remediation: expect.stringMatching(/us-east-1/) });
  });

  it("a health-check alarm made with the stack's default provider (eu-west-1) fails monitoring.uptime_checks", () => {
    const plan = example.run.resources.map((r) => {
      if (r.name !== "acme-example-monitoring-down-acme-example") return r;
      const { region: _region, ...inputs } = r.inputs;
      const { providerUrn: _p, ...options } = r.options;
      return { ...r, inputs, options };
    });
    expect(check(plan, "monitoring.uptime_checks")).toMatchObject({ status: "fail", message: expect.stringMatching(/in eu-west-1/) });
  });

  it("a search-string health check without enableSni (false by default for HTTPS_STR_MATCH) fails monitoring.uptime_checks", () => {
    const plan = example.run.resources.map((r) => {
      if (r.type !== "aws:route53/healthCheck:HealthCheck" || r.inputs["type"] !== "HTTPS_STR_MATCH") return r;
      const { enableSni: _sni, ...inputs } = r.inputs;
      return { ...r, inputs };
    });
    expect(check(plan, "monitoring.uptime_checks")).toMatchObject({ status: "fail", message: expect.stringMatching(/login.*sends no SNI.*defaults to false for HTTPS_STR_MATCH/) });
  });

  it("a missing latency alarm fails monitoring.latency_alarm (advisory: reported, not blocking)", () => {
    const plan = example.run.resources.filter((r) => !r.name.startsWith("acme-example-monitoring-p95-app-acme-example-login"));
    const scorecard = buildScorecard(PLAN_RULES, plan);
    expect(scorecard.checks.find((c) => c.id === "monitoring.latency_alarm")).toMatchObject({ status: "fail", severity: "advisory", message: expect.stringMatching(/login: no alarm on the p95/), remediation: expect.stringMatching(/latencyP95Ms/) });
  });

  it("a certificate alarm that treats no reading as fine fails monitoring.cert_expiry_alarm", () => {
    const plan = example.run.resources.map((r) => (r.name === "acme-example-monitoring-cert-app-acme-example" ? { ...r, inputs: { ...r.inputs, treatMissingData: "notBreaching" } } : r));
    expect(check(plan, "monitoring.cert_expiry_alarm")).toMatchObject({ status: "fail", message: expect.stringMatching(/unreachable host/) });
  });
});

describe("false passes the plan must not print", () => {
  it("the 5xx alarm counts the load balancer's own 5xx (a 503 when no target is healthy), not only the targets'", () => {
    const alarm = example.run.resources.find((r) => r.name === "acme-example-monitoring-5xx");
    const metrics = (alarm?.inputs["metricQueries"] as { metric?: { metricName: string } }[] | undefined)?.flatMap((q) => (q.metric ? [q.metric.metricName] : []));
    expect(metrics).toEqual(["HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count", "RequestCount"]);
  });

  const withInputs = (name: string, patch: Record<string, unknown>) =>
    example.run.resources.map((r) => (r.name === name ? { ...r, inputs: { ...r.inputs, ...patch } } : r));

  it("a muted alarm (actionsEnabled false) pages nobody: monitoring.alert_route fails", () => {
    const plan = withInputs("acme-example-monitoring-down-acme-example", { actionsEnabled: false });
    expect(check(plan, "monitoring.alert_route")).toMatchObject({ status: "fail", message: expect.stringMatching(/down-acme-example has actionsEnabled false/) });
  });

  it("a status alarm that fires only while healthy (GreaterThanThreshold 1) fails monitoring.uptime_checks", () => {
    const plan = withInputs("acme-example-monitoring-down-acme-example", { comparisonOperator: "GreaterThanThreshold" });
    expect(check(plan, "monitoring.uptime_checks")).toMatchObject({ status: "fail", message: expect.stringMatching(/never fire when it fails/) });
  });

  it("a disabled health check (Route 53 then reports it healthy) fails monitoring.uptime_checks", () => {
    const hc = example.run.resources.find((r) => r.type === "aws:route53/healthCheck:HealthCheck" && r.inputs["resourcePath"] === "/healthz");
    const plan = withInputs(hc?.name ?? "", { disabled: true });
    expect(check(plan, "monitoring.uptime_checks")).toMatchObject({ status: "fail", message: expect.stringMatching(/healthz.*disabled/) });
  });

  it("a health check whose path is unknown before apply is not taken for the homepage: cannot tell, never a pass", () => {
    const hc = example.run.resources.find((r) => r.type === "aws:route53/healthCheck:HealthCheck" && r.inputs["resourcePath"] === "/");
    const plan = example.run.resources.map((r) => (r === hc ? { ...r, inputs: { ...r.inputs, resourcePath: UNKNOWN } } : r));
    expect(check(plan, "monitoring.uptime_checks")?.status).toBe("cannot-tell");
  });

  it("a certificate alarm whose region is unknown before apply is not assumed to see the check's metric", () => {
    const plan = withInputs("acme-example-monitoring-cert-app-acme-example", { region: UNKNOWN });
    expect(check(plan, "monitoring.cert_expiry_alarm")?.status).toBe("cannot-tell");
  });
});

describe("config variants of the example", () => {
  it("latencyP95Ms 2000 → too loose; certExpiryDays 7 → too late; no load balancer → 5xx said not covered", async () => {
    const { scorecard, report } = await runStack(
      stackVariant("example", "monitoring-loose", (d) => {
        const m = mapAt(d, 0, "monitoring");
        m["latencyP95Ms"] = 2000;
        m["certExpiryDays"] = 7;
        delete m["loadBalancerArn"];
      }),
      true,
    );
    expect(scorecard.checks.find((c) => c.id === "monitoring.latency_alarm")).toMatchObject({ status: "fail", message: expect.stringMatching(/2000 ms, looser than the 500 ms/) });
    expect(scorecard.checks.find((c) => c.id === "monitoring.cert_expiry_alarm")).toMatchObject({ status: "fail", message: expect.stringMatching(/7 day\(s\) left/) });
    expect(report.errors).toEqual([]);
  }, 60_000);

  it("without a load balancer the latency check warns that 5xx is NOT alarmed, never passes on latency alone", async () => {
    const { scorecard } = await runStack(
      stackVariant("example", "monitoring-no-lb", (d) => {
        delete mapAt(d, 0, "monitoring")["loadBalancerArn"];
      }),
      true,
    );
    expect(scorecard.checks.find((c) => c.id === "monitoring.latency_alarm")).toMatchObject({ status: "warn", message: expect.stringMatching(/5xx rate is NOT alarmed/) });
  }, 60_000);

  it("a web domain with no monitoring is 'not configured' (a warning with the fix), never a pass, and blocks nothing", async () => {
    const { scorecard } = await runStack(
      stackVariant("example", "monitoring-none", (d) => {
        delete mapAt(d, 0)["monitoring"];
      }),
      true,
    );
    for (const id of MONITORING_IDS) {
      expect(scorecard.checks.find((c) => c.id === id), id).toMatchObject({ status: "warn", message: expect.stringMatching(/acme\.example/) });
    }
    expect(scorecard.checks.find((c) => c.id === "monitoring.uptime_checks")?.remediation).toMatch(/monitoring:/);
    expect(scorecard.checks.filter((c) => c.status === "fail" && c.id.startsWith("monitoring."))).toEqual([]);
  }, 60_000);
});
