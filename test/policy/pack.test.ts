/**
 * The CrossGuard pack: `policy/index.ts` loads with `@pulumi/policy`, registers one stack policy per plan rule,
 * and, run over the captured graph of every stack in stacks/, reaches the same verdicts as the offline preview.
 * PolicyPack is replaced by a recorder: a real one starts a gRPC server and exits the process on a second instance.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { PolicyPackArgs, PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { unknownCheckingProxy } from "@pulumi/policy";
import { describe, expect, it, vi } from "vitest";
import { CHECKS } from "../../checklist";
import { readStackFile } from "../../config/stack-file";
import type { PlannedResource } from "../../policy/resource";
import { PROJECT_DIR } from "../helpers/temp-dir";

const recorded = vi.hoisted(() => ({ packs: [] as { name: string; args: unknown }[] }));

vi.mock("@pulumi/policy", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@pulumi/policy")>();
  class RecordingPolicyPack {
    constructor(name: string, args: unknown) {
      recorded.packs.push({ name, args });
    }
  }
  return { ...actual, PolicyPack: RecordingPolicyPack };
});

async function loadPack(): Promise<{ name: string; policies: StackValidationPolicy[] }> {
  recorded.packs.length = 0;
  await import("../../policy/index");
  expect(recorded.packs).toHaveLength(1);
  const { name, args } = recorded.packs[0]!;
  const policies = (args as PolicyPackArgs).policies.filter((p): p is StackValidationPolicy => "validateStack" in p);
  return { name, policies };
}

/** The shape CrossGuard hands a stack policy, inputs behind the same unknown-checking proxy. */
function asPolicyResource(r: PlannedResource, all: readonly PlannedResource[]): PolicyResource {
  const byUrn = new Map<string, PolicyResource>();
  const make = (x: PlannedResource): PolicyResource => {
    const cached = byUrn.get(x.urn);
    if (cached) return cached;
    const parent = x.parentUrn === undefined ? undefined : all.find((p) => p.urn === x.parentUrn);
    const res: PolicyResource = {
      type: x.type,
      name: x.name,
      urn: x.urn,
      props: unknownCheckingProxy(x.inputs) as Record<string, unknown>,
      opts: { protect: x.options.protect, ignoreChanges: [...x.options.ignoreChanges], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
      dependencies: [],
      propertyDependencies: Object.fromEntries(Object.entries(x.propertyDependencies).map(([k, urns]) => [k, urns.flatMap((u) => all.filter((a) => a.urn === u)).map(make)])),
      ...(parent ? { parent: make(parent) } : {}),
      isType: () => false,
      asType: () => undefined,
    };
    byUrn.set(x.urn, res);
    return res;
  };
  return make(r);
}

describe("the CrossGuard policy pack", () => {
  it("loads with @pulumi/policy and registers one policy per rule, named by checklist ID, with its severity", async () => {
    const { PLAN_RULES } = await import("../../policy/rules");
    const { name, policies } = await loadPack();
    expect(name).toBe("launch-ready");
    expect(policies.map((p) => p.name)).toEqual(PLAN_RULES.map((r) => r.id));
    for (const p of policies) {
      const def = CHECKS[p.name as keyof typeof CHECKS];
      expect(p.enforcementLevel).toBe(def.severity);
      expect(p.description).toContain(def.title);
    }
  });

  const stacks = readdirSync(join(PROJECT_DIR, "stacks"))
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined);

  it.each(stacks)("reaches the offline preview's verdicts on stack %s", async (stackName) => {
    vi.resetModules();
    const { runOffline } = await import("../../engine/run");
    const { buildScorecard } = await import("../../policy/scorecard");
    const { PLAN_RULES } = await import("../../policy/rules");
    const stack = readStackFile(join(PROJECT_DIR, "stacks"), stackName);
    const run = await runOffline({ stack, projectDir: PROJECT_DIR, preview: false });
    expect(run.errors).toEqual([]);
    const offline = buildScorecard(PLAN_RULES, run.resources);
    const { policies } = await loadPack();
    const resources = run.resources.map((r) => asPolicyResource(r, run.resources));
    for (const policy of policies) {
      const violations: { message: string; urn?: string }[] = [];
      let notApplicable: string | undefined;
      class NotApplicable extends Error {}
      try {
        await policy.validateStack(
          {
            resources,
            getConfig: <T>() => ({}) as T,
            stackTags: new Map(),
            notApplicable: (reason?: string): never => {
              notApplicable = reason ?? "";
              throw new NotApplicable();
            },
          },
          (message: string, urn?: string) => violations.push({ message, ...(urn !== undefined ? { urn } : {}) }),
        );
      } catch (e) {
        if (!(e instanceof NotApplicable)) throw e;
      }
      const expected = offline.checks.find((c) => c.id === policy.name);
      const status = violations.length > 0 ? "fail" : notApplicable !== undefined ? "not-applicable" : "pass";
      // The one allowed difference: a rule that needs what CrossGuard hides from policies (import ids,
      // retainOnDelete) says so and steps aside there; it must never pass or fail differently.
      const hidden = status === "not-applicable" && /CrossGuard/.test(notApplicable ?? "");
      // CrossGuard has no "info": a rule that informs reports nothing there, as a pass does.
      const want = expected?.status === "info" ? "pass" : expected?.status;
      if (!hidden) expect(status, `${policy.name}: ${JSON.stringify(violations)}`).toBe(want);
      if (expected?.status === "fail") expect(violations.map((v) => v.urn).filter((u) => u !== undefined).length).toBeGreaterThan(0);
    }
  });
});
