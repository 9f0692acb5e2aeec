/** What the user asks to protect, and the rules the planner makes of it. Pure types. */

export type RateLimitAction = "block" | "managed_challenge";

/** One endpoint to protect, as requested (a preset filled in, or a full rule). */
export interface RateLimitRequest {
  /** The endpoint's name, e.g. `login`; unique per zone. */
  readonly name: string;
  /** The exact path, or every path under a prefix. */
  readonly match: { readonly path: string } | { readonly prefix: string };
  /** HTTP methods counted; empty means every method. */
  readonly methods: readonly string[];
  /** At most this many requests per period and client IP. */
  readonly requests: number;
  readonly periodSeconds: number;
  /** What happens above the limit: `block` (APIs) or `managed_challenge` (pages browsers load). */
  readonly action: RateLimitAction;
  /** How long a blocked client stays blocked, in seconds (0: only the requests above the rate are acted on). */
  readonly mitigationSeconds: number;
}

/** One rule of the zone's `http_ratelimit` entrypoint, in the shape `cloudflare.Ruleset` takes it. */
export interface RateLimitRulePlan {
  /** Stable id: without it, changing one rule recreates the others. */
  readonly ref: string;
  readonly description: string;
  readonly expression: string;
  readonly action: RateLimitAction;
  /** The endpoints this rule protects (several when the plan has fewer rules than endpoints). */
  readonly endpoints: readonly string[];
  readonly characteristics: readonly string[];
  readonly period: number;
  readonly requestsPerPeriod: number;
  readonly mitigationTimeout: number;
  /** The block action's answer, where the plan allows a custom one. */
  readonly response?: { readonly statusCode: 429; readonly contentType: "application/json"; readonly content: string };
}

/** Something the plan could not do as asked, said plainly. `loosens`: the endpoint is less protected than asked. */
export interface RateLimitCompromise {
  readonly kind: "merged" | "period" | "mitigation" | "method" | "action" | "response";
  readonly endpoints: readonly string[];
  readonly loosens: boolean;
  readonly message: string;
}

/** What one endpoint actually gets: the limit its rule enforces on it. */
export interface EffectiveLimit {
  readonly endpoint: string;
  readonly ref: string;
  readonly requests: number;
  readonly periodSeconds: number;
  readonly mitigationSeconds: number;
  readonly action: RateLimitAction;
  /** Methods still matched (empty: every method). */
  readonly methods: readonly string[];
}

export interface RateLimitPlan {
  readonly rules: readonly RateLimitRulePlan[];
  readonly compromises: readonly RateLimitCompromise[];
  readonly effective: readonly EffectiveLimit[];
  /** Requests the plan cannot turn into an accepted ruleset at all: the preview fails on these. */
  readonly problems: readonly string[];
}
