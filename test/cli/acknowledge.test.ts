/**
 * `launch-ready:acknowledge` as a user meets it: a team that knowingly runs `ssl: full` ships with the failure in
 * plain sight, its reason and end date printed, and the launch gate open until the date passes.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_DIR, tempDir } from "../helpers/temp-dir";

function preview(stacksDir: string, stack: string, ...more: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(PROJECT_DIR, "bin", "launch-ready.js"), "preview", "--stack", stack, "--stacks-dir", stacksDir, ...more], { cwd: PROJECT_DIR, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const example = readFileSync(join(PROJECT_DIR, "stacks", "Pulumi.example.yaml"), "utf8");
const withSslFull = example.replace("ssl: strict", "ssl: full");
const isoDay = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const acknowledging = (until: string): string =>
  `${withSslFull}\n  launch-ready:acknowledge:\n    - id: tls.ssl_strict\n      reason: "origin certificate ordered, ticket OPS-12"\n      until: ${until}\n`;

describe("preview with acknowledgements", () => {
  const dir = tempDir("ack-stacks");
  afterAll(() => dir.cleanup());
  dir.write("Pulumi.full.yaml", withSslFull);
  dir.write("Pulumi.acked.yaml", acknowledging(isoDay(30)));
  dir.write("Pulumi.expired.yaml", acknowledging(isoDay(-1)));

  it("blocks the launch on ssl: full when nothing acknowledges it", () => {
    expect(preview(dir.dir, "full").status).toBe(1);
  });

  it("shows an acknowledged failure with its reason and expiry and lets the launch through", () => {
    const r = preview(dir.dir, "acked");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/✗ FAIL\s+tls\.ssl_strict/);
    expect(r.stdout).toContain(`acknowledged until ${isoDay(30)}: origin certificate ordered, ticket OPS-12 (does not block)`);
    expect(r.stdout).toMatch(/~ acknowledged\s+SSL\/TLS/);
    const doc = JSON.parse(preview(dir.dir, "acked", "--json").stdout) as { checks: { id: string; status: string; acknowledgement?: { active: boolean } }[]; blocked: boolean };
    expect(doc.checks.find((c) => c.id === "tls.ssl_strict")).toMatchObject({ status: "fail", acknowledgement: { active: true } });
    expect(doc.blocked).toBe(false);
  });

  it("blocks again once the acknowledgement has expired, and says so", () => {
    const r = preview(dir.dir, "expired");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/acknowledgement expired on \d{4}-\d{2}-\d{2}/);
    expect(r.stdout).toMatch(/launch-ready:acknowledge\[0\]\.until: expired on/);
  });
});
