/**
 * Every runbook's placeholders and commands point at things that exist: stack outputs the program exports (no
 * dangling output names), `launch-ready` commands the CLI registers, AWS CLI operations of real APIs; and every
 * runbook fills in completely from a stack that has all the outputs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RUNBOOKS } from "../../../core/runbooks/catalog";
import { pathInShape, STACK_OUTPUTS } from "../../../core/runbooks/outputs";
import { fillRunbook, placeholdersOf } from "../../../core/runbooks/template";
import { PROJECT_DIR } from "../../helpers/temp-dir";
import { cli } from "../../cli/run-cli";
import { sampleOutputs } from "./sample-outputs";

const DIR = join(PROJECT_DIR, "runbooks");
const files = readdirSync(DIR).filter((f) => f.endsWith(".md")).sort();
const text = (f: string): string => readFileSync(join(DIR, f), "utf8");

/** Shell commands inside the runbooks' code blocks and inline code, one per line. */
function commandLines(md: string): string[] {
  const lines: string[] = [];
  let inBlock = false;
  for (const line of md.split("\n")) {
    if (/^\s*```/.test(line)) {
      inBlock = !inBlock;
      continue;
    }
    if (inBlock) lines.push(line.trim());
    for (const m of line.matchAll(/`([^`]+)`/g)) lines.push((m[1] ?? "").trim());
  }
  return lines;
}

/** AWS CLI services whose SDK client is installed: each operation must be a Command the client exports. */
const SDK: { readonly [service: string]: string } = {
  backup: "@aws-sdk/client-backup",
  secretsmanager: "@aws-sdk/client-secrets-manager",
  cloudwatch: "@aws-sdk/client-cloudwatch",
  sts: "@aws-sdk/client-sts",
};
/** Operations of services without an installed client, checked by hand against the AWS CLI reference. */
const OTHER_AWS_OPERATIONS = new Set(["acm describe-certificate", "elbv2 describe-target-health"]);

function pascal(op: string): string {
  return op.split("-").map((w) => (w[0] ?? "").toUpperCase() + w.slice(1)).join("");
}

describe("runbooks", () => {
  it("the catalog lists exactly the runbook files", () => {
    expect(RUNBOOKS.map((r) => `${r.name}.md`).sort()).toEqual(files);
  });

  it("the declared outputs are exactly what the program (index.ts) exports", () => {
    // The example stack has alerts, secrets and backups, so the program exports every output it can.
    const r = cli("preview", "--stack", "example", "--json");
    const outputs = (JSON.parse(r.stdout) as { outputs: Record<string, unknown> }).outputs;
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(STACK_OUTPUTS).sort());
  }, 60_000);

  for (const f of files) {
    describe(f, () => {
      it("every placeholder is well formed and names an output path that exists", () => {
        const { placeholders, errors } = placeholdersOf(text(f));
        expect(errors).toEqual([]);
        expect(placeholders.map((p) => ({ at: `${f}:${p.line} {{${p.expression}}}`, r: pathInShape(p.segments) })).filter((x) => !x.r.ok)).toEqual([]);
      });

      it("fills in completely from a stack with every output", () => {
        const r = fillRunbook(text(f), sampleOutputs());
        expect(r.ok ? "" : JSON.stringify(r)).toBe("");
        if (r.ok) expect(r.text).not.toMatch(/\{\{|\}\}/);
      });

      it("every `pulumi stack output <name>` names an exported output", () => {
        const names = commandLines(text(f)).flatMap((l) => [...l.matchAll(/pulumi stack output (?:--json )?([a-zA-Z]+)/g)].map((m) => m[1] ?? ""));
        expect(names.filter((n) => !(n in STACK_OUTPUTS))).toEqual([]);
      });

      it("every `aws <service> <operation>` is a real API operation", async () => {
        const ops = commandLines(text(f)).flatMap((l) => [...l.matchAll(/\baws ([a-z0-9]+) ([a-z][a-z0-9-]+)/g)].map((m) => ({ service: m[1] ?? "", op: m[2] ?? "" })));
        const missing: string[] = [];
        for (const { service, op } of ops) {
          const pkg = SDK[service];
          if (pkg !== undefined) {
            const mod: object = await import(pkg);
            if (!(`${pascal(op)}Command` in mod)) missing.push(`aws ${service} ${op}`);
          } else if (!OTHER_AWS_OPERATIONS.has(`${service} ${op}`)) missing.push(`aws ${service} ${op} (unknown service: add it to the checked list)`);
        }
        expect(missing).toEqual([]);
      });
    });
  }

  it("every `launch-ready <command>` a runbook names is a command the CLI registers", () => {
    const help = cli("--help");
    expect(help.status).toBe(0);
    const registered = new Set([...help.stdout.matchAll(/^\s{2}([a-z-]+)(?= |$)/gm)].map((m) => m[1]));
    expect(registered).toContain("runbook");
    expect(registered).toContain("restore");
    const used = new Set(files.flatMap((f) => commandLines(text(f)).flatMap((l) => [...l.matchAll(/\blaunch-ready ([a-z]+)/g)].map((m) => m[1] ?? ""))));
    expect([...used].filter((c) => !registered.has(c))).toEqual([]);
  });
});
