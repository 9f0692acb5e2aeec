/**
 * Reads the planned rate limits back out of the planned resources, per zone: the `RateLimits` component's inputs
 * (domain, plan, endpoints asked for) and the rules of its `http_ratelimit` ruleset. A ruleset in that phase made
 * outside the component has no known plan or endpoints: its zone is judged "cannot tell" where those are needed.
 */
import { CLOUDFLARE_PLANS } from "../../../core/spec/vocabulary";
import type { RateRuleFacts } from "../../../core/rate-limits/fit";
import type { RateLimitRequest } from "../../../core/rate-limits/request";
import type { CloudflarePlan } from "../../../core/spec";
import type { PlannedResource } from "../../resource";
import { EDGE_TYPES } from "./edge";

export const RATE_LIMITS_COMPONENT = "launch-ready:waf:RateLimits";
export const RATE_LIMIT_PHASE = "http_ratelimit";

export interface PlannedRateZone {
  readonly label: string;
  readonly plan?: CloudflarePlan;
  readonly endpoints?: readonly RateLimitRequest[];
  readonly rules: readonly RateRuleFacts[];
  /** The ruleset, or the component when no ruleset was planned. */
  readonly urn: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const num = (v: unknown): number => (typeof v === "number" ? v : Number.NaN);

export function rateRulesOf(raw: unknown): RateRuleFacts[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((rule: unknown, i) => {
    if (!isRecord(rule)) return [];
    const rl = isRecord(rule["ratelimit"]) ? rule["ratelimit"] : {};
    const params = isRecord(rule["actionParameters"]) ? rule["actionParameters"] : {};
    const characteristics = Array.isArray(rl["characteristics"]) ? rl["characteristics"].filter((c): c is string => typeof c === "string") : [];
    return [
      {
        ref: typeof rule["ref"] === "string" ? rule["ref"] : `#${i + 1}`,
        expression: typeof rule["expression"] === "string" ? rule["expression"] : "",
        action: typeof rule["action"] === "string" ? rule["action"] : "",
        characteristics,
        period: num(rl["period"]),
        requestsPerPeriod: num(rl["requestsPerPeriod"]),
        mitigationTimeout: rl["mitigationTimeout"] === undefined ? 0 : num(rl["mitigationTimeout"]),
        customResponse: params["response"] !== undefined,
      },
    ];
  });
}

function planOf(v: unknown): CloudflarePlan | undefined {
  return CLOUDFLARE_PLANS.find((p) => p === v);
}

function endpointsOf(v: unknown): RateLimitRequest[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: RateLimitRequest[] = [];
  for (const e of v) {
    if (!isRecord(e) || typeof e["name"] !== "string" || !isRecord(e["match"])) return undefined;
    const m = e["match"];
    const match = typeof m["path"] === "string" ? { path: m["path"] } : typeof m["prefix"] === "string" ? { prefix: m["prefix"] } : undefined;
    if (match === undefined) return undefined;
    out.push({
      name: e["name"],
      match,
      methods: Array.isArray(e["methods"]) ? e["methods"].filter((x): x is string => typeof x === "string") : [],
      requests: num(e["requests"]),
      periodSeconds: num(e["periodSeconds"]),
      action: e["action"] === "managed_challenge" ? "managed_challenge" : "block",
      mitigationSeconds: num(e["mitigationSeconds"]),
    });
  }
  return out;
}

/** Every zone with rate limits: one per `RateLimits` component, plus each `http_ratelimit` ruleset made outside one. */
export function plannedRateZones(resources: readonly PlannedResource[]): PlannedRateZone[] {
  const rulesets = resources.filter((r) => r.type === EDGE_TYPES.ruleset && r.inputs["phase"] === RATE_LIMIT_PHASE);
  const zones: PlannedRateZone[] = [];
  const claimed = new Set<string>();
  for (const c of resources.filter((r) => r.type === RATE_LIMITS_COMPONENT)) {
    const ruleset = rulesets.find((r) => r.parentUrn === c.urn);
    if (ruleset !== undefined) claimed.add(ruleset.urn);
    const plan = planOf(c.inputs["plan"]);
    const endpoints = endpointsOf(c.inputs["endpoints"]);
    zones.push({
      label: typeof c.inputs["domain"] === "string" ? c.inputs["domain"] : c.name,
      ...(plan !== undefined ? { plan } : {}),
      ...(endpoints !== undefined ? { endpoints } : {}),
      rules: ruleset === undefined ? [] : rateRulesOf(ruleset.inputs["rules"]),
      urn: ruleset?.urn ?? c.urn,
    });
  }
  for (const r of rulesets.filter((x) => !claimed.has(x.urn))) zones.push({ label: r.name, rules: rateRulesOf(r.inputs["rules"]), urn: r.urn });
  return zones;
}

export const NO_RATE_LIMITS = "The stack plans no rate limiting rules.";
