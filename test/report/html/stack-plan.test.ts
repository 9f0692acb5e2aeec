/**
 * The plan's column of a combined page: the offline preview of the stack, as `launch-ready preview` builds it (the
 * stack's acknowledgements included), or, when it cannot be built, a reason a reader can act on that never quotes a
 * credential.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { planOfStack } from "../../../report/html/stack-plan";
import { CREDENTIALS } from "../../core/secrets/fixtures";
import { PROJECT_DIR, tempDir } from "../../helpers/temp-dir";

describe("planOfStack", { timeout: 120_000 }, () => {
  const stacks = tempDir("stack-plan");
  afterAll(() => stacks.cleanup());
  const isoDay = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

  it("builds the preview's plan with the stack's acknowledgements: an acknowledged failure is reported and does not block", async () => {
    const example = readFileSync(join(PROJECT_DIR, "stacks", "Pulumi.example.yaml"), "utf8").replace("ssl: strict", "ssl: full");
    stacks.write("Pulumi.acked.yaml", `${example}\n  launch-ready:acknowledge:\n    - id: tls.ssl_strict\n      reason: "origin certificate ordered, ticket OPS-12"\n      until: ${isoDay(30)}\n`);
    vi.resetModules();
    const plan = await planOfStack({ stack: "acked", stacksDir: stacks.dir });
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.doc.stack).toBe("acked");
    expect(plan.doc.mode).toBe("preview");
    expect(plan.doc.checks.find((c) => c.id === "tls.ssl_strict")).toMatchObject({ status: "fail", acknowledgement: { reason: "origin certificate ordered, ticket OPS-12", until: isoDay(30), active: true } });
    expect(plan.doc.scorecard.find((r) => r.row === "ssl-tls")?.status).toBe("acknowledged");
    expect(plan.doc.blocked).toBe(false);
  });

  it("names a missing stack file and says how to see more", async () => {
    const plan = await planOfStack({ stack: "nope", stacksDir: stacks.dir });
    expect(plan).toEqual({ ok: false, reason: expect.stringMatching(/^The stack file \S*Pulumi\.nope\.yaml cannot be read \(--stack: no stack file for 'nope'.*\); run `launch-ready preview --stack nope` for details\.$/) });
  });

  it("names the field of a config error, and withholds a credential the error would quote", async () => {
    const github = CREDENTIALS.githubToken();
    stacks.write("Pulumi.misplaced.yaml", ["config:", "  launch-ready:domains:", "    - name: acme.example", "      dns:", "        records:", "          - name: api.acme.example", "            type: A", `            content: ${github}`, ""].join("\n"));
    const plan = await planOfStack({ stack: "misplaced", stacksDir: stacks.dir });
    if (plan.ok) throw new Error("a plan was built from an invalid config");
    expect(plan.reason).toMatch(/Pulumi\.misplaced\.yaml has 1 config error\(s\), so the plan was not built \(launch-ready:domains\[0\]\.dns\.records\[0\]\.content: /);
    expect(plan.reason).not.toContain(github);
    expect(plan.reason).not.toContain(github.slice(4, 20));
  });
});
