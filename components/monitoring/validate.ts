/**
 * The validators `AlertRoute` and `Monitoring` run on their args, exported so a program can check args without
 * Pulumi. Errors name the field under `args`, what is wrong and how to fix it.
 */
import type { ConfigIssue, ConfigReport } from "../../config/issues";
import { CERT_EXPIRY_MIN_DAYS, HEALTH_CHECK_METRICS_REGION, LATENCY_P95_LIMIT_MS, SEARCH_STRING_MAX, splitHttpsUrl } from "../../core/monitoring/plan";
import { parseLoadBalancerArn } from "../../core/monitoring/plan";

const EMAIL = /^[^@\s,]+@[^@\s,]+\.[^@\s,]+$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

export interface AlertRouteArgsShape {
  readonly emails?: readonly string[];
  readonly webhookUrl?: unknown;
  readonly regions?: readonly string[];
  readonly kmsMasterKeyId?: unknown;
  readonly publisherServices?: readonly string[];
}

export function validateAlertRouteArgs(args: AlertRouteArgsShape, root: readonly string[] = ["args"]): ConfigReport<true> {
  const errors: ConfigIssue[] = [];
  const at = (...p: (string | number)[]) => [...root, ...p].map((x, i) => (typeof x === "number" ? `[${x}]` : i === 0 ? x : `.${x}`)).join("");
  const emails = args.emails ?? [];
  if (emails.length === 0) errors.push({ path: at("emails"), message: "needs at least one address: alarms must reach a human (e.g. oncall@acme.example)" });
  emails.forEach((e, i) => {
    if (!EMAIL.test(e)) errors.push({ path: at("emails", i), message: `'${e}' is not an email address; write one such as oncall@acme.example` });
  });
  if (typeof args.webhookUrl === "string" && splitHttpsUrl(args.webhookUrl) === undefined) errors.push({ path: at("webhookUrl"), message: "must be an https:// URL (SNS delivers to HTTPS endpoints only over TLS here)" });
  (args.regions ?? []).forEach((r, i) => {
    if (!REGION.test(r)) errors.push({ path: at("regions", i), message: `'${r}' is not an AWS region such as us-east-1` });
  });
  if (args.kmsMasterKeyId === "alias/aws/sns") errors.push({ path: at("kmsMasterKeyId"), message: "is the AWS-managed SNS key, which CloudWatch alarms cannot publish through (its policy cannot grant cloudwatch.amazonaws.com): leave it out and the component makes a customer managed key that allows it" });
  (args.publisherServices ?? []).forEach((p, i) => {
    if (!/^[a-z0-9.-]+\.amazonaws\.com$/.test(p)) errors.push({ path: at("publisherServices", i), message: `'${p}' is not an AWS service principal such as backup.amazonaws.com` });
  });
  if (args.regions !== undefined && args.regions.length === 0) errors.push({ path: at("regions"), message: `is empty: give at least ${HEALTH_CHECK_METRICS_REGION}, where the uptime alarms live` });
  return errors.length > 0 ? { errors, warnings: [] } : { value: true, errors, warnings: [] };
}

export interface MonitoringArgsShape {
  readonly domain?: string;
  readonly checks?: readonly { readonly url: string; readonly searchString?: string }[];
  readonly latencyP95Ms?: number;
  readonly certExpiryDays?: number;
  readonly loadBalancerArn?: unknown;
  readonly fiveXxRatePercent?: number;
  readonly alertTopicArns?: Readonly<Record<string, unknown>>;
}

export function validateMonitoringArgs(args: MonitoringArgsShape, root: readonly string[] = ["args"]): ConfigReport<true> {
  const errors: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  const at = (...p: (string | number)[]) => [...root, ...p].map((x, i) => (typeof x === "number" ? `[${x}]` : i === 0 ? x : `.${x}`)).join("");
  (args.checks ?? []).forEach((c, i) => {
    if (splitHttpsUrl(c.url) === undefined) errors.push({ path: at("checks", i, "url"), message: `'${c.url}' must be an https:// URL on port 443, such as https://app.acme.example/healthz` });
    if (c.searchString !== undefined && (c.searchString.length === 0 || c.searchString.length > SEARCH_STRING_MAX)) {
      errors.push({ path: at("checks", i, "searchString"), message: `must be 1 to ${SEARCH_STRING_MAX} characters (Route 53's limit for a search string)` });
    }
  });
  const latency = args.latencyP95Ms;
  if (latency !== undefined && (!Number.isInteger(latency) || latency <= 0)) errors.push({ path: at("latencyP95Ms"), message: "must be a whole number of milliseconds, e.g. 500" });
  else if (latency !== undefined && latency > LATENCY_P95_LIMIT_MS) warnings.push({ path: at("latencyP95Ms"), message: `is over the checklist's ${LATENCY_P95_LIMIT_MS} ms: monitoring.latency_alarm fails until it is ${LATENCY_P95_LIMIT_MS} or less` });
  const days = args.certExpiryDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 90)) errors.push({ path: at("certExpiryDays"), message: "must be a whole number of days from 1 to 90, e.g. 14" });
  else if (days !== undefined && days < CERT_EXPIRY_MIN_DAYS) warnings.push({ path: at("certExpiryDays"), message: `is under ${CERT_EXPIRY_MIN_DAYS}: monitoring.cert_expiry_alarm fails until it is ${CERT_EXPIRY_MIN_DAYS} or more` });
  const pct = args.fiveXxRatePercent;
  if (pct !== undefined && !(pct > 0 && pct <= 100)) errors.push({ path: at("fiveXxRatePercent"), message: "must be a percentage above 0 and at most 100, e.g. 5" });
  const topics = args.alertTopicArns ?? {};
  if (topics[HEALTH_CHECK_METRICS_REGION] === undefined) {
    errors.push({ path: at("alertTopicArns", HEALTH_CHECK_METRICS_REGION), message: `is required: the uptime and latency alarms live in ${HEALTH_CHECK_METRICS_REGION} (the only region with Route 53 health-check metrics) and an alarm can notify only a topic in its own region; pass an AlertRoute's topicArns` });
  }
  if (typeof args.loadBalancerArn === "string") {
    const lb = parseLoadBalancerArn(args.loadBalancerArn);
    if (lb === undefined) errors.push({ path: at("loadBalancerArn"), message: "must be an Application Load Balancer ARN such as arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/acme/50dc6c495c0c9188" });
    else if (topics[lb.region] === undefined) errors.push({ path: at("alertTopicArns", lb.region), message: `is required: the load balancer's 5xx alarm lives in ${lb.region}, its region, and can notify only a topic there; add ${lb.region} to the AlertRoute's regions` });
  }
  return errors.length > 0 ? { errors, warnings } : { value: true, errors, warnings };
}
