/**
 * The probe's findings as an audit report, so every format the auditor prints (human, JSON, SARIF, Markdown) prints
 * them too: one entry per probed route (its `domain` is `METHOD URL-template`), one result per authz ID.
 */
import { fromVerdict } from "../../checks/verdict";
import { countStatuses } from "../../run/run-audit";
import type { AuditReport, DomainReport } from "../../types";
import { judgeRoute } from "./judge";
import type { RoutePlan } from "./plan";
import type { Observation } from "./send";

export function routeEntryName(baseUrl: URL, plan: RoutePlan): string {
  return `${plan.route.method} ${baseUrl.origin}${baseUrl.pathname.replace(/\/$/, "")}${plan.route.path.text}`;
}

export function probeReport(baseUrl: URL, plans: readonly RoutePlan[], observations: readonly Observation[]): AuditReport {
  const domains: DomainReport[] = plans.map((plan) => ({
    domain: routeEntryName(baseUrl, plan),
    checks: judgeRoute(plan, observations.filter((o) => o.attempt.route === plan.route)).map((v) => fromVerdict(v.id, v.verdict, v.evidence)),
  }));
  return { domains, counts: countStatuses(domains) };
}
