/**
 * From the validated stack spec to the `AlertRoute` regions and each domain's `Monitoring` args: the stack
 * program's only monitoring logic. The homepage is the canonical host (not for a redirect-only domain); login and
 * health come from the route inventory's parameterless GET routes of those kinds.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { MonitoringArgs } from "../components/monitoring/args";
import { HEALTH_CHECK_METRICS_REGION, parseLoadBalancerArn } from "../core/monitoring/plan";
import type { RouteInventorySpec } from "../core/routes/inventory";
import type { DomainSpec, LaunchReadySpec } from "./spec";

/** us-east-1 (uptime and latency alarms), each load balancer's region (5xx alarms), then the stack's own region. */
export function alertRegions(spec: LaunchReadySpec, stackRegion: string | undefined): string[] {
  const regions = [HEALTH_CHECK_METRICS_REGION];
  for (const d of spec.domains) {
    const arn = d.monitoring?.loadBalancerArn;
    const lb = arn !== undefined ? parseLoadBalancerArn(arn) : undefined;
    if (lb !== undefined) regions.push(lb.region);
  }
  if (stackRegion !== undefined && stackRegion !== "") regions.push(stackRegion);
  return [...new Set(regions)];
}

export function monitoringArgsOf(d: DomainSpec, routes: RouteInventorySpec | undefined, topicArns: Readonly<Record<string, pulumi.Input<string>>>): MonitoringArgs | undefined {
  const m = d.monitoring;
  if (m === undefined) return undefined;
  const web = d.web;
  const canonicalHost = web !== undefined && web.redirectTo === undefined ? web.canonicalHost : undefined;
  const routeTargets = (routes?.routes ?? []).flatMap((r) =>
    r.method === "GET" && r.path.params.length === 0 ? r.kinds.filter((k): k is "login" | "health" => k === "login" || k === "health").map((kind) => ({ path: r.path.text, kind })) : [],
  );
  return {
    domain: d.name,
    ...(canonicalHost !== undefined ? { canonicalHost } : {}),
    checks: m.checks,
    routes: routeTargets,
    latencyP95Ms: m.latencyP95Ms,
    certExpiryDays: m.certExpiryDays,
    ...(m.loadBalancerArn !== undefined ? { loadBalancerArn: m.loadBalancerArn } : {}),
    fiveXxRatePercent: m.fiveXxRatePercent,
    alertTopicArns: topicArns,
  };
}
