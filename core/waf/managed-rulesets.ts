/**
 * Cloudflare's WAF managed rulesets a zone executes in its `http_request_firewall_managed` entrypoint, by plan.
 *
 * Read on 2026-12-04:
 * - ruleset ids: https://developers.cloudflare.com/waf/managed-rules/ (cloudflare-docs
 *   `src/content/docs/waf/managed-rules/index.mdx`): Cloudflare Managed Ruleset efb7b8c9…, OWASP Core Ruleset
 *   4814384a…, Free Managed Ruleset 77454fe2… ("available on all Cloudflare plans"; not needed once the Cloudflare
 *   Managed Ruleset is deployed);
 * - deployment: an `execute` rule whose `action_parameters.id` is the managed ruleset, in the zone's
 *   `http_request_firewall_managed` entrypoint (/ruleset-engine/managed-rulesets/deploy-managed-ruleset/); each
 *   managed ruleset can be deployed once per zone;
 * - availability: the page's plan table is rendered from data we could not read; the Cloudflare Managed Ruleset and
 *   the OWASP Core Ruleset are documented for Pro and above (the previous WAF: "available to Pro, Business, and
 *   Enterprise plans"), and Free zones get the Free Managed Ruleset, which cannot be tuned. So Free plans nothing.
 * OWASP is deployed with its defaults (its score threshold and paranoia level as Cloudflare ships them): tuning them
 * needs traffic the toolkit cannot see. Pure.
 */
import type { CloudflarePlan } from "../spec";

export const MANAGED_WAF_PHASE = "http_request_firewall_managed";

export const MANAGED_RULESETS = {
  cloudflare: { id: "efb7b8c949ac4650a09736fc376e9aee", name: "Cloudflare Managed Ruleset" },
  owasp: { id: "4814384a9e5d4991b9815dcfc25d2f1f", name: "Cloudflare OWASP Core Ruleset" },
  free: { id: "77454fe2d30c4220b5701f6fdfb893ba", name: "Cloudflare Free Managed Ruleset" },
} as const;

export interface ManagedRulePlan {
  readonly ref: string;
  readonly description: string;
  readonly expression: "true";
  readonly rulesetId: string;
}

export interface ManagedWafPlan {
  /** The execute rules; empty on Free. */
  readonly rules: readonly ManagedRulePlan[];
  /** One line for the preview. */
  readonly note: string;
}

export function planManagedWaf(plan: CloudflarePlan): ManagedWafPlan {
  if (plan === "free") {
    return {
      rules: [],
      note: `${MANAGED_RULESETS.free.name} is already on for Free zones and cannot be tuned; the ${MANAGED_RULESETS.cloudflare.name} and the OWASP Core Ruleset need Pro or above`,
    };
  }
  const rules = [MANAGED_RULESETS.cloudflare, MANAGED_RULESETS.owasp].map((r) => ({
    ref: `launch-ready-managed-${r.id}`,
    description: `Execute the ${r.name} (managed by launch-ready)`,
    expression: "true" as const,
    rulesetId: r.id,
  }));
  return { rules, note: `the ${MANAGED_RULESETS.cloudflare.name} and the ${MANAGED_RULESETS.owasp.name} run on every request, with Cloudflare's default actions` };
}
