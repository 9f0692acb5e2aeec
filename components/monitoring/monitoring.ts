import * as aws from "../aws/services";
import * as pulumi from "@pulumi/pulumi";
import { CERT_CHECK_LAMBDA, lambdaCode } from "../lambda/code";
import {
  CERT_CHECK_ERROR_METRIC,
  CERT_DAYS_LEFT_METRIC,
  CERT_METRIC_NAMESPACE,
  HEALTH_CHECK_METRICS_REGION,
  LATENCY_P95_LIMIT_MS,
  parseLoadBalancerArn,
  type UptimeTarget,
  uptimeTargets,
  urlSlug,
} from "../../core/monitoring/plan";
import { parseTemplate } from "../../core/routes/template";
import type { MonitoringArgs } from "./args";
import { validateMonitoringArgs } from "./validate";

export type { MonitoringArgs, MonitoringCheckArgs } from "./args";

/** The component's type token: part of every child's URN, so it never changes. */
export const MONITORING_TYPE = "launch-ready:monitoring:Monitoring";

/** What the component registers as its inputs, for the plan rules (`policy/rules/support/monitoring.ts`). */
export interface MonitoringInputs {
  readonly domain: string;
  readonly targets: readonly UptimeTarget[];
  readonly latencyP95Ms: number;
  readonly certExpiryDays: number;
  /** Hosts whose served certificate the scheduled check reads. */
  readonly certHosts: readonly string[];
  /** Whether the origin's 5xx rate has a source: a load balancer was given. */
  readonly loadBalancer: boolean;
}

/** The uptime, latency, 5xx and certificate alarms of one target URL. */
export interface UptimeCheck {
  readonly target: UptimeTarget;
  readonly healthCheck: aws.route53.HealthCheck;
  /** HealthCheckStatus below 1: the URL is down (us-east-1). */
  readonly statusAlarm: aws.cloudwatch.MetricAlarm;
  /** p95 of TimeToFirstByte above `latencyP95Ms` (us-east-1). */
  readonly latencyAlarm: aws.cloudwatch.MetricAlarm;
}

/**
 * A domain's monitoring, every alarm routed to the alert topics:
 * - a Route 53 HTTPS health check per URL (the homepage, login and health routes, the configured checks), with
 *   latency measured, and alarms on its status and on the p95 of its time-to-first-byte, in us-east-1 through an
 *   explicit provider: Route 53 publishes health-check metrics there only;
 * - with a load balancer, an alarm on the share of its requests that get a 5xx from the targets, in its region;
 *   without one the origin's 5xx rate is not alarmed, and the preview says so;
 * - a scheduled Lambda (`cert-check-lambda.ts`) that reads the certificate each host serves over TLS, as clients
 *   see it (Cloudflare's edge certificate), and publishes the days left, with an alarm below `certExpiryDays` that
 *   also fires when the certificate cannot be read.
 */
export class Monitoring extends pulumi.ComponentResource {
  public readonly targets: readonly UptimeTarget[];
  /** The us-east-1 provider every health-check alarm and the certificate check use (`${name}-us-east-1` unless given). */
  public readonly usEast1: aws.Provider;
  public readonly checks: readonly UptimeCheck[];
  /** The load balancer's 5xx-rate alarm (`${name}-5xx`); undefined without `loadBalancerArn`. */
  public readonly fiveXxAlarm?: aws.cloudwatch.MetricAlarm;
  /** The scheduled certificate check (`${name}-cert-check`); undefined when no host is monitored. */
  public readonly certCheck?: aws.lambda.Function;
  /** Per host: days left below `certExpiryDays`, or no reading (`${name}-cert-<host>`). */
  public readonly certAlarms: readonly aws.cloudwatch.MetricAlarm[];
  /** Per host: the check could not read or trust the certificate (`${name}-cert-error-<host>`). */
  public readonly certErrorAlarms: readonly aws.cloudwatch.MetricAlarm[];
  /** Every alarm's name, for the stack output. */
  public readonly alarmNames: pulumi.Output<string[]>;

  constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    const targets = uptimeTargets({
      ...(args.canonicalHost !== undefined ? { canonicalHost: args.canonicalHost } : {}),
      checks: args.checks ?? [],
      routes: { roles: [], routes: (args.routes ?? []).flatMap((r) => {
        const t = parseTemplate(r.path);
        return t.ok ? [{ method: "GET" as const, path: t.template, access: { kind: "public" as const }, kinds: [r.kind], replaySafe: true }] : [];
      }) },
    });
    const latencyP95Ms = args.latencyP95Ms ?? LATENCY_P95_LIMIT_MS;
    const certExpiryDays = args.certExpiryDays ?? 14;
    const certHosts = [...new Set(targets.map((t) => t.host))];
    const inputs: MonitoringInputs = { domain: args.domain, targets, latencyP95Ms, certExpiryDays, certHosts, loadBalancer: args.loadBalancerArn !== undefined };
    super(MONITORING_TYPE, name, { ...inputs }, opts);
    const report = validateMonitoringArgs(args);
    if (report.value === undefined) throw new pulumi.ResourceError(`Monitoring ${name} has ${report.errors.length} problem(s) in its args:\n${report.errors.map((e) => `  ✗ ${e.path}: ${e.message}`).join("\n")}`, this);
    for (const w of report.warnings) pulumi.log.warn(`${w.path}: ${w.message}`, this);
    this.targets = targets;
    const topic = args.alertTopicArns[HEALTH_CHECK_METRICS_REGION];
    if (topic === undefined) throw new pulumi.ResourceError(`Monitoring ${name}: args.alertTopicArns.${HEALTH_CHECK_METRICS_REGION} is required`, this);
    const actions = { alarmActions: [topic], okActions: [topic] };
    // Route 53 publishes health-check metrics to CloudWatch in us-east-1 only (Route 53 Developer Guide, "Monitoring
    // health checks using CloudWatch"): the alarms on them must be made there, whatever the stack's region.
    this.usEast1 = args.usEast1Provider ?? new aws.Provider(`${name}-us-east-1`, { region: HEALTH_CHECK_METRICS_REGION }, { parent: this });
    const east = { parent: this, provider: this.usEast1 };
    // Regional resources also name the region themselves (AWS provider v7's per-resource \`region\`), so the plan shows it.
    const region = HEALTH_CHECK_METRICS_REGION;

    this.checks = targets.map((target) => {
      const slug = urlSlug(target);
      const healthCheck = new aws.route53.HealthCheck(
        `${name}-hc-${slug}`,
        {
          type: target.searchString !== undefined ? "HTTPS_STR_MATCH" : "HTTPS",
          fqdn: target.host,
          port: 443,
          resourcePath: target.path,
          enableSni: true,
          ...(target.searchString !== undefined ? { searchString: target.searchString } : {}),
          requestInterval: 30,
          failureThreshold: 3,
          // TimeToFirstByte is published only with MeasureLatency, which cannot be switched on after creation.
          measureLatency: true,
          tags: { Name: `${target.url} (${target.purpose})`, "managed-by": "launch-ready" },
        },
        east,
      );
      const statusAlarm = new aws.cloudwatch.MetricAlarm(
        `${name}-down-${slug}`,
        {
          region,
          alarmDescription: `${target.url} is down: Route 53 health checkers report it unhealthy (${target.purpose}). Runbook: runbooks/alerts.md`,
          namespace: "AWS/Route53",
          metricName: "HealthCheckStatus",
          dimensions: { HealthCheckId: healthCheck.id },
          statistic: "Minimum",
          period: 60,
          evaluationPeriods: 2,
          comparisonOperator: "LessThanThreshold",
          threshold: 1,
          // No data means the checkers stopped reporting: treat as down, never as fine.
          treatMissingData: "breaching",
          ...actions,
        },
        east,
      );
      const latencyAlarm = new aws.cloudwatch.MetricAlarm(
        `${name}-p95-${slug}`,
        {
          region,
          alarmDescription: `${target.url}: p95 time to first byte above ${latencyP95Ms} ms for 15 minutes. Runbook: runbooks/alerts.md`,
          namespace: "AWS/Route53",
          metricName: "TimeToFirstByte",
          dimensions: { HealthCheckId: healthCheck.id },
          extendedStatistic: "p95",
          period: 300,
          evaluationPeriods: 3,
          comparisonOperator: "GreaterThanThreshold",
          threshold: latencyP95Ms,
          treatMissingData: "missing",
          ...actions,
        },
        east,
      );
      return { target, healthCheck, statusAlarm, latencyAlarm };
    });

    if (args.loadBalancerArn !== undefined) {
      // An output is read only at apply: a bad value is logged as an error (which fails the update) rather than
      // thrown inside the apply, where the runtime would wait on it forever.
      const lb = pulumi.output(args.loadBalancerArn).apply((arn) => {
        const parsed = parseLoadBalancerArn(arn);
        if (parsed === undefined) pulumi.log.error(`Monitoring ${name}: args.loadBalancerArn '${arn}' is not an Application Load Balancer ARN (arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app/<name>/<id>)`, this);
        return parsed ?? { region: "invalid-load-balancer-arn", dimension: "invalid" };
      });
      // The alarm notifies the topic in the load balancer's region (an alarm can notify only a topic in its own
      // region); with the ARN an output, that region is known only at apply, and a missing topic fails there.
      const lbTopic = pulumi.all([lb, pulumi.output(args.alertTopicArns)]).apply(([l, topics]) => {
        const t = topics[l.region];
        if (t === undefined) pulumi.log.error(`Monitoring ${name}: args.alertTopicArns has no topic in ${l.region}, the load balancer's region, where its 5xx alarm lives: add ${l.region} to the AlertRoute's regions`, this);
        return t ?? "";
      });
      const pct = args.fiveXxRatePercent ?? 5;
      const metric = (id: string, metricName: string) => ({
        id,
        returnData: false,
        metric: { namespace: "AWS/ApplicationELB", metricName, dimensions: { LoadBalancer: lb.dimension }, period: 300, stat: "Sum" },
      });
      this.fiveXxAlarm = new aws.cloudwatch.MetricAlarm(
        `${name}-5xx`,
        {
          // An alarm lives in its metric's region and notifies a topic there.
          region: lb.region,
          alarmDescription: `${args.domain}: more than ${pct}% of the load balancer's requests got a 5xx (from the targets or from the load balancer itself) for 10 minutes. Runbook: runbooks/error-spike.md`,
          // The targets' 5xx, and the load balancer's own (a 503 when no target is healthy: the worst outage). Those
          // are not in RequestCount, which counts only requests for which a target was chosen (ALB CloudWatch
          // metrics docs), so they are added below the line too and the rate stays within 0–100 %.
          metricQueries: [
            metric("targetErrors", "HTTPCode_Target_5XX_Count"),
            metric("lbErrors", "HTTPCode_ELB_5XX_Count"),
            metric("requests", "RequestCount"),
            { id: "rate", expression: "100 * (FILL(targetErrors, 0) + FILL(lbErrors, 0)) / (FILL(requests, 0) + FILL(lbErrors, 0))", label: "5xx rate (%)", returnData: true },
          ],
          evaluationPeriods: 2,
          comparisonOperator: "GreaterThanThreshold",
          threshold: pct,
          treatMissingData: "notBreaching",
          alarmActions: [lbTopic],
          okActions: [lbTopic],
        },
        { parent: this },
      );
    } else {
      pulumi.log.warn(`${args.domain}: the origin's 5xx rate is NOT alarmed: no load balancer is given (monitoring.loadBalancerArn); the health checks see only the URLs they fetch`, this);
    }

    const certAlarms: aws.cloudwatch.MetricAlarm[] = [];
    const certErrorAlarms: aws.cloudwatch.MetricAlarm[] = [];
    if (certHosts.length > 0) this.certCheck = this.certificateCheck(name, certHosts, certExpiryDays, args.certCheckSchedule ?? "rate(1 hour)", east, actions, certAlarms, certErrorAlarms);
    this.certAlarms = certAlarms;
    this.certErrorAlarms = certErrorAlarms;
    const all = [...this.checks.flatMap((c) => [c.statusAlarm, c.latencyAlarm]), ...(this.fiveXxAlarm ? [this.fiveXxAlarm] : []), ...certAlarms, ...certErrorAlarms];
    this.alarmNames = pulumi.all(all.map((a) => a.name));
    pulumi.log.info(
      `${args.domain} monitoring: ${targets.length} HTTPS health check(s) (${targets.map((t) => `${t.url} [${t.purpose}]`).join(", ")}) with status and p95 > ${latencyP95Ms} ms alarms in ${HEALTH_CHECK_METRICS_REGION}; certificate check of ${certHosts.join(", ")} alarming under ${certExpiryDays} day(s) left or when unreadable; ${args.loadBalancerArn !== undefined ? "the load balancer's 5xx rate alarmed" : "5xx rate NOT alarmed (no load balancer given)"}`,
      this,
    );
    this.registerOutputs({ alarmNames: this.alarmNames });
  }

  /**
   * The certificate check: a Lambda function, run on `schedule`, reads what clients are served (the edge's
   * certificate) from outside and publishes the days left; per host, an alarm under `certExpiryDays` (no reading
   * counts as breaching) and one on read errors.
   */
  private certificateCheck(
    name: string,
    certHosts: readonly string[],
    certExpiryDays: number,
    schedule: string,
    east: pulumi.CustomResourceOptions,
    actions: { alarmActions: pulumi.Input<string>[]; okActions: pulumi.Input<string>[] },
    certAlarms: aws.cloudwatch.MetricAlarm[],
    certErrorAlarms: aws.cloudwatch.MetricAlarm[],
  ): aws.lambda.Function {
    const region = HEALTH_CHECK_METRICS_REGION;
    // The certificate check: reads what clients are served (the edge's certificate) from outside, on a schedule.
    const role = new aws.iam.Role(
      `${name}-cert-check-role`,
      { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }) },
      { parent: this },
    );
    new aws.iam.RolePolicyAttachment(`${name}-cert-check-logs`, { role: role.name, policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" }, { parent: this });
    new aws.iam.RolePolicy(
      `${name}-cert-check-metrics`,
      {
        role: role.id,
        policy: JSON.stringify({
          Version: "2012-10-17",
          // PutMetricData has no resource ARN; the namespace condition keeps the function to its own metrics.
          Statement: [{ Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": CERT_METRIC_NAMESPACE } } }],
        }),
      },
      { parent: this },
    );
    const certCheck = new aws.lambda.Function(
      `${name}-cert-check`,
      {
        region,
        description: `launch-ready: days left on the certificate served by ${certHosts.join(", ")}`,
        runtime: "nodejs22.x",
        handler: "index.handler",
        role: role.arn,
        timeout: 60,
        memorySize: 128,
        code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(certCheckCode()) }),
        environment: { variables: { HOSTS: certHosts.join(","), NAMESPACE: CERT_METRIC_NAMESPACE } },
      },
      east,
    );
    const rule = new aws.cloudwatch.EventRule(`${name}-cert-check-schedule`, { region, scheduleExpression: schedule, description: "launch-ready certificate check" }, east);
    new aws.lambda.Permission(`${name}-cert-check-invoke`, { region, action: "lambda:InvokeFunction", function: certCheck.name, principal: "events.amazonaws.com", sourceArn: rule.arn }, east);
    new aws.cloudwatch.EventTarget(`${name}-cert-check-target`, { region, rule: rule.name, arn: certCheck.arn }, east);
    for (const host of certHosts) {
      const slug = urlSlug({ host, path: "/" });
      certAlarms.push(
        new aws.cloudwatch.MetricAlarm(
          `${name}-cert-${slug}`,
          {
            region,
          alarmDescription: `The certificate ${host} serves expires in under ${certExpiryDays} days, or could not be read for 3 hours. Runbook: runbooks/certificate-expiry.md`,
            namespace: CERT_METRIC_NAMESPACE,
            metricName: CERT_DAYS_LEFT_METRIC,
            dimensions: { Host: host },
            statistic: "Minimum",
            period: 3600,
            evaluationPeriods: 3,
            comparisonOperator: "LessThanThreshold",
            threshold: certExpiryDays,
            // No reading (unreachable, handshake failed, the check not running) is never "fine".
            treatMissingData: "breaching",
            ...actions,
          },
          east,
        ),
      );
      certErrorAlarms.push(
        new aws.cloudwatch.MetricAlarm(
          `${name}-cert-error-${slug}`,
          {
            region,
          alarmDescription: `The certificate check could not read or trust the certificate ${host} serves for 3 hours. Runbook: runbooks/certificate-expiry.md`,
            namespace: CERT_METRIC_NAMESPACE,
            metricName: CERT_CHECK_ERROR_METRIC,
            dimensions: { Host: host },
            statistic: "Maximum",
            period: 3600,
            evaluationPeriods: 3,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            threshold: 1,
            treatMissingData: "breaching",
            ...actions,
          },
          east,
        ),
      );
    }
    return certCheck;
  }
}

/**
 * The certificate check's code, one CommonJS file: `cert-check-lambda` with its pure logic bundled in, the AWS SDK
 * left to the Lambda runtime (the Node.js runtimes include SDK v3).
 */
export function certCheckCode(): string {
  return lambdaCode(CERT_CHECK_LAMBDA);
}
