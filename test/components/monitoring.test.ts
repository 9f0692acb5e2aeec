/**
 * `AlertRoute` and `Monitoring` as a user's program imports them (`from "launch-ready"`), through the offline engine:
 * the captured inputs, the secret webhook masked, bad args refused before any child, and the plan rules judging
 * what the program built, including an alarm the user made themselves in the wrong region.
 */
import { describe, expect, it } from "vitest";
import type { StackFile } from "../../config/stack-file";
import type { CheckId } from "../../checklist";
import type { OfflineRun } from "../../engine/run";
import { PLAN_RULES } from "../../policy/rules";
import { buildScorecard } from "../../policy/scorecard";
import { emptyStack, runProgram } from "../lib/program";

const IMPORTS = `import { AlertRoute, Monitoring } from "launch-ready";`;
const STACK: StackFile = { ...emptyStack(), config: { "aws:region": "eu-west-1" } };

const PROGRAM = `${IMPORTS}
const alerts = new AlertRoute("pager", { emails: ["oncall@acme.example"], webhookUrl: pulumi.secret("https://hooks.chat.example/T000/B000/XXXXXXXX") });
export const mon = new Monitoring("acme", {
  domain: "acme.example",
  canonicalHost: "acme.example",
  routes: [{ path: "/login", kind: "login" }, { path: "/healthz", kind: "health" }],
  checks: [{ url: "https://api.acme.example/v1/health", searchString: "ok" }],
  alertTopicArns: alerts.topicArns,
});
export const topic = alerts.topicArn;
`;

const status = (run: OfflineRun, id: CheckId) => buildScorecard(PLAN_RULES, run.resources).checks.find((c) => c.id === id);

describe("AlertRoute and Monitoring in a user's program", () => {
  it("checks the homepage and the login and health routes on the canonical host, plus the configured URL, each with us-east-1 alarms", async () => {
    const run = await runProgram(PROGRAM, true, STACK);
    expect(run.errors).toEqual([]);
    const hcs = run.resources.filter((r) => r.type === "aws:route53/healthCheck:HealthCheck");
    expect(hcs.map((h) => `${String(h.inputs["fqdn"])}${String(h.inputs["resourcePath"])}`).sort()).toEqual(["acme.example/", "acme.example/healthz", "acme.example/login", "api.acme.example/v1/health"]);
    for (const h of hcs) expect(h.parentUrn).toMatch(/launch-ready:monitoring:Monitoring::acme$/);
    expect(hcs.map((h) => h.name).every((n) => n.startsWith("acme-hc-"))).toBe(true);
    for (const id of ["monitoring.uptime_checks", "monitoring.alert_route", "monitoring.cert_expiry_alarm"] as const) expect(status(run, id), id).toMatchObject({ status: "pass" });
    // No load balancer given: latency passes, but the 5xx rate is said not to be covered.
    expect(status(run, "monitoring.latency_alarm")).toMatchObject({ status: "warn", message: expect.stringMatching(/NOT alarmed/) });
  }, 60_000);

  it("keeps the webhook URL secret: masked in the plan and never printed", async () => {
    const run = await runProgram(PROGRAM, true, STACK);
    const hook = run.resources.find((r) => r.name === "pager-webhook-us-east-1");
    expect(hook?.secretInputs).toContain("endpoint");
    expect(hook?.displayInputs["endpoint"]).toBe("[secret]");
    expect(JSON.stringify(run.resources.map((r) => r.displayInputs))).not.toContain("hooks.chat.example");
    expect(JSON.stringify(run.logs)).not.toContain("hooks.chat.example");
  }, 60_000);

  it("exports each subscription's pending state after apply, the webhook's URL withheld and the rest readable", async () => {
    const run = await runProgram(`${PROGRAM}
export const subs = alerts.subscriptionStates;`, false, STACK);
    expect(run.outputs["subs"]).toEqual([
      { region: "us-east-1", protocol: "email", endpoint: "oncall@acme.example", pendingConfirmation: true },
      { region: "us-east-1", protocol: "https", endpoint: "(webhook, secret)", pendingConfirmation: true },
    ]);
    expect(JSON.stringify(run.outputs)).not.toContain("hooks.chat.example");
  }, 60_000);

  it("refuses args without a us-east-1 topic, naming the field, before any child is registered", async () => {
    const run = await runProgram(`${IMPORTS}\nnew Monitoring("acme", { domain: "acme.example", canonicalHost: "acme.example", certExpiryDays: 200, alertTopicArns: { "eu-west-1": "arn:aws:sns:eu-west-1:123456789012:pager" } });`, true, STACK);
    expect(run.errors.join("\n")).toMatch(/args\.alertTopicArns\.us-east-1: is required/);
    expect(run.errors.join("\n")).toMatch(/args\.certExpiryDays: must be a whole number of days from 1 to 90/);
    expect(run.resources.filter((r) => r.type.startsWith("aws:"))).toEqual([]);
  }, 60_000);

  it("a load balancer ARN that is an output: its 5xx alarm goes to the topic of its region; a bad one is logged, never hangs", async () => {
    const good = await runProgram(`${IMPORTS}
const alerts = new AlertRoute("pager", { emails: ["oncall@acme.example"], regions: ["us-east-1", "eu-west-1"] });
const lb = new aws.lb.LoadBalancer("app", { loadBalancerType: "application" });
new Monitoring("acme", { domain: "acme.example", canonicalHost: "acme.example", loadBalancerArn: lb.arn, alertTopicArns: alerts.topicArns });`, false, STACK);
    expect(good.errors).toEqual([]);
    const alarm = good.resources.find((r) => r.name === "acme-5xx");
    expect(alarm?.inputs["region"]).toBe("eu-west-1");
    expect(alarm?.inputs["alarmActions"]).toEqual([expect.stringMatching(/^arn:aws:sns:eu-west-1:/)]);
    expect(status(good, "monitoring.alert_route")).toMatchObject({ status: "pass" });
    const bad = await runProgram(`${IMPORTS}
const alerts = new AlertRoute("pager", { emails: ["oncall@acme.example"] });
new Monitoring("acme", { domain: "acme.example", canonicalHost: "acme.example", loadBalancerArn: pulumi.output("arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/x/1"), alertTopicArns: alerts.topicArns });`, false, STACK);
    expect(bad.logs.filter((l) => l.severity === "error").map((l) => l.message).join("\n")).toMatch(/is not an Application Load Balancer ARN/);
    expect(status(bad, "monitoring.alert_route")).toMatchObject({ status: "fail" });
  }, 60_000);

  it("judges what the user built too: their own status alarm in the stack's region fails monitoring.uptime_checks", async () => {
    const run = await runProgram(
      `${PROGRAM}
new aws.cloudwatch.MetricAlarm("my-down", {
  namespace: "AWS/Route53", metricName: "HealthCheckStatus", dimensions: { HealthCheckId: mon.checks[0]!.healthCheck.id },
  statistic: "Minimum", period: 60, evaluationPeriods: 1, comparisonOperator: "LessThanThreshold", threshold: 1, alarmActions: [alerts.topicArn],
});`,
      true,
      STACK,
    );
    expect(run.errors).toEqual([]);
    expect(status(run, "monitoring.uptime_checks")).toMatchObject({ status: "fail", message: expect.stringMatching(/my-down.*|eu-west-1/) });
    // And it notifies a us-east-1 topic from eu-west-1, which CloudWatch cannot do.
    expect(status(run, "monitoring.alert_route")).toMatchObject({ status: "fail", message: expect.stringMatching(/my-down.*not the alarm's eu-west-1/) });
  }, 60_000);
});
