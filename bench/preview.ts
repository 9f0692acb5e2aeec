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

export function benchPreview(projectDir: string, scratch: string, runs: number): Timing[] {
  const bin = join(projectDir, "bin", "launch-ready.js");
  const node = process.execPath;
  for (const n of [10, 50]) writeFileSync(join(scratch, `Pulumi.gen${n}.yaml`), generatedStack(n));
  return [
    timeProcess("baseline: node -e ''", [node, "-e", ""], runs, projectDir),
    timeProcess("baseline: require('@pulumi/pulumi')", [node, "-e", "require('@pulumi/pulumi')"], runs, projectDir),
    timeProcess("preview example stack (1 domain)", [node, bin, "preview", "--stack", "example", "--json"], runs, projectDir, [0, 1]),
    timeProcess("preview generated stack, 10 domains", [node, bin, "preview", "--stack", "gen10", "--json", "--stacks-dir", scratch], runs, projectDir, [0, 1]),
    timeProcess("preview generated stack, 50 domains", [node, bin, "preview", "--stack", "gen50", "--json", "--stacks-dir", scratch], runs, projectDir, [0, 1]),
  ];
}
