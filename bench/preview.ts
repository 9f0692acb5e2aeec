/**
 * Offline preview timings: the example stack and generated stacks of 10 and 50 domains, whole process, against
 * baselines measured in the same run (a bare `node`, and loading the Pulumi SDK alone).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { timeProcess, type Timing } from "./timing";

export function generatedStack(domains: number): string {
  const list = Array.from({ length: domains }, (_, i) => ({
    name: `tenant${i}.example`,
    web: { origin: `lb-${i}.eu-west-1.elb.amazonaws.com`, hosts: [{ name: `app.tenant${i}.example` }] },
    dns: { records: [{ name: `status.tenant${i}.example`, type: "CNAME", content: "status.example.net" }] },
  }));
  return stringify({ config: { "launch-ready:domains": list } });
}

/** The domain counts of the generated stacks: 200 ÷ 50 is the linearity figure. */
export const DOMAIN_COUNTS = [50, 200] as const;

export function benchPreview(projectDir: string, scratch: string, runs: number): Timing[] {
  const bin = join(projectDir, "bin", "launch-ready.js");
  const node = process.execPath;
  for (const n of DOMAIN_COUNTS) writeFileSync(join(scratch, `Pulumi.gen${n}.yaml`), generatedStack(n));
  return [
    timeProcess("baseline: node -e ''", [node, "-e", ""], runs, projectDir),
    timeProcess(BARE_REQUIRE, [node, "-e", "require('@pulumi/pulumi')"], runs, projectDir),
    timeProcess(EXAMPLE, [node, bin, "preview", "--stack", "example", "--json"], runs, projectDir, [0, 1], true),
    ...DOMAIN_COUNTS.map((n) => timeProcess(generatedLabel(n), [node, bin, "preview", "--stack", `gen${n}`, "--json", "--stacks-dir", scratch], runs, projectDir, [0, 1], true)),
  ];
}

export const BARE_REQUIRE = "baseline: require('@pulumi/pulumi')";
export const EXAMPLE = "preview example stack (1 domain)";
export const generatedLabel = (n: number): string => `preview generated stack, ${n} domains`;
