/**
 * Reads the planned monitoring back out of the planned resources: each `Monitoring` component's targets and limits,
 * the Route 53 health checks, the CloudWatch alarms (linked to what they watch and where they notify through the
 * property dependencies, since ids and ARNs are unknown before apply), the SNS topics and subscriptions, and the
 * region of each (its `region` input, else its explicit provider's, else the default provider's).
 * Only known values are read: an unknown one becomes `null` ("not in the plan"), never a guess.
 */
import { isUnknownValueError } from "../../unknowns";
import type { PlannedResource } from "../../resource";
import { CERT_DAYS_LEFT_METRIC, CERT_METRIC_NAMESPACE } from "../../../core/monitoring/plan";
import type { AlarmRoute, CertAlarmFacts, LatencyAlarmFacts, PlannedHealthCheck } from "../../../core/judges/monitoring";
import { isRecord, str } from "./edge";
import { webZones } from "./edge";

export const MONITORING_TYPES = {
  component: "launch-ready:monitoring:Monitoring",
  healthCheck: "aws:route53/healthCheck:HealthCheck",
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  topic: "aws:sns/topic:Topic",
  subscription: "aws:sns/topicSubscription:TopicSubscription",
  lambda: "aws:lambda/function:Function",
  eventTarget: "aws:cloudwatch/eventTarget:EventTarget",
  awsProvider: "pulumi:providers:aws",
} as const;

/** A value read through the runner's proxy, or `null` when it is unknown before apply. */
export function known<T>(read: () => T): T | null {
  try {
    return read();
  } catch (err) {
    if (isUnknownValueError(err)) return null;
    throw err;
  }
}

const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

/** Where a resource will be made: its `region` input, its explicit provider's region, or the default provider's. */
export function regionOf(r: PlannedResource, all: readonly PlannedResource[]): string | null {
  const own = known(() => r.inputs["region"]);
  if (own === null) return null;
  if (typeof own === "string" && own !== "") return own;
  const providerUrn = r.options.providerUrn;
  const provider = providerUrn !== undefined ? all.find((p) => p.urn === providerUrn) : all.find((p) => p.type === MONITORING_TYPES.awsProvider && p.name.startsWith("default"));
  if (provider === undefined) return null;
  const region = known(() => provider.inputs["region"]);
  return typeof region === "string" && region !== "" ? region : null;
}

export interface PlannedTarget {
  readonly url: string;
  readonly host: string;
  readonly path: string;
  readonly searchString?: string;
}

export interface PlannedMonitoring {
  readonly urn: string;
  readonly domain: string;
  readonly targets: readonly PlannedTarget[];
  readonly certHosts: readonly string[];
  readonly loadBalancer: boolean;
}

function targetsOf(v: unknown): PlannedTarget[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((t: unknown) => {
    if (!isRecord(t)) return [];
    const url = str(t["url"]);
    const host = str(t["host"]);
    const path = str(t["path"]);
    const searchString = str(t["searchString"]);
    return url !== undefined && host !== undefined && path !== undefined ? [{ url, host, path, ...(searchString !== undefined ? { searchString } : {}) }] : [];
  });
}

export function plannedMonitoring(resources: readonly PlannedResource[]): PlannedMonitoring[] {
  return resources
    .filter((r) => r.type === MONITORING_TYPES.component)
    .map((c) => ({
      urn: c.urn,
      domain: str(c.inputs["domain"]) ?? c.name,
      targets: targetsOf(c.inputs["targets"]),
      certHosts: Array.isArray(c.inputs["certHosts"]) ? c.inputs["certHosts"].filter((h: unknown): h is string => typeof h === "string") : [],
      loadBalancer: c.inputs["loadBalancer"] === true,
    }));
}

/** Web domains (proxied zones) the stack serves without a `Monitoring` for them. */
export function unmonitoredWebDomains(resources: readonly PlannedResource[], monitored: readonly PlannedMonitoring[]): string[] {
  const names = new Set(monitored.map((m) => m.domain));
  const zones = known(() => webZones(resources).map((z) => z.label)) ?? [];
  return zones.filter((z) => !names.has(z));
}

const alarms = (resources: readonly PlannedResource[]) => resources.filter((r) => r.type === MONITORING_TYPES.alarm);

/** Alarms on one of a health check's metrics, linked through the dimensions' dependency on it. */
function alarmsOn(hc: PlannedResource, metric: string, resources: readonly PlannedResource[]): PlannedResource[] {
  return alarms(resources).filter((a) => (a.propertyDependencies["dimensions"] ?? []).includes(hc.urn) && known(() => a.inputs["metricName"]) === metric);
}

/**
 * Whether a status alarm pages when the check fails. `HealthCheckStatus` is 1 while healthy and 0 while not
 * (Route 53 Developer Guide, "Monitoring health checks using CloudWatch"), so only `< t` with 0 < t <= 1 or `<= t`
 * with 0 <= t < 1 on the `AWS/Route53` metric fires on a failure; `null` when the plan does not show it yet.
 */
function firesWhenDown(a: PlannedResource): boolean | null {
  const ns = known(() => a.inputs["namespace"]);
  const cmp = known(() => a.inputs["comparisonOperator"]);
  const t = known(() => a.inputs["threshold"]);
  if (ns === null || cmp === null || t === null) return null;
  if (ns !== "AWS/Route53" || typeof t !== "number") return false;
  return (cmp === "LessThanThreshold" && t > 0 && t <= 1) || (cmp === "LessThanOrEqualToThreshold" && t >= 0 && t < 1);
}

export function plannedHealthChecks(resources: readonly PlannedResource[]): (PlannedHealthCheck & { readonly urn: string; readonly measureLatency?: boolean })[] {
  return resources
    .filter((r) => r.type === MONITORING_TYPES.healthCheck)
    .map((hc) => {
      const raw = {
        type: known(() => hc.inputs["type"]),
        host: known(() => hc.inputs["fqdn"]),
        path: known(() => hc.inputs["resourcePath"]),
        port: known(() => hc.inputs["port"]),
        searchString: known(() => hc.inputs["searchString"]),
        enableSni: known(() => hc.inputs["enableSni"]),
        disabled: known(() => hc.inputs["disabled"]),
        invert: known(() => hc.inputs["invertHealthcheck"]),
      };
      const type = str(raw.type);
      const host = str(raw.host);
      const path = str(raw.path);
      const port = num(raw.port);
      const searchString = str(raw.searchString);
      const measureLatency = known(() => hc.inputs["measureLatency"]);
      // An input unknown before apply is not "unset": the check it would make cannot be told yet.
      const unknownInputs = Object.entries(raw).filter(([, v]) => v === null).map(([k]) => k);
      const statusAlarms = alarmsOn(hc, "HealthCheckStatus", resources);
      return {
        urn: hc.urn,
        ref: hc.name,
        ...(type !== undefined ? { type } : {}),
        ...(host !== undefined ? { host: host.toLowerCase() } : {}),
        ...(path !== undefined ? { path } : {}),
        ...(port !== undefined ? { port } : {}),
        ...(searchString !== undefined ? { searchString } : {}),
        ...(typeof measureLatency === "boolean" ? { measureLatency } : {}),
        ...(typeof raw.enableSni === "boolean" ? { enableSni: raw.enableSni } : {}),
        ...(raw.disabled === true ? { disabled: true } : {}),
        ...(raw.invert === true ? { inverted: true } : {}),
        ...(unknownInputs.length > 0 ? { unknownInputs } : {}),
        statusAlarmRegions: statusAlarms.filter((a) => firesWhenDown(a) === true).map((a) => regionOf(a, resources)),
        silentStatusAlarms: statusAlarms.filter((a) => firesWhenDown(a) === false).map((a) => a.name),
        unclearStatusAlarms: statusAlarms.filter((a) => firesWhenDown(a) === null).map((a) => a.name),
      };
    });
}

export function latencyAlarmsOf(hcUrn: string, resources: readonly PlannedResource[]): LatencyAlarmFacts[] {
  const hc = resources.find((r) => r.urn === hcUrn);
  if (hc === undefined) return [];
  return alarmsOn(hc, "TimeToFirstByte", resources).map((a) => {
    const extendedStatistic = str(known(() => a.inputs["extendedStatistic"]));
    const threshold = num(known(() => a.inputs["threshold"]));
    const comparison = str(known(() => a.inputs["comparisonOperator"]));
    return { ref: a.name, region: regionOf(a, resources), ...(extendedStatistic !== undefined ? { extendedStatistic } : {}), ...(threshold !== undefined ? { threshold } : {}), ...(comparison !== undefined ? { comparison } : {}) };
  });
}

/** An alarm on the load balancer's 5xx (a metric or a query of one), anywhere in the stack. */
export function fiveXxAlarm(resources: readonly PlannedResource[]): PlannedResource | undefined {
  const is5xx = (ns: unknown, metric: unknown) => ns === "AWS/ApplicationELB" && typeof metric === "string" && /5XX/.test(metric);
  return alarms(resources).find((a) => {
    if (is5xx(known(() => a.inputs["namespace"]), known(() => a.inputs["metricName"]))) return true;
    const queries = known(() => a.inputs["metricQueries"]);
    if (!Array.isArray(queries)) return false;
    return queries.some((q: unknown) => {
      const m = isRecord(q) ? q["metric"] : undefined;
      return isRecord(m) && is5xx(known(() => m["namespace"]), known(() => m["metricName"]));
    });
  });
}

/** Every alarm with the topics it notifies, each topic with its region and subscriptions. */
export function alarmRoutes(resources: readonly PlannedResource[]): AlarmRoute[] {
  const topics = new Map(resources.filter((r) => r.type === MONITORING_TYPES.topic).map((t) => [t.urn, t]));
  const subs = resources.filter((r) => r.type === MONITORING_TYPES.subscription);
  return alarms(resources).map((a) => {
    const actions = known(() => a.inputs["alarmActions"]);
    const count = Array.isArray(actions) ? actions.length : 0;
    const deps = (a.propertyDependencies["alarmActions"] ?? []).filter((u) => topics.has(u));
    const routed: AlarmRoute["topics"][number][] = deps.map((urn) => {
      const t = topics.get(urn);
      const own = subs.filter((s) => (s.propertyDependencies["topic"] ?? []).includes(urn));
      return {
        ref: t?.name ?? urn,
        region: t !== undefined ? regionOf(t, resources) : null,
        cloudWatchCanPublish: t !== undefined ? cloudWatchCanPublish(t, resources) : null,
        subscribers: own.length,
        pendingEmails: own.filter((s) => known(() => s.inputs["protocol"]) === "email").length,
      };
    });
    // An action that is no topic of the stack (an ARN written out, another stack's topic): its subscribers are unseen.
    const external: null[] = count > deps.length ? [null] : [];
    const enabled = known(() => a.inputs["actionsEnabled"]);
    return { ref: a.name, region: regionOf(a, resources), actionsEnabled: enabled === null ? null : enabled !== false, topics: [...routed, ...external] };
  });
}

const KMS_KEY = "aws:kms/key:Key";

/**
 * Whether CloudWatch alarms can publish to a topic: unencrypted, or encrypted with a key of the stack whose policy
 * lets cloudwatch.amazonaws.com call kms:GenerateDataKey* and kms:Decrypt. Never with `alias/aws/sns`, whose policy
 * cannot grant it (AWS re:Post, "Configure a CloudWatch alarm with an encrypted SNS topic"). `null`: not visible.
 */
export function cloudWatchCanPublish(topic: PlannedResource, resources: readonly PlannedResource[]): boolean | null {
  const keyDeps = (topic.propertyDependencies["kmsMasterKeyId"] ?? []).map((u) => resources.find((r) => r.urn === u)).filter((r): r is PlannedResource => r?.type === KMS_KEY);
  const key = keyDeps[0];
  if (key !== undefined) {
    const policy = str(known(() => key.inputs["policy"]));
    if (policy === undefined) return null;
    return grantsCloudWatch(policy);
  }
  const id = known(() => topic.inputs["kmsMasterKeyId"]);
  if (id === null) return null;
  if (id === undefined || id === "") return true;
  if (typeof id === "string" && /(^|:)alias\/aws\/sns$/.test(id)) return false;
  return null;
}

function grantsCloudWatch(policyJson: string): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(policyJson);
  } catch {
    return false;
  }
  const statements: unknown[] = isRecord(doc) ? (Array.isArray(doc["Statement"]) ? doc["Statement"] : [doc["Statement"]]) : [];
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : []);
  const allows = (actions: string[], wanted: string) => actions.some((a) => a === "kms:*" || a === "*" || a === wanted || (a.endsWith("*") && wanted.startsWith(a.slice(0, -1))));
  return statements.some((st) => {
    if (!isRecord(st) || st["Effect"] !== "Allow" || !isRecord(st["Principal"])) return false;
    if (!list(st["Principal"]["Service"]).includes("cloudwatch.amazonaws.com")) return false;
    const actions = list(st["Action"]);
    return allows(actions, "kms:Decrypt") && allows(actions, "kms:GenerateDataKey");
  });
}

/** Certificate checks: hosts a scheduled function reads (its `HOSTS`, with an EventBridge target), per region. */
export function scheduledCertChecks(resources: readonly PlannedResource[]): { host: string; region: string | null }[] {
  const targets = resources.filter((r) => r.type === MONITORING_TYPES.eventTarget);
  return resources
    .filter((r) => r.type === MONITORING_TYPES.lambda && targets.some((t) => (t.propertyDependencies["arn"] ?? []).includes(r.urn)))
    .flatMap((fn) => {
      const env = known(() => fn.inputs["environment"]);
      const vars = isRecord(env) && isRecord(env["variables"]) ? env["variables"] : {};
      const hosts = str(known(() => vars["HOSTS"])) ?? "";
      const region = regionOf(fn, resources);
      return hosts.split(",").map((h) => h.trim().toLowerCase()).filter((h) => h !== "").map((host) => ({ host, region }));
    });
}

export function certAlarms(resources: readonly PlannedResource[]): CertAlarmFacts[] {
  return alarms(resources).flatMap((a) => {
    if (known(() => a.inputs["namespace"]) !== CERT_METRIC_NAMESPACE || known(() => a.inputs["metricName"]) !== CERT_DAYS_LEFT_METRIC) return [];
    const dims = known(() => a.inputs["dimensions"]);
    const host = isRecord(dims) ? str(known(() => dims["Host"])) : undefined;
    if (host === undefined) return [];
    const threshold = num(known(() => a.inputs["threshold"]));
    const comparison = str(known(() => a.inputs["comparisonOperator"]));
    const treatMissingData = str(known(() => a.inputs["treatMissingData"]));
    return [{ ref: a.name, host: host.toLowerCase(), region: regionOf(a, resources), ...(threshold !== undefined ? { threshold } : {}), ...(comparison !== undefined ? { comparison } : {}), ...(treatMissingData !== undefined ? { treatMissingData } : {}) }];
  });
}

export const NO_MONITORING = "The stack serves no web domain and plans no monitoring.";
