/**
 * The CrossGuard pack as `pulumi preview --policy-pack policy` runs it: `policy/` is started in its own process by
 * `@pulumi/pulumi/cmd/run-policy-pack` (ts-node, as the CLI does), and the test plays the engine over the
 * `pulumirpc.Analyzer` gRPC service, sending the captured graph of every stack in stacks/ plus a failing variant.
 * One pack process serves every stack. No PolicyPack is ever constructed in this process.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type AnalyzeResponse, type AnalyzerInfo, EnforcementLevel, PolicyType } from "@pulumi/pulumi/proto/analyzer_pb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKS, type CheckId } from "../../checklist";
import { listStacks, readStackFile, type StackFile } from "../../config/stack-file";
import type { CapturedResource } from "../../engine/capture";
import { acknowledgedPolicyName, warnPolicyName } from "../../policy/crossguard";
import { PLAN_RULES } from "../../policy/rules";
import { buildScorecard, type PlanCheckResult, type Scorecard } from "../../policy/scorecard";
import { UNKNOWN } from "../../policy/unknowns";
import { isRunning, type PackProcess, startPack } from "../helpers/analyzer-pack";
import { analyzeStackRequest } from "../helpers/analyzer-resources";
import { PROJECT_DIR, tempDir } from "../helpers/temp-dir";
import { mapAt, readStack, runStack, STACKS_DIR, stackVariant } from "../stacks/support/run-stack";

const POLICY_DIR = join(PROJECT_DIR, "policy");
const PROJECT = "launch-ready";
// The CLI's launcher type-checks the pack with ts-node before it serves: minutes on a loaded 2-core machine.
const START_TIMEOUT = 300_000;
const FAILING = "example with HSTS max-age 300 (fails)";

const ZONE_SETTING = "cloudflare:index/zoneSetting:ZoneSetting";
const LEVEL = { mandatory: EnforcementLevel.MANDATORY, advisory: EnforcementLevel.ADVISORY } as const;

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** The companion `<id>/warn` exists exactly for mandatory IDs whose checklist entry declares a warn outcome. */
function hasWarnCompanion(id: CheckId): boolean {
  const def = CHECKS[id];
  return def.severity === "mandatory" && Object.values(def.outcomes ?? {}).some((o) => o.status === "warn");
}

interface PackVerdicts {
  /** Diagnostics by policy name. */
  readonly diagnostics: Map<string, { level: EnforcementLevel; message: string; urn: string }[]>;
  readonly notApplicable: Map<string, string>;
}

function verdictsOf(resp: AnalyzeResponse): PackVerdicts {
  const diagnostics = new Map<string, { level: EnforcementLevel; message: string; urn: string }[]>();
  for (const d of resp.getDiagnosticsList()) {
    const list = diagnostics.get(d.getPolicyname()) ?? [];
    list.push({ level: d.getEnforcementlevel(), message: d.getMessage(), urn: d.getUrn() });
    diagnostics.set(d.getPolicyname(), list);
  }
  const notApplicable = new Map(resp.getNotApplicableList().map((n) => [n.getPolicyName(), n.getReason()]));
  return { diagnostics, notApplicable };
}

/** The names of the resources diagnostics point at, as the scorecard lists them. */
function namesOf(urns: readonly string[], resources: readonly CapturedResource[]): string[] {
  const byUrn = new Map(resources.map((r) => [r.urn, r.name]));
  return urns.filter((u) => u !== "").map((u) => byUrn.get(u) ?? u).sort();
}

/**
 * What CrossGuard must show for one offline verdict. The one allowed difference: a rule that needs what CrossGuard
 * hides from policies (import ids, retainOnDelete) steps aside there, saying so; it never passes or fails differently.
 */
function expectSameVerdict(check: PlanCheckResult, pack: PackVerdicts, resources: readonly CapturedResource[]): void {
  const id = check.id;
  const def = CHECKS[id];
  const own = pack.diagnostics.get(id) ?? [];
  const warned = pack.diagnostics.get(warnPolicyName(id)) ?? [];
  const na = pack.notApplicable.get(id);
  const where = `${id} (offline: ${check.status}: ${check.message})`;
  if (na !== undefined && /CrossGuard/.test(na) && check.status !== "not-applicable") {
    expect(own, where).toEqual([]);
    return;
  }
  for (const d of [...own, ...warned]) {
    expect(d.message, `${where}: the remediation once`).toSatisfy((m: string) => occurrences(m, def.remediation) === 1);
    expect(occurrences(d.message, "Fix:"), `${where}: one Fix line`).toBe(1);
  }
  switch (check.status) {
    case "fail":
      expect(own.length, where).toBeGreaterThan(0);
      expect(own.map((d) => d.level), where).toEqual(own.map(() => LEVEL[def.severity]));
      expect(namesOf(own.map((d) => d.urn), resources), where).toEqual([...check.resources].sort());
      expect(warned, where).toEqual([]);
      expect(na, where).toBeUndefined();
      return;
    case "warn": {
      const carrier = def.severity === "mandatory" ? warned : own;
      expect(carrier.length, where).toBeGreaterThan(0);
      expect(carrier.map((d) => d.level), where).toEqual(carrier.map(() => EnforcementLevel.ADVISORY));
      if (def.severity === "mandatory") expect(own, where).toEqual([]);
      expect(na, where).toBeUndefined();
      return;
    }
    case "pass":
    case "info":
      expect([...own, ...warned], where).toEqual([]);
      expect(na, where).toBeUndefined();
      return;
    case "not-applicable":
      expect([...own, ...warned], where).toEqual([]);
      expect(na, where).toBe(check.message);
      return;
    case "cannot-tell":
      expect([...own, ...warned], where).toEqual([]);
      expect(na, where).toBe(`Cannot tell before apply: ${check.message}`);
      return;
  }
}

/** The committed stacks, plus two that acknowledge `ssl: full` (in date, and expired), for the pack to read. */
const scratch = tempDir("pack-stacks");
for (const f of readdirSync(STACKS_DIR).filter((n) => /^Pulumi\..+\.yaml$/.test(n))) scratch.write(f, readFileSync(join(STACKS_DIR, f), "utf8"));
const IN_DATE = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const sslFull = readFileSync(join(STACKS_DIR, "Pulumi.example.yaml"), "utf8").replace("ssl: strict", "ssl: full");
const acknowledging = (until: string): string =>
  `${sslFull}\n  launch-ready:acknowledge:\n    - id: tls.ssl_strict\n      reason: "origin certificate ordered, ticket OPS-12"\n      until: ${until}\n`;
scratch.write("Pulumi.acked.yaml", acknowledging(IN_DATE));
scratch.write("Pulumi.lapsed.yaml", acknowledging("2020-01-31"));

describe("the policy pack, run as `pulumi preview --policy-pack policy` runs it", () => {
  let pack: PackProcess;
  let info: AnalyzerInfo;
  let stopped = false;

  beforeAll(async () => {
    pack = await startPack(POLICY_DIR, { project: PROJECT, stack: "example", env: { LAUNCH_READY_STACKS_DIR: scratch.dir } });
    await pack.configureStack({ project: PROJECT, stack: "example", dryRun: true });
    info = await pack.getAnalyzerInfo();
    await pack.configureDefaults(info);
  }, START_TIMEOUT);

  afterAll(async () => {
    if (!stopped) await pack?.stop();
    scratch.cleanup();
  });

  it("starts from policy/ under the CLI's launcher and announces one stack policy per checklist ID, at its severity", () => {
    const version: unknown = JSON.parse(readFileSync(join(POLICY_DIR, "package.json"), "utf8")).version;
    expect(info.getName()).toBe("launch-ready");
    expect(info.getVersion()).toBe(version);
    const expected = PLAN_RULES.flatMap((r) => [
      r.id,
      ...(hasWarnCompanion(r.id) ? [warnPolicyName(r.id)] : []),
      ...(CHECKS[r.id].severity === "mandatory" ? [acknowledgedPolicyName(r.id)] : []),
    ]);
    const policies = info.getPoliciesList();
    expect(policies.map((p) => p.getName())).toEqual(expected);
    for (const p of policies) {
      const rule = PLAN_RULES.find((r) => r.id === p.getName() || warnPolicyName(r.id) === p.getName() || acknowledgedPolicyName(r.id) === p.getName());
      if (rule === undefined) throw new Error(`policy ${p.getName()} has no plan rule`);
      const def = CHECKS[rule.id];
      expect(p.getPolicyType()).toBe(PolicyType.POLICY_TYPE_STACK);
      expect(p.getEnforcementlevel(), p.getName()).toBe(p.getName() === rule.id ? LEVEL[def.severity] : EnforcementLevel.ADVISORY);
      expect(p.getDescription()).toContain(def.title);
      expect(p.getRemediationSteps()).toBe(def.remediation);
    }
  });

  const stacks = listStacks(STACKS_DIR);
  const failing = (): StackFile =>
    stackVariant("example", "hsts-300", (d) => {
      mapAt(d, 0, "web", "hsts")["maxAgeSeconds"] = 300;
    });
  /** A graph and the offline preview's scorecard of it. */
  type Case = () => Promise<{ resources: readonly CapturedResource[]; scorecard: Scorecard }>;
  const committed = (stack: () => StackFile): Case => async () => {
    const { run, scorecard } = await runStack(stack(), true);
    expect(run.errors).toEqual([]);
    return { resources: run.resources, scorecard };
  };
  // As in a first `pulumi preview` where the zone settings' values are computed: unknown until apply.
  const unknownSettings: Case = async () => {
    const { resources } = await committed(() => readStack("example"))();
    const unknown = resources.map((r) => (r.type === ZONE_SETTING ? { ...r, inputs: { ...r.inputs, value: UNKNOWN } } : r));
    const scorecard = buildScorecard(PLAN_RULES, unknown);
    expect(scorecard.checks.map((c) => c.status)).toContain("cannot-tell");
    return { resources: unknown, scorecard };
  };
  const cases: [string, Case][] = [
    ...stacks.map((s): [string, Case] => [s, committed(() => readStack(s))]),
    [FAILING, committed(failing)],
    // Between six months and a year: a mandatory ID's warning once the checklist declares one (advisory, never blocks).
    [
      "example with HSTS max-age 20000000 s",
      committed(() =>
        stackVariant("example", "hsts-20000000", (d) => {
          mapAt(d, 0, "web", "hsts")["maxAgeSeconds"] = 20_000_000;
        }),
      ),
    ],
    ["example with every zone setting unknown until apply (cannot tell)", unknownSettings],
  ];

  it("finds the committed stacks to serve", () => {
    expect(stacks).toEqual(expect.arrayContaining(["example", "www-canonical"]));
  });

  const seen = new Map<string, { scorecard: Scorecard; pack: PackVerdicts }>();

  it.each(cases)("on %s, reports what the offline preview's scorecard says, ID by ID", async (label, graph) => {
    const { resources, scorecard } = await graph();
    const pv = verdictsOf(await pack.analyzeStack(analyzeStackRequest(resources)));
    seen.set(label, { scorecard, pack: pv });
    const known = new Set(info.getPoliciesList().map((p) => p.getName()));
    for (const name of [...pv.diagnostics.keys(), ...pv.notApplicable.keys()]) expect(known, `unknown policy ${name}`).toContain(name);
    for (const check of scorecard.checks) expectSameVerdict(check, pv, resources);
    // The engine blocks the update on any mandatory diagnostic (step_generator: sawError), as the scorecard does.
    const mandatory = [...pv.diagnostics.values()].flat().some((d) => d.level === EnforcementLevel.MANDATORY);
    expect(mandatory, label).toBe(scorecard.blocked);
  });

  it("blocks the failing variant on hsts.max_age: one mandatory diagnostic on the offending resource, title, facts, then the fix once", () => {
    const failed = seen.get(FAILING);
    const offline = failed?.scorecard.checks.find((c) => c.id === "hsts.max_age");
    expect(offline?.status).toBe("fail");
    const def = CHECKS["hsts.max_age"];
    const [d, ...more] = failed?.pack.diagnostics.get("hsts.max_age") ?? [];
    expect(more).toEqual([]);
    expect(d?.level).toBe(EnforcementLevel.MANDATORY);
    expect(d?.urn.split("::").pop()).toBe(offline?.resources[0]);
    expect(d?.message.startsWith(`${def.title}. Why: ${def.why}\n`)).toBe(true);
    expect(d?.message).toMatch(/300/);
    expect(d?.message.endsWith(`\nFix: ${def.remediation}`)).toBe(true);
    expect(occurrences(d?.message ?? "", def.remediation)).toBe(1);
  });

  // Acknowledgements: the pack reads `launch-ready:acknowledge` from the stack file its URNs name (here the scratch
  // stacks folder this pack was started on, through LAUNCH_READY_STACKS_DIR), so a knowingly shipped `ssl: full`
  // shows on the advisory `<id>/acknowledged` policy with its reason and date, and blocks again once it has expired.
  const diagnosticsOf = async (stack: string): Promise<PackVerdicts> => {
    const { run } = await runStack(readStackFile(scratch.dir, stack), true);
    return verdictsOf(await pack.analyzeStack(analyzeStackRequest(run.resources)));
  };

  it("an acknowledged failure in date: advisory on tls.ssl_strict/acknowledged with the reason and date, nothing mandatory", async () => {
    const pv = await diagnosticsOf("acked");
    expect(pv.diagnostics.get("tls.ssl_strict")).toBeUndefined();
    const [d] = pv.diagnostics.get(acknowledgedPolicyName("tls.ssl_strict")) ?? [];
    expect(d).toMatchObject({ level: EnforcementLevel.ADVISORY, message: expect.stringContaining(`acknowledged until ${IN_DATE}: origin certificate ordered, ticket OPS-12`) });
    expect([...pv.diagnostics.values()].flat().some((x) => x.level === EnforcementLevel.MANDATORY)).toBe(false);
  });

  it("an expired acknowledgement: mandatory on tls.ssl_strict again, saying it expired", async () => {
    const pv = await diagnosticsOf("lapsed");
    const [d] = pv.diagnostics.get("tls.ssl_strict") ?? [];
    expect(d).toMatchObject({ level: EnforcementLevel.MANDATORY, message: expect.stringContaining("acknowledgement expired on 2020-01-31") });
    expect(pv.diagnostics.get(acknowledgedPolicyName("tls.ssl_strict"))).toBeUndefined();
  });

  it("exits when the CLI closes it, leaving no process behind", async () => {
    expect(isRunning(pack.pid), pack.output()).toBe(true);
    stopped = true;
    const exit = await pack.stop();
    expect(exit).toEqual({ code: null, signal: "SIGTERM" });
    expect(isRunning(pack.pid)).toBe(false);
  });
});

/**
 * How a warning travels: `@pulumi/policy` gives a policy one level, so a mandatory ID that can warn has an advisory
 * `<id>/warn` companion. No committed rule warns on these stacks, so a probe pack (written here, started by the same
 * launcher, built with the real `toStackPolicies`) gives one mandatory ID a warn outcome and warns on the first
 * resource, and gives another mandatory ID, one whose checklist entry declares no warn outcome, a rule that warns
 * when the stack has a resource named `warn-undeclared`.
 */
describe("a warning of a mandatory ID under CrossGuard", () => {
  const mandatory = PLAN_RULES.map((r) => r.id).filter((id) => CHECKS[id].severity === "mandatory");
  const declared = mandatory[0] ?? "hsts.max_age";
  const undeclared = mandatory.find((id) => !hasWarnCompanion(id) && id !== declared) ?? declared;
  let dir: ReturnType<typeof tempDir> | undefined;
  let pack: PackProcess;
  let info: AnalyzerInfo;
  let graph: readonly CapturedResource[];

  beforeAll(async () => {
    if (declared === undeclared) throw new Error("the probe needs two mandatory IDs, one of them declaring no warn outcome");
    dir = tempDir("warn-probe-pack");
    dir.write("PulumiPolicy.yaml", "runtime:\n  name: nodejs\n  options:\n    typescript: true\n");
    dir.write("package.json", JSON.stringify({ name: "warn-probe", version: "1.0.0", main: "index.ts" }));
    dir.write(
      "index.ts",
      `import { PolicyPack } from "@pulumi/policy";
import { CHECKS, type CheckDefinition } from "../../checklist";
import { toStackPolicies } from "../../policy/crossguard";
import { notApplicable, pass, type PlanRule, warnWith } from "../../policy/rule";

const base = CHECKS[${JSON.stringify(declared)}];
const def: CheckDefinition = { ...base, outcomes: { ...base.outcomes, probe: { status: "warn", when: "the probe says so" } } };
const warnsOnFirst: PlanRule = {
  id: ${JSON.stringify(declared)},
  evaluate: (resources) => {
    const first = resources[0];
    return first === undefined ? notApplicable("no resources") : warnWith([{ message: \`\${first.name} is planned\`, urn: first.urn }]);
  },
};
const warnsUndeclared: PlanRule = {
  id: ${JSON.stringify(undeclared)},
  evaluate: (resources) => {
    const odd = resources.filter((r) => r.name === "warn-undeclared");
    return odd.length > 0 ? warnWith(odd.map((r) => ({ message: "odd", urn: r.urn }))) : pass("nothing odd");
  },
};
new PolicyPack("warn-probe", { policies: [...toStackPolicies(warnsOnFirst, def), ...toStackPolicies(warnsUndeclared)] });
`,
    );
    const [started, example] = await Promise.all([startPack(dir.dir, { project: PROJECT, stack: "example" }), runStack(readStack("example"), true)]);
    pack = started;
    graph = example.run.resources;
    await pack.configureStack({ project: PROJECT, stack: "example", dryRun: true });
    info = await pack.getAnalyzerInfo();
    await pack.configureDefaults(info);
  }, START_TIMEOUT);

  afterAll(async () => {
    await pack?.stop();
    dir?.cleanup();
  });

  it("is reported on the advisory <id>/warn policy, never at the mandatory level, with the fix once", async () => {
    expect(info.getPoliciesList().map((p) => [p.getName(), p.getEnforcementlevel()])).toEqual([
      [declared, EnforcementLevel.MANDATORY],
      [`${declared}/warn`, EnforcementLevel.ADVISORY],
      [`${declared}/acknowledged`, EnforcementLevel.ADVISORY],
      [undeclared, EnforcementLevel.MANDATORY],
      [`${undeclared}/acknowledged`, EnforcementLevel.ADVISORY],
    ]);
    const resp = await pack.analyzeStack(analyzeStackRequest(graph));
    const diagnostics = resp.getDiagnosticsList().map((d) => ({ policy: d.getPolicyname(), level: d.getEnforcementlevel(), urn: d.getUrn(), message: d.getMessage() }));
    const first = graph[0];
    const def = CHECKS[declared];
    expect(diagnostics).toEqual([{ policy: `${declared}/warn`, level: EnforcementLevel.ADVISORY, urn: first?.urn, message: expect.stringContaining(`${first?.name} is planned\nFix: ${def.remediation}`) }]);
    expect(occurrences(diagnostics[0]?.message ?? "", def.remediation)).toBe(1);
    // Nothing blocks: the engine stops an update only on a mandatory diagnostic.
    expect(diagnostics.some((d) => d.level === EnforcementLevel.MANDATORY)).toBe(false);
    expect(resp.getNotApplicableList().map((n) => n.getPolicyName())).toEqual([]);
  });

  it("fails the analysis, naming the ID, when the ID declares no warn outcome (rather than block or pass)", async () => {
    const [first] = graph;
    if (first === undefined) throw new Error("the example stack captured no resource");
    const odd: CapturedResource = { ...first, name: "warn-undeclared", urn: `${first.urn}-odd` };
    await expect(pack.analyzeStack(analyzeStackRequest([...graph, odd]))).rejects.toThrow(new RegExp(`${undeclared}.*declares no "warn" outcome`));
    // The pack still serves afterwards.
    expect((await pack.analyzeStack(analyzeStackRequest(graph))).getDiagnosticsList()).toHaveLength(1);
  });
});
