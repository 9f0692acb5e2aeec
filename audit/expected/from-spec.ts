/**
 * Expected state for the auditor from a stack's validated spec (`--stack`): what the stack will have made true, so
 * checks are exact instead of guessed. Read from the same record plan the program registers (`planDomainRecords`,
 * which runs the CAA planner), never rebuilt by hand, so the auditor expects exactly what the stack creates. Pure.
 */
import type { DomainSpec, LaunchReadySpec } from "../../config/spec";
import { planDomainRecords, type PlannedRecord } from "../../core/dns/record-plan";
import { requiredIssuers } from "../../core/edge/caa";
import { planRateLimits } from "../../core/rate-limits/planner";
import { domainEmailPlan } from "../../config/email";
import type { ExpectedDomainState } from "../types";

/**
 * The DKIM selectors the stack plans (`core/email/build`), plus Google Workspace's fixed `google` when its key is
 * not in config (the user publishes it from the Admin console). SES's are per-identity tokens, known only after apply;
 * a parked domain's wildcard revocation is no selector.
 */
function plannedSelectors(d: DomainSpec): string[] {
  const plan = domainEmailPlan(d, { managedDomains: [d.name], now: new Date() });
  if (plan === undefined || plan.parked) return [];
  const google = d.email?.senders.some((s) => s.provider === "google-workspace") ? ["google"] : [];
  return [...new Set([...plan.dkimSelectors.filter((s) => s !== "ses" && s !== "*"), ...google])];
}

/** The MX hosts the email plan adds (Google Workspace's), not the null MX of a parked domain. */
function plannedMx(d: DomainSpec): string[] {
  const plan = domainEmailPlan(d, { managedDomains: [d.name], now: new Date() });
  return (plan?.records ?? []).filter((r) => r.role === "mx" && r.value !== ".").map((r) => r.value);
}

/** The SPF and DMARC text the stack plans at the domain itself (not the MAIL FROM subdomain's). */
function plannedEmailText(d: DomainSpec): { spf?: string; dmarc?: string } {
  const plan = domainEmailPlan(d, { managedDomains: [d.name], now: new Date() });
  const at = (role: string, name: string) => plan?.records.find((r) => r.role === role && r.name === name)?.value;
  const spf = at("spf", d.name);
  const dmarc = at("dmarc", `_dmarc.${d.name}`);
  return { ...(spf !== undefined ? { spf } : {}), ...(dmarc !== undefined ? { dmarc } : {}) };
}

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
    dkimSelectors: plannedSelectors(d),
    mxHosts: [...new Set([...records.filter((r) => r.type === "MX").map((r) => r.content.replace(/\.$/, "").toLowerCase()), ...plannedMx(d)])],
    // The CAs the plan rule requires for this zone (caa.issuer_match), from the same function and records.
    caaIssuers: requiredIssuers(records),
    ...(d.web ? { canonicalHost: d.web.canonicalHost } : {}),
    aliases: d.web?.aliases ?? [],
    endpoints,
    ...(Object.keys(limits).length > 0 ? { rateLimits: limits } : {}),
    ...(d.email !== undefined ? { plannedEmail: plannedEmailText(d) } : {}),
  };
}

export function expectedFromDomain(d: DomainSpec): ExpectedDomainState {
  return expectedFromRecords(d, planDomainRecords(d));
}

/** Expected state per domain name (A-labels). */
export function expectedFromSpec(spec: LaunchReadySpec): Map<string, ExpectedDomainState> {
  return new Map(spec.domains.map((d) => [d.name, expectedFromDomain(d)]));
}
