/**
 * The scorecard's work grows linearly with the stack: counted (every read of a planned resource's inputs by any
 * rule), never timed. The resources are the real program's for one generated domain, copied per domain.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseStackFile } from "../../config/stack-file";
import { runOffline } from "../../engine/run";
import type { PlannedResource } from "../../policy/resource";
import { PLAN_RULES } from "../../policy/rules";
import { buildScorecard, evaluateRule } from "../../policy/scorecard";
import { generatedStack } from "../../bench/preview";
import { PROJECT_DIR } from "../helpers/temp-dir";

let oneDomain: readonly PlannedResource[] = [];

beforeAll(async () => {
  const stack = parseStackFile(generatedStack(1), "gen1", "stacks/Pulumi.gen1.yaml");
  const run = await runOffline({ stack, projectDir: PROJECT_DIR, preview: true });
  if (run.errors.length > 0) throw new Error(run.errors.join("; "));
  oneDomain = run.resources;
});

/** `n` domains: domain 0's resources with every name, URN and zone id renamed per copy. */
function domains(n: number): PlannedResource[] {
  const zoneIds = [...new Set(oneDomain.map((r) => r.inputs["zoneId"]).filter((z): z is string => typeof z === "string"))];
  const text = JSON.stringify(oneDomain.filter((r) => !r.type.startsWith("pulumi:providers:")));
  const out: PlannedResource[] = [];
  for (let k = 0; k < n; k++) {
    let copy = text.split("tenant0").join(`tenant${k}`);
    for (const z of zoneIds) copy = copy.split(z).join(`${z.slice(0, 24)}${k.toString(16).padStart(8, "0")}`);
    out.push(...(JSON.parse(copy) as PlannedResource[]));
  }
  return out;
}

/** The resources with every read of their inputs counted. */
function counted(resources: readonly PlannedResource[]): { resources: PlannedResource[]; reads: () => number } {
  let reads = 0;
  const wrapped = resources.map((r) => ({
    ...r,
    inputs: new Proxy(r.inputs, {
      get(target, key) {
        reads++;
        return Reflect.get(target, key);
      },
    }),
  }));
  return { resources: wrapped, reads: () => reads };
}

describe("the scorecard is linear in the resources", () => {
  it("reads planned inputs in proportion to the domains: four times the domains, at most 4.4 times the reads", () => {
    const small = counted(domains(8));
    const large = counted(domains(32));
    const a = buildScorecard(PLAN_RULES, small.resources);
    const b = buildScorecard(PLAN_RULES, large.resources);
    expect(a.checks.map((c) => c.status)).toEqual(b.checks.map((c) => c.status));
    const ratio = large.reads() / small.reads();
    expect(ratio, `${small.reads()} reads for 8 domains, ${large.reads()} for 32`).toBeLessThanOrEqual(4.4);
  });

  it("gives every rule the verdict it gets evaluated on its own (sharing what rules derive changes nothing)", () => {
    const resources = domains(3);
    const card = buildScorecard(PLAN_RULES, resources);
    const alone = PLAN_RULES.map((rule) => evaluateRule(rule, resources));
    expect(card.checks.map((c) => c.status)).toEqual(alone.map((v) => v.status));
    expect(card.checks.map((c) => c.message)).toEqual(alone.map((v) => ("message" in v ? v.message : v.violations.map((x) => x.message).join("\n"))));
  });
});
