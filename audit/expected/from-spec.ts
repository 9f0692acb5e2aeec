/**
 * Expected state for the auditor from a stack's validated spec (`--stack`): what the stack will have made true, so
 * checks are exact instead of guessed. Pure.
 */
import type { DomainSpec, LaunchReadySpec } from "../../config/spec";
import type { ExpectedDomainState } from "../types";
import { ACM_CAA_ISSUER, CLOUDFLARE_CAA_ISSUERS } from "./platform";

/** DKIM selectors that are fixed per sending service; others (SES, Postmark) are per-account tokens, not known. */
const FIXED_DKIM_SELECTORS: Readonly<Record<string, readonly string[]>> = {
  "google-workspace": ["google"],
  "microsoft-365": ["selector1", "selector2"],
  sendgrid: ["s1", "s2"],
};

const ENDPOINT_NAMES = { login: "login", reset: "password-reset", invite: "invite", search: "search" } as const;

function caaIssuersOf(d: DomainSpec): string[] {
  const fromRecords = d.dnsRecords
    .filter((r) => r.type === "CAA")
    .map((r) => /\bissue(?:wild)?\s+"?([^";\s]*)/i.exec(r.content)?.[1]?.toLowerCase())
    .filter((v): v is string => v !== undefined && v !== "");
  return [...new Set([...CLOUDFLARE_CAA_ISSUERS, ACM_CAA_ISSUER, ...fromRecords])];
}

export function expectedFromDomain(d: DomainSpec): ExpectedDomainState {
  const senders = d.email?.senders ?? [];
  const endpoints: Partial<Record<"login" | "reset" | "invite" | "search", string>> = {};
  for (const rl of d.rateLimits) {
    if (!("path" in rl)) continue;
    for (const [key, name] of Object.entries(ENDPOINT_NAMES)) {
      if (rl.name === name && (key === "login" || key === "reset" || key === "invite" || key === "search")) endpoints[key] = rl.path;
    }
  }
  return {
    sending: senders.length > 0,
    dkimSelectors: [...new Set(senders.flatMap((s) => FIXED_DKIM_SELECTORS[s] ?? []))],
    mxHosts: d.dnsRecords.filter((r) => r.type === "MX").map((r) => r.content.replace(/\.$/, "").toLowerCase()),
    caaIssuers: caaIssuersOf(d),
    ...(d.web ? { canonicalHost: d.web.canonicalHost } : {}),
    aliases: d.web?.aliases ?? [],
    endpoints,
  };
}

/** Expected state per domain name (A-labels). */
export function expectedFromSpec(spec: LaunchReadySpec): Map<string, ExpectedDomainState> {
  return new Map(spec.domains.map((d) => [d.name, expectedFromDomain(d)]));
}
