import type * as pulumi from "@pulumi/pulumi";
import type { CloudflarePlan } from "../../core/spec";

/** A preset endpoint: `login` (POST /login, 5 per 10 s), `password-reset` and `invite` (POST, 3 and 5 per 10 s), `search` (GET /search, 20 per 10 s, challenged). */
export type RateLimitPresetName = "login" | "password-reset" | "invite" | "search";

/** HTTP methods a rule may count. */
export type RateLimitMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One endpoint to protect, as a full rule: the same keys as an entry of a stack file's `rateLimits` list. A rule
 * named like a preset is that endpoint, and takes the preset's values for what it leaves out.
 */
export interface RateLimitRuleArgs {
  /** The endpoint's name, e.g. `login` or `export`: short, lower-case; unique per domain. */
  readonly name: string;
  /** The exact path, e.g. `/api/login`. Give `path` or `prefix` (a preset's name may give neither: its path is used). */
  readonly path?: string;
  /** Every path under this prefix, e.g. `/api/auth/`. */
  readonly prefix?: string;
  /** One method to count; the same as `methods: [method]`. */
  readonly method?: RateLimitMethod;
  /**
   * Methods to count. Default: every method (a preset's: its own). Only Business and Enterprise rules can match the
   * method; below, every method counts and the preview says so.
   */
  readonly methods?: readonly RateLimitMethod[];
  /** At most this many requests per period and client IP. Required unless `name` is a preset. */
  readonly requests?: number;
  /**
   * The counting period in seconds. Required unless `name` is a preset. Snapped to one the plan allows, never
   * allowing more requests per second or a bigger burst without saying so.
   */
  readonly periodSeconds?: number;
  /** How long a client over the limit stays blocked, in seconds. Default: the period (a preset's: its own). */
  readonly mitigationSeconds?: number;
  /** `block` (a 429, for APIs) or `managed_challenge` (for pages browsers load). Default `block` (a preset's: its own). */
  readonly action?: "block" | "managed_challenge";
}

/** An entry of `rateLimits`: a preset's name, or a full rule. */
export type RateLimitEntryArgs = RateLimitPresetName | RateLimitRuleArgs;

export interface RateLimitsArgs {
  /** The zone whose `http_ratelimit` entrypoint this is. */
  readonly zoneId: pulumi.Input<string>;
  /** The domain, as the preview and the checks name it. Default: the component's name. */
  readonly domain?: string;
  /** The zone's plan: the rules are fitted to what it allows. Default `"free"`. */
  readonly plan?: CloudflarePlan;
  /** The endpoints to protect. */
  readonly rateLimits: readonly RateLimitEntryArgs[];
  /** The zone id as a plain string: needed to adopt an existing entrypoint (`zones/<zoneId>/<rulesetId>`). */
  readonly configuredZoneId?: string;
  /** Id of the zone's existing `http_ratelimit` entrypoint, to adopt (import) instead of create. Default: none. */
  readonly adoptRulesetId?: string;
  /** Id of the zone's existing `http_request_firewall_managed` entrypoint (paid plans), to adopt instead of create. */
  readonly adoptManagedRulesetId?: string;
  /**
   * The adopted entrypoints are being imported by this `pulumi up`: their rules stay as they are live until the next
   * up (as for the redirect entrypoint). Default `false`.
   */
  readonly importStep?: boolean;
}
