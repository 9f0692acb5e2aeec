/**
 * From observations to one verdict per route and checklist ID. A refusal is 401 or 403, or 404 for a resource the
 * server hides (RFC 9110 §15.5.5 allows 404 in place of 403). A route passes an ID only when every attempt of that
 * ID was refused, nothing carried another tenant's marker, and the owner's own request succeeded (else a refusal
 * may only mean a wrong path or ID). Anything else that proves nothing is "cannot tell", never a pass.
 */
import type { CheckId } from "../../../checklist";
import { cannotTell, judged, notApplicable, type Verdict } from "../../../core/judge";
import { isTenantScoped, routeLabel } from "../../../core/routes";
import type { Evidence } from "../../types";
import type { AttemptFamily, RoutePlan } from "./plan";
import type { Observation } from "./send";

export type Finding = "refused" | "served" | "leaked" | "undecided" | "succeeded";

export interface Classified {
  readonly obs: Observation;
  readonly finding: Finding;
  /** What happened, for a report: "answered 401", "answered 200 with a marker of globex". */
  readonly note: string;
}

const REFUSED = new Set([401, 403, 404]);

export function classify(obs: Observation): Classified {
  const r = obs.response;
  if (r.kind === "error") return { obs, finding: "undecided", note: `no answer: ${r.reason}` };
  const leak = obs.attempt.foreignMarkers.find((m) => r.body.includes(m.marker));
  if (leak !== undefined) return { obs, finding: "leaked", note: `answered ${r.status} with marker data of ${leak.tenant}` };
  if (obs.attempt.family === "baseline") {
    return r.status >= 200 && r.status < 300 ? { obs, finding: "succeeded", note: `answered ${r.status}` } : { obs, finding: "undecided", note: `answered ${r.status}: the account's own request did not succeed` };
  }
  if (REFUSED.has(r.status)) return { obs, finding: "refused", note: `answered ${r.status}` };
  if (obs.attempt.judgeBy === "marker-only") return { obs, finding: "refused", note: `answered ${r.status}, without another tenant's marker data` };
  if (r.status >= 200 && r.status < 300) {
    if (obs.attempt.judgeBy === "guessed") {
      return { obs, finding: "undecided", note: `answered ${r.status} without another tenant's marker data: the incremented ID may be the account's own (choose test IDs whose successor belongs to the other tenant)` };
    }
    return { obs, finding: "served", note: `answered ${r.status}` };
  }
  if (r.status >= 300 && r.status < 400) return { obs, finding: "undecided", note: `answered ${r.status} redirecting to ${r.location ?? "(no Location)"}: a login redirect refuses, but the probe cannot tell it from one to the resource` };
  return { obs, finding: "undecided", note: `answered ${r.status}, neither a refusal (401, 403, 404) nor data` };
}

const PASS: Record<Exclude<AttemptFamily, "baseline">, string> = {
  "authz.unauthenticated": "refused",
  "authz.token_validation": "rejected",
  "authz.role": "refused",
  "authz.tenant_isolation": "isolated",
};
const FAIL: Record<Exclude<AttemptFamily, "baseline">, string> = {
  "authz.unauthenticated": "served",
  "authz.token_validation": "accepted",
  "authz.role": "served",
  "authz.tenant_isolation": "served",
};

export const AUTHZ_PROBE_IDS = ["authz.unauthenticated", "authz.token_validation", "authz.role", "authz.tenant_isolation"] as const satisfies readonly CheckId[];
export type AuthzId = (typeof AUTHZ_PROBE_IDS)[number];

export interface RouteVerdict {
  readonly id: AuthzId;
  readonly verdict: Verdict;
  readonly evidence: Evidence;
}

function line(c: Classified): string {
  return `${c.obs.attempt.route.method} ${c.obs.url} as ${c.obs.attempt.variant}: ${c.note}`;
}

export function judgeRoute(plan: RoutePlan, observations: readonly Observation[]): RouteVerdict[] {
  const classified = observations.map(classify);
  const baselines = classified.filter((c) => c.obs.attempt.family === "baseline");
  const ownerFailed = new Map(baselines.filter((c) => c.finding !== "succeeded" && c.finding !== "leaked").map((c) => [c.obs.attempt.owner, c]));
  return AUTHZ_PROBE_IDS.map((id): RouteVerdict => {
    const mine = classified.filter((c) => c.obs.attempt.family === id || (id === "authz.tenant_isolation" && c.obs.attempt.family === "baseline"));
    const evidence: Evidence = {
      route: routeLabel(plan.route),
      access: plan.route.access.kind === "role" ? `role:${plan.route.access.role}` : plan.route.access.kind,
      attempts: mine.map((c) => ({ variant: c.obs.attempt.variant, method: c.obs.attempt.route.method, url: c.obs.url, result: c.note })),
    };
    const blocked = plan.undecidable.filter((u) => u.family === "all" || u.family === id);
    const leaked = mine.filter((c) => c.finding === "leaked");
    const served = mine.filter((c) => c.finding === "served");
    if (leaked.length > 0 && id === "authz.tenant_isolation") return { id, verdict: judged(id, "leaked", leaked.map(line)), evidence };
    if (leaked.length + served.length > 0) return { id, verdict: judged(id, FAIL[id], [...leaked, ...served].map(line)), evidence };
    if (blocked.length > 0) return { id, verdict: cannotTell(`${routeLabel(plan.route)}: ${blocked.map((b) => b.reason).join("; ")}`), evidence };
    const attempts = mine.filter((c) => c.obs.attempt.family !== "baseline");
    if (id === "authz.role" && plan.route.access.kind !== "role") return { id, verdict: notApplicable(`${routeLabel(plan.route)} is not restricted to a role`), evidence };
    if (id === "authz.role" && attempts.length === 0) return { id, verdict: notApplicable(`${routeLabel(plan.route)} needs the lowest role, and no account has none: the tenant checks cover it`), evidence };
    // Including the baseline: for a route without tenant attempts it is the only request, and it must have succeeded.
    const voided = mine.flatMap((c) => {
      const b = ownerFailed.get(c.obs.attempt.owner);
      return b === undefined ? [] : [b];
    });
    if (voided.length > 0) return { id, verdict: cannotTell(`the refusals prove nothing: ${[...new Set(voided.map(line))].join("; ")} (check the route's path and the account's ids)`), evidence };
    const undecided = attempts.filter((c) => c.finding === "undecided");
    if (undecided.length > 0) return { id, verdict: cannotTell(undecided.map(line).join("; ")), evidence };
    const what = id === "authz.tenant_isolation" && !isTenantScoped(plan.route.access) ? "carried no other tenant's marker data" : `refused all ${attempts.length} attempt(s)`;
    return { id, verdict: judged(id, PASS[id], [`${routeLabel(plan.route)} ${what}`]), evidence };
  });
}
