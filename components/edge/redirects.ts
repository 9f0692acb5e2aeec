import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { entrypointAdoption } from "./entrypoint-adoption";
import { REDIRECT_PHASE, type RedirectRulePlan } from "../../core/edge/redirects";

export interface RedirectsArgs {
  /** The zone whose redirect entrypoint this is. */
  readonly zoneId: pulumi.Input<string>;
  /** The zone id as written in config; needed to adopt an existing entrypoint (`zones/<zoneId>/<rulesetId>`). */
  readonly configuredZoneId?: string;
  /** Id of the zone's existing `http_request_dynamic_redirect` entrypoint, to adopt instead of create. */
  readonly adoptRulesetId?: string;
  /**
   * The adopted entrypoint is being imported by this `pulumi up` (`cloudflare.imported: false`): the import must
   * match the live ruleset, so its rules and description are left as they are until the next up.
   */
  readonly importStep?: boolean;
  /** The rules, planned by `planRedirectRules`. */
  readonly rules: readonly RedirectRulePlan[];
}

/** Ruleset inputs the provider cannot change in place (terraform-provider-cloudflare v5 `ruleset/schema.go`). */
export const RULESET_REPLACE_FIELDS = ["name", "kind", "phase", "zoneId"] as const;


/**
 * The zone's single-redirect entrypoint (phase `http_request_dynamic_redirect`): every alias and legacy path to the
 * canonical https URL in one 301, then the zone-wide http → https rule. A zone has at most one entrypoint per phase
 * (creating a second fails: terraform-provider-cloudflare issues 3219, 5599), so an existing one is adopted:
 * - its `name` is never changed (`ignoreChanges`): `name` forces replacement, and replacing an entrypoint means
 *   creating a second one, which fails;
 * - in the import step its rules and description stay as they are, so the import matches the live ruleset; the
 *   next `pulumi up` (with `cloudflare.imported: true`) writes the stack's rules in place.
 * The ruleset is always kept on delete: after `pulumi destroy`, or when `web` is removed, Always Use HTTPS stays off
 * (a ZoneSetting's delete changes nothing in Cloudflare), so the ruleset's catch-all must go on upgrading http.
 * Every rule has a `ref`, so removing one rule does not recreate the others.
 */
export class Redirects extends pulumi.ComponentResource {
  public readonly rulesetId: pulumi.Output<string>;
  /** The ruleset itself, so settings that rely on it can be ordered after it (`dependsOn`). */
  public readonly ruleset: cloudflare.Ruleset;

  constructor(name: string, args: RedirectsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("launch-ready:edge:Redirects", name, {}, opts);
    const adoption = entrypointAdoption("redirect", args.adoptRulesetId, args.configuredZoneId, args.importStep, this);
    this.ruleset = new cloudflare.Ruleset(
      `${name}-entrypoint`,
      {
        zoneId: args.zoneId,
        kind: "zone",
        phase: REDIRECT_PHASE,
        name: "launch-ready single redirects",
        description: "Aliases and legacy paths to the canonical https URL in one 301, then http to https on every host (managed by launch-ready)",
        rules: args.rules.map(rulesetRule),
      },
      {
        parent: this,
        retainOnDelete: true,
        ...adoption,
      },
    );
    this.rulesetId = this.ruleset.id;
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
