import * as pulumi from "@pulumi/pulumi";

/** Inputs an adopted entrypoint keeps from the live ruleset during its import step. */
export const RULESET_IMPORT_STEP_IGNORED = ["description", "rules"] as const;

/**
 * The resource options of a zone entrypoint ruleset that may be adopted. A zone has one entrypoint per phase, so an
 * existing one is imported (`zones/<zoneId>/<rulesetId>`, the provider's import id) rather than created; its `name`
 * is then left as it is live, and during the import step its description and rules too. Not adopted: no options.
 */
export function entrypointAdoption(
  what: string,
  adoptRulesetId: string | undefined,
  configuredZoneId: string | undefined,
  importStep: boolean | undefined,
  parent: pulumi.Resource,
): Pick<pulumi.CustomResourceOptions, "ignoreChanges" | "import"> {
  if (adoptRulesetId === undefined) return {};
  if (configuredZoneId === undefined) {
    throw new pulumi.ResourceError(`The ${what} ruleset is adopted, but the zone id is not in config: set launch-ready:domains[].cloudflare.zoneId so the import id zones/<zoneId>/<rulesetId> is known.`, parent);
  }
  return { ignoreChanges: ["name", ...(importStep === true ? RULESET_IMPORT_STEP_IGNORED : [])], import: `zones/${configuredZoneId}/${adoptRulesetId}` };
}
