import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { validateRateLimitArgs } from "../../config/validate";
import { PLAN_FACTS, planName, planRateLimits, type RateLimitPlan, type RateLimitRequest, type RateLimitRulePlan } from "../../core/rate-limits";
import type { CloudflarePlan } from "../../core/spec";
import { MANAGED_WAF_PHASE, planManagedWaf } from "../../core/waf/managed-rulesets";
import { entrypointAdoption } from "../edge/entrypoint-adoption";
import type { RateLimitsArgs } from "./args";

export type { RateLimitEntryArgs, RateLimitMethod, RateLimitPresetName, RateLimitRuleArgs, RateLimitsArgs } from "./args";

/** The phase of a zone's rate limiting rules (Cloudflare: "You must deploy rate limiting rules to the http_ratelimit phase entry point ruleset"). */
export const RATE_LIMIT_PHASE = "http_ratelimit";

/** What the component registers as its inputs, for the plan rules. */
export interface RateLimitsInputs {
  readonly domain: string;
  readonly plan: CloudflarePlan;
  readonly endpoints: readonly RateLimitRequest[];
}

/** The component's type token: part of every child's URN, so it never changes. */
export const RATE_LIMITS_TYPE = "launch-ready:waf:RateLimits";

/**
 * The zone's rate limiting entrypoint (phase `http_ratelimit`): the endpoints asked for, fitted by `planRateLimits`
 * to what the zone's plan allows. Every compromise (merged endpoints, snapped periods, methods the plan cannot
 * match) is logged so the preview shows it. A rule the plan would refuse is an error before any resource exists.
 *
 * Adoption follows the redirect entrypoint (a zone has one entrypoint per phase, so an existing one is imported):
 * its `name` is never changed, and during the import step its rules stay as they are live. Every rule has a `ref`.
 * Unlike the redirect ruleset it is not kept on delete: removing rate limits should remove them.
 *
 * On paid plans it also executes Cloudflare's managed rulesets (the Cloudflare Managed Ruleset and the OWASP Core
 * Ruleset) in the zone's `http_request_firewall_managed` entrypoint; on Free it says the free managed ruleset is
 * already on (`core/waf/managed-rulesets.ts`).
 */
export class RateLimits extends pulumi.ComponentResource {
  /** The plan: rules, the limit each endpoint gets, and every compromise. */
  public readonly plan: RateLimitPlan;
  /** The `http_ratelimit` entrypoint (`${name}-entrypoint`); undefined when no endpoint is listed. */
  public readonly ruleset?: cloudflare.Ruleset;
  public readonly rulesetId?: pulumi.Output<string>;
  /** The managed WAF entrypoint (`${name}-managed-waf`, phase `http_request_firewall_managed`); paid plans only. */
  public readonly managedWaf?: cloudflare.Ruleset;

  constructor(name: string, args: RateLimitsArgs, opts?: pulumi.ComponentResourceOptions) {
    const report = validateRateLimitArgs(args.rateLimits, ["args", "rateLimits"]);
    const plan: CloudflarePlan = args.plan ?? "free";
    // The component's inputs are what the plan rules read: the zone, its plan and the endpoints asked for (presets
    // filled in), so rate.endpoints_covered and rate.plan_fit judge the ruleset against what was asked.
    const inputs: RateLimitsInputs = { domain: args.domain ?? name, plan, endpoints: report.value ?? [] };
    super(RATE_LIMITS_TYPE, name, { ...inputs }, opts);
    if (report.value === undefined) {
      throw new pulumi.ResourceError(`RateLimits ${name} has ${report.errors.length} problem(s) in its args:\n${report.errors.map((e) => `  ✗ ${e.path}: ${e.message}`).join("\n")}`, this);
    }
    const adoption = entrypointAdoption("rate limiting", args.adoptRulesetId, args.configuredZoneId, args.importStep, this);
    this.plan = planRateLimits(report.value, plan);
    if (this.plan.problems.length > 0) {
      throw new pulumi.ResourceError(`RateLimits ${name}: ${planName(plan)} cannot take these rate limits:\n${this.plan.problems.map((p) => `  ✗ ${p}`).join("\n")}`, this);
    }
    pulumi.log.info(rateLimitSummary(inputs.domain, plan, this.plan), this);
    if (this.plan.rules.length > 0) {
      this.ruleset = new cloudflare.Ruleset(
        `${name}-entrypoint`,
        {
          zoneId: args.zoneId,
          kind: "zone",
          phase: RATE_LIMIT_PHASE,
          name: "launch-ready rate limits",
          description: `Rate limits fitted to the ${planName(plan)} plan (managed by launch-ready)`,
          rules: this.plan.rules.map(rateLimitRule),
        },
        {
          parent: this,
          ...adoption,
        },
      );
      this.rulesetId = this.ruleset.id;
    }
    const managed = planManagedWaf(plan);
    pulumi.log.info(`${inputs.domain} managed WAF on ${planName(plan)}: ${managed.note}`, this);
    if (managed.rules.length > 0) {
      const managedAdoption = entrypointAdoption("managed WAF", args.adoptManagedRulesetId, args.configuredZoneId, args.importStep, this);
      this.managedWaf = new cloudflare.Ruleset(
        `${name}-managed-waf`,
        {
          zoneId: args.zoneId,
          kind: "zone",
          phase: MANAGED_WAF_PHASE,
          name: "launch-ready managed WAF",
          description: "Cloudflare's managed rulesets (managed by launch-ready)",
          rules: managed.rules.map((r) => ({ ref: r.ref, description: r.description, expression: r.expression, action: "execute", enabled: true, actionParameters: { id: r.rulesetId } })),
        },
        {
          parent: this,
          ...managedAdoption,
        },
      );
    }
    this.registerOutputs(this.rulesetId !== undefined ? { rulesetId: this.rulesetId } : {});
  }
}

export function rateLimitRule(r: RateLimitRulePlan): cloudflare.types.input.RulesetRule {
  return {
    ref: r.ref,
    description: r.description,
    expression: r.expression,
    action: r.action,
    enabled: true,
    ratelimit: {
      characteristics: [...r.characteristics],
      period: r.period,
      requestsPerPeriod: r.requestsPerPeriod,
      mitigationTimeout: r.mitigationTimeout,
    },
    ...(r.response !== undefined ? { actionParameters: { response: { statusCode: r.response.statusCode, contentType: r.response.contentType, content: r.response.content } } } : {}),
  };
}

/** What the preview prints: each rule, then every compromise, the loosening ones marked. */
export function rateLimitSummary(name: string, plan: CloudflarePlan, p: RateLimitPlan): string {
  const facts = PLAN_FACTS[plan];
  const lines = [
    `${name} rate limits on ${planName(plan)} (${p.rules.length} of ${facts.maxRules} rule${facts.maxRules === 1 ? "" : "s"}):`,
    ...p.rules.map((r) => `  ${r.ref}: ${r.action} above ${r.requestsPerPeriod} requests per ${r.period} s per IP${r.mitigationTimeout > 0 ? ` for ${r.mitigationTimeout} s` : ""} on ${r.expression}`),
  ];
  if (p.compromises.length > 0) {
    lines.push(`  compromises (${p.compromises.filter((c) => c.loosens).length} looser than asked):`);
    for (const c of p.compromises) lines.push(`  ${c.loosens ? "! " : "- "}${c.message}`);
  } else {
    lines.push("  every endpoint gets exactly the limit asked");
  }
  return lines.join("\n");
}
