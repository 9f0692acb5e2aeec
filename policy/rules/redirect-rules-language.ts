import { checkRuleExpressions, RULES_LANGUAGE_TABLE_DATE } from "../../core/edge/rules-language";
import { failWith, notApplicable, pass, type PlanRule, type Violation } from "../rule";
import { EDGE_TYPES } from "./support/edge";

/**
 * Every expression of every planned Ruleset is one Cloudflare accepts: known fields, functions and operators
 * (`core/edge/rules-language.ts`, Cloudflare's references). The API rejects the whole ruleset over one unknown
 * field, so one bad rule takes every alias and legacy-path redirect with it; caught here, before apply, under the
 * offline preview and `pulumi preview --policy-pack` alike. Each problem names the rule's `ref`.
 */
export const redirectRulesLanguage: PlanRule = {
  id: "redirect.rules_language",
  evaluate(resources) {
    const rulesets = resources.filter((r) => r.type === EDGE_TYPES.ruleset);
    if (rulesets.length === 0) return notApplicable("The stack plans no ruleset.");
    const violations: Violation[] = [];
    let count = 0;
    for (const r of rulesets) {
      const rules = rulesOf(r.inputs["rules"]);
      count += rules.length;
      const problems = checkRuleExpressions(rules);
      if (problems.length > 0) violations.push({ urn: r.urn, message: `${r.name}: Cloudflare would reject this ruleset, and every rule in it: ${problems.join("; ")}` });
    }
    if (violations.length > 0) return failWith(violations);
    return pass(`${count} rule(s) in ${rulesets.length} ruleset(s) use only fields, functions and operators of Cloudflare's rules language (references as of ${RULES_LANGUAGE_TABLE_DATE}).`, rulesets.map((r) => r.urn));
  },
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A planned Ruleset's rules: each rule's ref, filter and, for a dynamic target, its expression. */
export function rulesOf(raw: unknown): { ref: string; expression: string; targetExpression?: string }[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((rule: unknown, i) => {
    if (!isRecord(rule)) return [];
    const params = isRecord(rule["actionParameters"]) ? rule["actionParameters"] : {};
    const from = isRecord(params["fromValue"]) ? params["fromValue"] : {};
    const target = isRecord(from["targetUrl"]) ? from["targetUrl"] : {};
    const targetExpression = target["expression"];
    return [
      {
        ref: typeof rule["ref"] === "string" ? rule["ref"] : `#${i + 1}`,
        expression: typeof rule["expression"] === "string" ? rule["expression"] : "",
        ...(typeof targetExpression === "string" ? { targetExpression } : {}),
      },
    ];
  });
}
