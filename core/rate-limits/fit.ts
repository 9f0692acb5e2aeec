/**
 * Whether a zone's rate limiting rules, however they were made, fit what its plan allows (`plan-facts.ts`): what the
 * API would refuse at `pulumi up`, found before it. Pure.
 */
import type { CloudflarePlan } from "../spec";
import { API_MITIGATION_TIMEOUTS, MANDATORY_CHARACTERISTIC, PLAN_FACTS, planName } from "./plan-facts";

/** One rule of an `http_ratelimit` ruleset, as planned or as read back. */
export interface RateRuleFacts {
  readonly ref: string;
  readonly expression: string;
  readonly action: string;
  readonly characteristics: readonly string[];
  readonly period: number;
  readonly requestsPerPeriod: number;
  readonly mitigationTimeout: number;
  readonly customResponse: boolean;
}

const CHALLENGES = new Set(["managed_challenge", "js_challenge", "challenge"]);

/** Each way the rules exceed the plan, one sentence each naming the rule's ref. */
export function planFitProblems(plan: CloudflarePlan, rules: readonly RateRuleFacts[]): string[] {
  const f = PLAN_FACTS[plan];
  const name = planName(plan);
  const out: string[] = [];
  if (rules.length > f.maxRules) out.push(`${rules.length} rate limiting rules, but ${name} allows ${f.maxRules}`);
  for (const r of rules) {
    const at = `rule \`${r.ref}\``;
    if (!f.periods.includes(r.period)) out.push(`${at}: period ${r.period} s is not one ${name} allows (${f.periods.join(", ")} s)`);
    if (!r.characteristics.includes(MANDATORY_CHARACTERISTIC)) out.push(`${at}: characteristics lack the mandatory \`${MANDATORY_CHARACTERISTIC}\``);
    for (const c of r.characteristics) {
      if (c !== MANDATORY_CHARACTERISTIC && !f.characteristics.includes(c)) out.push(`${at}: counting by \`${c}\` is not available on ${name}`);
    }
    if (CHALLENGES.has(r.action) && f.challengeTimeout !== undefined && r.mitigationTimeout !== f.challengeTimeout) {
      out.push(`${at}: a ${r.action} rule must have mitigation_timeout 0 on ${name}, not ${r.mitigationTimeout}`);
    } else if (r.action === "block" && !f.blockTimeouts.includes(r.mitigationTimeout)) {
      out.push(`${at}: mitigation_timeout ${r.mitigationTimeout} s is not one ${name} allows for block (${f.blockTimeouts.join(", ")} s)`);
    } else if (!(API_MITIGATION_TIMEOUTS as readonly number[]).includes(r.mitigationTimeout)) {
      out.push(`${at}: mitigation_timeout ${r.mitigationTimeout} s is not an API value (${API_MITIGATION_TIMEOUTS.join(", ")} s)`);
    }
    for (const field of fieldsOf(r.expression)) {
      if (!f.fields.includes(field)) out.push(`${at}: the expression uses \`${field}\`, which ${name} rate limiting rules cannot match (only ${f.fields.map((x) => `\`${x}\``).join(", ")})`);
    }
    if (r.requestsPerPeriod < 1) out.push(`${at}: requests_per_period must be at least 1`);
    if (r.customResponse && !f.customResponse) out.push(`${at}: a custom response is not confirmed for ${name} rate limiting rules`);
  }
  return out;
}

/** The request fields an expression names (outside string literals). */
export function fieldsOf(expression: string): string[] {
  const bare = expression.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return [...new Set([...bare.matchAll(/\b((?:http|ip|cf|raw|ssl)(?:\.[a-z0-9_]+)*)\b/g)].map((m) => m[1] ?? "").filter((f) => f.includes(".")))];
}
