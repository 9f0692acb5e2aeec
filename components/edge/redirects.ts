import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { REDIRECT_PHASE, type RedirectRulePlan } from "../../core/edge/redirects";

export interface RedirectsArgs {
  /** The zone whose redirect entrypoint this is. */
  readonly zoneId: pulumi.Input<string>;
  /** The zone id as written in config; needed to adopt an existing entrypoint (`zones/<zoneId>/<rulesetId>`). */
  readonly configuredZoneId?: string;
  /** Id of the zone's existing `http_request_dynamic_redirect` entrypoint, to adopt instead of create. */
  readonly adoptRulesetId?: string;
  /** The rules, planned by `planRedirectRules`. */
  readonly rules: readonly RedirectRulePlan[];
}

/**
 * The zone's single-redirect entrypoint (phase `http_request_dynamic_redirect`): every alias and legacy path to the
 * canonical https URL in one 301. A zone has at most one entrypoint per phase, so an existing one is adopted
 * (imported and kept on delete), never created beside it. Every rule has a `ref`, so removing one rule does not
 * recreate the others.
 */
export class Redirects extends pulumi.ComponentResource {
  public readonly rulesetId: pulumi.Output<string>;

  constructor(name: string, args: RedirectsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch-ready:edge:Redirects", name, {}, opts);
    if (args.adoptRulesetId !== undefined && args.configuredZoneId === undefined) {
      throw new pulumi.ResourceError(
        "The redirect ruleset is adopted, but the zone id is not in config: set launch-ready:domains[].cloudflare.zoneId so the import id zones/<zoneId>/<rulesetId> is known.",
        this,
      );
    }
    const ruleset = new cloudflare.Ruleset(
      `${name}-entrypoint`,
      {
        zoneId: args.zoneId,
        kind: "zone",
        phase: REDIRECT_PHASE,
        name: "launch-ready single redirects",
        description: "Aliases and legacy paths to the canonical https URL in one 301 (managed by launch-ready)",
        rules: args.rules.map(rulesetRule),
      },
      {
        parent: this,
        ...(args.adoptRulesetId !== undefined ? { import: `zones/${args.configuredZoneId}/${args.adoptRulesetId}`, retainOnDelete: true } : {}),
      },
    );
    this.rulesetId = ruleset.id;
    this.registerOutputs({ rulesetId: this.rulesetId });
  }
}

export function rulesetRule(r: RedirectRulePlan): cloudflare.types.input.RulesetRule {
  return {
    ref: r.ref,
    description: r.description,
    expression: r.expression,
    action: "redirect",
    enabled: true,
    actionParameters: {
      fromValue: {
        statusCode: r.statusCode,
        preserveQueryString: r.preserveQueryString,
        targetUrl: "value" in r.target ? { value: r.target.value } : { expression: r.target.expression },
      },
    },
  };
}
