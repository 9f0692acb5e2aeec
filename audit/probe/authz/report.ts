/**
 * The probe's findings as an audit report, so every format the auditor prints (human, JSON, SARIF, Markdown) prints
 * them too: one entry per probed route (its `domain` is `METHOD URL-template`), one result per authz ID.
 */
import { fromVerdict } from "../../checks/verdict";
import { redactResults } from "../../run/results";
import { countStatuses } from "../../run/run-audit";
import type { AuditReport, DomainReport } from "../../types";
import { judgeRoute } from "./judge";
import type { RoutePlan } from "./plan";
import type { Observation } from "./send";

const WRITE_HINT = "Not verified. If sending this request again is harmless (a test tenant, an idempotent write), mark the route `replaySafe: true` and rerun with --allow-writes; otherwise verify it with your own tests.";
const DECIDE_HINT = "Not verified. Give the probe what it lacks (in the credentials file: each account's `ids`, an `expired` credential, an account per role below the route's) or fix what made the request fail, then rerun.";

export function routeEntryName(baseUrl: URL, plan: RoutePlan): string {
  return `${plan.route.method} ${baseUrl.origin}${baseUrl.pathname.replace(/\/$/, "")}${plan.route.path.text}`;
}

export function probeReport(baseUrl: URL, plans: readonly RoutePlan[], observations: readonly Observation[]): AuditReport {
  const domains: DomainReport[] = plans.map((plan) => ({
    domain: routeEntryName(baseUrl, plan),
    // Redacted before any report sees them, as the audit runner redacts its results.
    checks: redactResults(
      judgeRoute(plan, observations.filter((o) => o.attempt.route === plan.route)).map((v) => {
        const r = fromVerdict(v.id, v.verdict, v.evidence);
        // Cannot tell: the fix is what would let the probe decide, not the checklist's fix for a failure.
        return r.status === "error" ? { ...r, remediation: r.summary.includes("write not replayed") ? WRITE_HINT : DECIDE_HINT } : r;
      }),
    ),
  }));
  return { domains, counts: countStatuses(domains) };
}
