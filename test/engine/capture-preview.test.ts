import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanRule } from "../../policy/rule";
import { evaluateRule } from "../../policy/scorecard";
import { type OfflineRun, runOffline } from "../../engine/run";
import { FIXTURE_LIVE, FIXTURE_STACK, writeFixtureProject } from "./fixture-program";

describe("mock-engine capture in preview mode (as `pulumi preview`)", () => {
  const project = writeFixtureProject();
  let run: OfflineRun;
  beforeAll(async () => {
    run = await runOffline({ stack: FIXTURE_STACK, projectDir: project.dir, preview: true, live: FIXTURE_LIVE });
  });
  afterAll(() => project.cleanup());

  it("shows values computed at apply as unknown", () => {
    const follower = run.resources.find((r) => r.name === "follower");
    expect(follower?.displayInputs["content"]).toBe("[unknown]");
  });

  it("makes a rule that reads an unknown value 'cannot tell', never a pass", () => {
    const readsContent: PlanRule = {
      id: "dns.txt_normalised",
      evaluate: (resources) => {
        for (const r of resources) void String(r.inputs["content"]);
        return { status: "pass", message: "read everything", urns: [] };
      },
    };
    const verdict = evaluateRule(readsContent, run.resources);
    expect(verdict.status).toBe("cannot-tell");
    expect(verdict.status === "cannot-tell" && verdict.message).toMatch(/Cannot be decided before apply/);
  });
});
