/**
 * What the Cloudflare provider and API would do with the planned resources, modelled for the offline engine. Each
 * behaviour comes from a primary source; a rejection here stands for the API or the Pulumi engine refusing the
 * call, so the preview reports it as a program error, and a warning stands for something the plan would not show.
 *
 * - Import must match (Pulumi, https://github.com/pulumi/pulumi/blob/master/developer-docs/architecture/import.md): an imported resource's inputs, after
 *   `ignoreChanges` copies the ignored ones from the live resource, must equal the live resource, or the update
 *   fails ("inputs to import do not match the existing resource"). Offline, the live values are those the stack
 *   declares (`live.ts`); an input whose live value nobody declared cannot be shown to match, so it is refused.
 * - Replace-only inputs (terraform-provider-cloudflare v5 schemas, `RequiresReplace`): Ruleset `name`, `kind`,
 *   `phase`, `zone_id`; DnsRecord `zone_id`; ZoneSetting `setting_id`, `zone_id`. Changing one on an adopted
 *   resource replaces it; for an entrypoint, that means creating a second one, which fails.
 * - One entrypoint ruleset per phase and zone (Cloudflare's ruleset engine; terraform-provider-cloudflare issues
 *   3219 and 5599): creating another fails.
 * - Rules language: the API rejects a ruleset whose expression names an unknown field or function
 *   (`core/edge/rules-language.ts`). Checked on apply (`up` mode); before apply the plan rule
 *   `redirect.rules_language` reports it.
 * - ZoneSetting has no delete (v5 `zone_setting/resource.go`: `Delete` is empty): removing one from the stack leaves
 *   its value in the zone. A setting not marked `retainOnDelete` makes the plan claim a delete that never happens.
 * - ZoneDnssec reads back `status: pending` until the registrar publishes the DS (Cloudflare's DNSSEC states): a
 *   planned `status` that is not ignored shows a change on every refresh.
 */
import { isDeepStrictEqual } from "node:util";
import { checkRuleExpressions } from "../core/edge/rules-language";
import { rulesOf } from "../policy/rules/redirect-rules-language";
import type { CapturedResource } from "./capture";
import { type LiveZoneState, TOKENS } from "./live";

/** Inputs whose change forces a replacement, by type (v5 schemas, `RequiresReplace`). */
export const REPLACE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  [TOKENS.ruleset]: ["name", "kind", "phase", "zoneId"],
  [TOKENS.dnsRecord]: ["zoneId"],
  [TOKENS.zoneSetting]: ["settingId", "zoneId"],
};

/** Ruleset kinds that make a ruleset a phase entrypoint (a `custom` ruleset is not one). */
const ENTRYPOINT_KINDS = new Set(["zone", "root"]);

/**
 * What the provider reads back for an input after apply, where it differs from what was sent. The mocks answer
 * with these values too, so an `up`-mode preview shows what a refresh would.
 */
export function readBack(type: string, inputs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  // Signed, but the chain is not complete until the DS is at the registrar: the API says `pending` until then.
  if (type === TOKENS.zoneDnssec && inputs["status"] === "active") return { status: "pending" };
  return {};
}

export interface ProviderFindings {
  /** Calls the API or the engine would refuse: the preview fails with these. */
  readonly errors: readonly string[];
  /** What the plan does not show (a perpetual diff, a delete that does nothing). */
  readonly warnings: readonly string[];
}

export function providerFindings(resources: readonly CapturedResource[], live: LiveZoneState, mode: "preview" | "up"): ProviderFindings {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const r of resources) {
    if (!r.custom) continue;
    errors.push(...importFindings(r, live));
    if (r.type === TOKENS.ruleset && mode === "up" && !r.options.ignoreChanges.includes("rules")) {
      const problems = checkRuleExpressions(rulesOf(r.inputs["rules"]));
      if (problems.length > 0) errors.push(`${r.name}: Cloudflare rejects the whole ruleset: ${problems.join("; ")}`);
    }
    if (r.type === TOKENS.zoneSetting && r.options.retainOnDelete !== true) {
      warnings.push(
        `${r.name}: a zone setting cannot be deleted (the provider's delete does nothing): if the stack stops managing \`${String(r.inputs["settingId"])}\`, the zone keeps ${JSON.stringify(r.inputs["value"])}; mark it retainOnDelete so the plan says so`,
      );
    }
    for (const [key, value] of Object.entries(readBack(r.type, r.inputs))) {
      if (!r.options.ignoreChanges.includes(key) && !isDeepStrictEqual(value, r.inputs[key])) {
        warnings.push(`${r.name}: the provider reads \`${key}\` back as ${JSON.stringify(value)}, not the planned ${JSON.stringify(r.inputs[key])}, so every refresh and preview shows a change that never settles`);
      }
    }
  }
  errors.push(...entrypointFindings(resources, live));
  return { errors, warnings };
}

function importFindings(r: CapturedResource, live: LiveZoneState): string[] {
  const importId = r.options.importId;
  if (importId === undefined) return [];
  const declared = live.resources.get(importId);
  if (declared === undefined) {
    return [`${r.name}: imported as \`${importId}\`, but the stack declares nothing about that live resource, so nothing shows the import would match: declare it (cloudflare.adoptRecords / rulesetIds)`];
  }
  if (declared.type !== r.type) return [`${r.name}: imported as \`${importId}\`, which ${declared.declaredAt} declares as a ${declared.type}, not a ${r.type}`];
  const ignored = new Set(r.options.ignoreChanges);
  if (!declared.inState) {
    const mismatches: string[] = [];
    for (const [key, value] of Object.entries(r.inputs)) {
      if (value === undefined || ignored.has(key)) continue;
      if (!Object.hasOwn(declared.values, key)) mismatches.push(`\`${key}\` (its live value is not declared)`);
      else if (!isDeepStrictEqual(declared.values[key], value)) mismatches.push(`\`${key}\` (live ${JSON.stringify(declared.values[key])}, planned ${JSON.stringify(value)})`);
    }
    if (mismatches.length === 0) return [];
    return [
      `${r.name}: the import of \`${importId}\` (${declared.declaredAt}) would fail, "inputs to import do not match the existing resource": ${mismatches.join(", ")}. Keep those inputs as they are live during the import step (ignoreChanges), and change them in the next up`,
    ];
  }
  const replaced = (REPLACE_FIELDS[r.type] ?? []).filter((key) => {
    if (ignored.has(key) || r.inputs[key] === undefined) return false;
    return !Object.hasOwn(declared.values, key) || !isDeepStrictEqual(declared.values[key], r.inputs[key]);
  });
  if (replaced.length === 0) return [];
  return [
    `${r.name}: adopted as \`${importId}\` (${declared.declaredAt}), but ${replaced.map((k) => `\`${k}\``).join(", ")} ${replaced.length === 1 ? "is" : "are"} planned without matching the declared live value, and ${replaced.length === 1 ? "it forces" : "they force"} a replacement: the adopted resource would be replaced, not updated. Keep ${replaced.length === 1 ? "it" : "them"} as live (ignoreChanges)`,
  ];
}

function entrypointFindings(resources: readonly CapturedResource[], live: LiveZoneState): string[] {
  const errors: string[] = [];
  const byPhase = new Map<string, CapturedResource[]>();
  for (const r of resources) {
    if (r.type !== TOKENS.ruleset || !ENTRYPOINT_KINDS.has(String(r.inputs["kind"]))) continue;
    const key = `${String(r.inputs["zoneId"] ?? r.inputs["accountId"])}/${String(r.inputs["phase"])}`;
    byPhase.set(key, [...(byPhase.get(key) ?? []), r]);
  }
  for (const [key, rulesets] of byPhase) {
    const [zone, phase] = key.split("/");
    if (rulesets.length > 1) {
      errors.push(`${rulesets.map((r) => r.name).join(", ")}: ${rulesets.length} entrypoint rulesets for phase \`${phase}\` in zone ${zone}: a zone has one entrypoint per phase, so creating the second fails; put every rule in one ruleset`);
    }
    const existing = live.entrypoints.get(key);
    for (const r of rulesets) {
      if (existing !== undefined && r.options.importId === undefined) {
        errors.push(`${r.name}: zone ${zone} already has the \`${phase}\` entrypoint ${existing}, so creating another fails: adopt it (import zones/${zone}/${existing})`);
      }
    }
  }
  return errors;
}
