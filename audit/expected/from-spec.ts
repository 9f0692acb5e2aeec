/**
 * Expected state for the auditor from a stack's validated spec (`--stack`): what the stack will have made true, so
 * checks are exact instead of guessed. Read from the same record plan the program registers (`planDomainRecords`,
 * which runs the CAA planner), never rebuilt by hand, so the auditor expects exactly what the stack creates. Pure.
 */
import type { DomainSpec, LaunchReadySpec } from "../../config/spec";
import { planDomainRecords, type PlannedRecord } from "../../core/dns/record-plan";
import { requiredIssuers } from "../../core/edge/caa";
import { planRateLimits } from "../../core/rate-limits/planner";
import type { ExpectedDomainState } from "../types";

/** DKIM selectors that are fixed per sending service; others (SES, Postmark) are per-account tokens, not known. */
const FIXED_DKIM_SELECTORS: Readonly<Record<string, readonly string[]>> = {
  "google-workspace": ["google"],
  "microsoft-365": ["selector1", "selector2"],
  sendgrid: ["s1", "s2"],
};

const ENDPOINT_NAMES = { login: "login", reset: "password-reset", invite: "invite", search: "search" } as const;

/** The expected state of one domain, from the records the stack plans for it. */
export function expectedFromRecords(d: DomainSpec, records: readonly PlannedRecord[]): ExpectedDomainState {
  const senders = d.email?.senders ?? [];
  const endpoints: Partial<Record<"login" | "reset" | "invite" | "search", string>> = {};
  const limits: Partial<Record<"login" | "reset" | "invite" | "search", { requests: number; periodSeconds: number }>> = {};
  const effective = planRateLimits(d.rateLimits, d.cloudflare.plan).effective;
  // The endpoints the stack rate-limits (a preset's path included: the stack plans a rule on it); a prefix names no
  // one URL to probe.
  for (const rl of d.rateLimits) {
    if (!("path" in rl.match)) continue;
    for (const [key, name] of Object.entries(ENDPOINT_NAMES)) {
      if (rl.name === name && (key === "login" || key === "reset" || key === "invite" || key === "search")) {
        endpoints[key] = rl.match.path;
        const e = effective.find((x) => x.endpoint === rl.name);
        if (e !== undefined) limits[key] = { requests: e.requests, periodSeconds: e.periodSeconds };
      }
    }
  }
  return {
    sending: senders.length > 0,
    dkimSelectors: [...new Set(senders.flatMap((s) => FIXED_DKIM_SELECTORS[s] ?? []))],
    mxHosts: records.filter((r) => r.type === "MX").map((r) => r.content.replace(/\.$/, "").toLowerCase()),
    // The CAs the plan rule requires for this zone (caa.issuer_match), from the same function and records.
    caaIssuers: requiredIssuers(records),
    ...(d.web ? { canonicalHost: d.web.canonicalHost } : {}),
    aliases: d.web?.aliases ?? [],
    endpoints,
    ...(Object.keys(limits).length > 0 ? { rateLimits: limits } : {}),
  };
}

export function expectedFromDomain(d: DomainSpec): ExpectedDomainState {
  return expectedFromRecords(d, planDomainRecords(d));
}

/** Expected state per domain name (A-labels). */
export function expectedFromSpec(spec: LaunchReadySpec): Map<string, ExpectedDomainState> {
  return new Map(spec.domains.map((d) => [d.name, expectedFromDomain(d)]));
}
