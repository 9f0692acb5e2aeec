/**
 * The combined run, `launch-ready audit <domains…> --stack S --html FILE`: the page puts the stack's plan (the offline
 * preview `launch-ready preview --stack S` gives) beside the live verdicts, per checklist ID. The plan costs the Pulumi
 * SDK, so it is built only for that page; and a plan that cannot be built never costs the user the audit.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AUDIT_JSON } from "../../audit/report/json-contract";
import { runAuditCommand, type AuditCommandOptions } from "../../audit/run/command";
import { parseTarget } from "../../audit/target";
import type { AuditCheckModule } from "../../audit/types";
import { SCORECARD_ROW_IDS } from "../../checklist";
import { PREVIEW_JSON } from "../../cli/preview/json-contract";
import { EXIT } from "../../cli/exit-codes";
import { PROJECT_DIR, tempDir } from "../helpers/temp-dir";

function run(args: readonly string[], script?: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const argv = script === undefined ? [join(PROJECT_DIR, "bin", "launch-ready.js"), ...args] : ["-e", script];
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { cwd: PROJECT_DIR, timeout: 120_000, env: { ...process.env, FORCE_COLOR: "0" } }, (err, stdout, stderr) => {
      resolve({ status: err === null ? 0 : typeof err.code === "number" ? err.code : -1, stdout, stderr });
    });
  });
}

/** Port 9 on loopback: nothing listens, so every lookup fails fast and nothing leaves the machine. */
const NOWHERE = ["--resolver", "127.0.0.1:9", "--timeout", "200", "--deadline", "20000"];

/** Per scorecard row, the status badge of each column, in column order, as the page's table has them. */
function scorecardBadges(html: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of html.matchAll(/<tr><th scope="row"><a href="#row-([^"]+)">.*?<\/tr>/g)) {
    out.set(m[1] ?? "", [...m[0].matchAll(/<td><span class="badge status-([a-z-]+)">/g)].map((b) => b[1] ?? ""));
  }
  return out;
}

describe("audit --stack S --html FILE", { timeout: 180_000 }, () => {
  const out = tempDir("html-combined");
  afterAll(() => out.cleanup());

  it("puts the stack's plan, as `preview --stack S` judges it, beside the live verdicts; stdout keeps its one document and the exit status stays the audit's", async () => {
    const file = join(out.dir, "combined.html");
    const [audit, preview] = await Promise.all([
      run(["audit", "acme.example", ...NOWHERE, "--json", "--stack", "example", "--html", file]),
      run(["preview", "--stack", "example", "--json"]),
    ]);
    // Nothing answered: every live check is an error, so the audit is incomplete (3), whatever the plan says.
    expect(audit.status, audit.stderr).toBe(EXIT.incomplete);
    expect(AUDIT_JSON.parse(JSON.parse(audit.stdout)).domains.map((d) => d.domain)).toEqual(["acme.example"]);
    expect(audit.stderr).not.toContain("without the plan");
    const html = readFileSync(file, "utf8");
    expect(html).toContain("<h1>Launch readiness of stack example</h1>");
    expect(html).toContain('<thead><tr><th scope="col">Checklist row</th><th scope="col">Before apply (plan)</th><th scope="col">Live: acme.example</th></tr></thead>');
    const plan = PREVIEW_JSON.parse(JSON.parse(preview.stdout));
    const badges = scorecardBadges(html);
    expect([...badges.keys()]).toEqual([...SCORECARD_ROW_IDS]);
    for (const row of plan.scorecard) {
      const [before, live] = badges.get(row.row) ?? [];
      expect(before, row.row).toBe(row.status);
      // A live check that could not decide is never shown as a pass.
      expect(live, row.row).not.toBe("pass");
    }
    // The plan's failing and warning checks are on the page with their fix, and no secret is.
    expect(html).toContain('<article class="check" id="check-dnssec.chain"');
    expect(html).not.toContain("offline-example-stand-in");
  });

  it("loads the Pulumi SDK only for that page: `audit --stack S` alone loads none", async () => {
    const loaded = (extra: string): string =>
      [
        "require('tsx/cjs');",
        `import('tsx/esm').then(() => require('./cli/main.ts').main(['node', 'launch-ready', 'audit', '--resolver', '127.0.0.1:9', '--timeout', '50', '--deadline', '300', '--json', '--stack', 'example'${extra}, 'acme.example']))`,
        ".then(() => { const k = Object.keys(require.cache); process.stderr.write('PULUMI=' + k.filter((x) => x.includes('@pulumi')).length + '\\n'); });",
      ].join("");
    const page = join(out.dir, "loaded.html");
    const [without, withHtml] = await Promise.all([run([], loaded("")), run([], loaded(`, '--html', ${JSON.stringify(page)}`))]);
    expect(without.stderr).toContain("PULUMI=0");
    // The same probe sees the SDK when the page needs the plan, so a zero above is a real zero.
    expect(withHtml.stderr).toMatch(/PULUMI=[1-9]/);
  });
});

describe("a combined page whose plan cannot be built", () => {
  const dir = tempDir("html-no-plan");
  afterAll(() => dir.cleanup());
  const failing: AuditCheckModule = { ids: ["hsts.max_age"], run: async (t) => [{ id: "hsts.max_age", status: "fail", summary: `${t.display}: max-age=300`, evidence: {}, remediation: "" }] };

  function options(over: Partial<AuditCommandOptions>, seen: { stdout: string; stderr: string }): AuditCommandOptions {
    return {
      targets: [parseTarget("acme.example")],
      format: "json",
      failOn: "fail",
      // Never asked: the fake module does no I/O; given so /etc/resolv.conf is not read.
      resolvers: [{ ip: "127.0.0.1", port: 9, family: 4 }],
      connectTo: [],
      timeoutMs: 100,
      deadlineMs: 5000,
      concurrency: 1,
      probes: new Set(),
      trustAnchors: [],
      modules: [failing],
      stdout: (s) => (seen.stdout += s),
      stderr: (s) => (seen.stderr += s),
      stderrIsTty: false,
      toolVersion: "test",
      ...over,
    };
  }

  it("still writes the live audit, says on the page and on stderr why the plan is missing, and keeps the audit's exit status", async () => {
    // A project whose Pulumi program throws: the offline preview reports a program error.
    dir.write("project/Pulumi.yaml", "name: broken\nruntime: nodejs\n");
    dir.write("project/index.ts", 'throw new Error("the program broke on purpose");\n');
    const example = readFileSync(join(PROJECT_DIR, "stacks", "Pulumi.example.yaml"), "utf8");
    dir.write("stacks/Pulumi.example.yaml", example);
    const file = join(dir.dir, "page.html");
    const seen = { stdout: "", stderr: "" };
    const code = await runAuditCommand(options({ html: file, planStack: { stack: "example", stacksDir: join(dir.dir, "stacks"), projectDir: join(dir.dir, "project") } }, seen));
    expect(code).toBe(EXIT.checkFailed);
    expect(AUDIT_JSON.parse(JSON.parse(seen.stdout)).domains[0]?.checks.map((c) => c.status)).toEqual(["fail"]);
    expect(seen.stderr).toMatch(/--html: the page shows the live audit without the plan of stack example: The Pulumi program failed for stack example .*the program broke on purpose/);
    const html = readFileSync(file, "utf8");
    expect(html).toContain("<h1>Launch readiness of stack example</h1>");
    expect(html).toMatch(/<li class="missing"><span class="badge status-error">.*<strong>Before apply \(plan\):<\/strong> not on this page\. The Pulumi program failed for stack example .*the program broke on purpose/);
    expect(html).toContain('<th scope="col">Live: acme.example</th>');
    expect(html).not.toContain('<th scope="col">Before apply (plan)</th>');
    expect(html).toContain("acme.example: max-age=300");
  });

  it("says so for a stack whose config is invalid, naming the file and the field, and the audit still passes", async () => {
    dir.write("bad/Pulumi.bad.yaml", "config:\n  launch-ready:domains:\n    - name: acme..example\n");
    const file = join(dir.dir, "bad.html");
    const seen = { stdout: "", stderr: "" };
    const passing: AuditCheckModule = { ids: ["caa.present"], run: async () => [{ id: "caa.present", status: "pass", summary: "CAA present", evidence: {}, remediation: "" }] };
    const code = await runAuditCommand(options({ modules: [passing], html: file, planStack: { stack: "bad", stacksDir: join(dir.dir, "bad") } }, seen));
    expect(code).toBe(EXIT.ok);
    const html = readFileSync(file, "utf8");
    expect(html).toMatch(/not on this page\. \S*Pulumi\.bad\.yaml has 1 config error\(s\), so the plan was not built \(launch-ready:domains\[0\]\.name: .*\); run `launch-ready preview --stack bad` to see them all\./);
    expect(html).toContain("Missing: Before apply (plan) (see the bottom line for why).");
  });
});
