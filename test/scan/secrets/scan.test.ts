/**
 * `launch-ready scan secrets` over a repository the test builds: credentials committed and removed later, on another
 * branch only, in the working tree (a local edit and an untracked file), in an ignored file, under the ignore list,
 * in a binary. Each is found (or deliberately not) at the right file, line and commit, and no output format carries
 * any planted value or any 16-character piece of one.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../../cli/exit-codes";
import { codeScanner } from "../../../core/secrets";
import { runScanSecretsCommand, type ScanFormat } from "../../../scan/secrets/command";
import { scanRepository, type RepoFinding } from "../../../scan/secrets/scan";
import { CREDENTIALS, pemPrivateKey } from "../../core/secrets/fixtures";
import { cli, ERROR_DOCUMENT } from "../../cli/run-cli";
import { PROJECT_DIR } from "../../helpers/temp-dir";

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout.trim();
}

function write(root: string, rel: string, text: string | Buffer): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

/** Every 16-character run of a value (and the value itself): none may appear in an output. */
function expectNoValue(output: string, values: readonly string[]): void {
  const flat = output.replace(/\\n|\s/g, "");
  for (const v of values) {
    const body = v.replace(/-----(BEGIN|END)[A-Z ]+-----/g, "").replace(/\s+/g, "");
    if (flat.includes(body)) throw new Error(`the output holds a planted value whole (${body.length} characters)`);
    for (let i = 0; i + 16 <= body.length; i++) {
      if (flat.includes(body.slice(i, i + 16))) throw new Error(`the output holds a 16-character piece of a planted value at offset ${i}`);
    }
  }
}

async function run(repo: string, format: ScanFormat): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runScanSecretsCommand({ repo, format, toolVersion: "0.0.0-test", stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const planted = {
  removed: CREDENTIALS.awsAccessKeyId(),
  branch: CREDENTIALS.githubToken(),
  merged: CREDENTIALS.stripeKey(),
  edited: CREDENTIALS.slackToken(),
  untracked: pemPrivateKey(),
  gitignored: CREDENTIALS.githubToken(),
  listed: CREDENTIALS.cloudflareToken(),
  binary: CREDENTIALS.githubToken(),
};
const ALL_VALUES = Object.values(planted);

let root: string;
let repo: string;
const commits: Record<string, { sha: string; date: string }> = {};

function commit(name: string, message: string): void {
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", message);
  commits[name] = { sha: git(repo, "rev-parse", "HEAD"), date: git(repo, "show", "-s", "--format=%cI", "HEAD") };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "lr-scan-"));
  repo = join(root, "repo");
  mkdirSync(repo);
  git(repo, "init", "-q", "-b", "main");
  // Local to the test repository only, never global.
  git(repo, "config", "user.name", "Scan Test");
  git(repo, "config", "user.email", "scan-test@example.invalid");
  git(repo, "config", "commit.gpgsign", "false");
  write(repo, "README.md", "# demo\n");
  write(repo, ".gitignore", ".env\n");
  write(repo, ".launch-ready-scan-ignore", "# fake credentials for tests\nfixtures/\n");
  write(repo, "app/settings.py", "DEBUG = False\nREGION = 'eu-west-1'\n");
  commit("init", "init");
  // Committed, then removed in the next commit: still in the history.
  write(repo, "config/prod.env", `REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${planted.removed}\n`);
  write(repo, "fixtures/token.txt", `${planted.listed}\n`);
  write(repo, "assets/blob.bin", Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(planted.binary)]));
  commit("added", "add prod config");
  rmSync(join(repo, "config/prod.env"));
  commit("removed", "remove prod config");
  // Only on another branch.
  git(repo, "checkout", "-q", "-b", "feature");
  write(repo, "src/deploy.ts", `export const token = "${planted.branch}";\n`);
  commit("branch", "deploy script");
  git(repo, "checkout", "-q", "main");
  // Only on a branch that was merged and then deleted after the key was removed again: reachable through main.
  git(repo, "checkout", "-q", "-b", "billing");
  write(repo, "billing/key.ts", `// billing\nexport const key = "${planted.merged}";\n`);
  commit("merged", "billing key");
  rmSync(join(repo, "billing/key.ts"));
  commit("unmerged", "drop billing key");
  git(repo, "checkout", "-q", "main");
  git(repo, "merge", "-q", "--no-ff", "--no-edit", "billing");
  git(repo, "branch", "-q", "-D", "billing");
  // The working tree: a local edit, an untracked file, and a file git ignores.
  write(repo, "app/settings.py", `DEBUG = False\nREGION = 'eu-west-1'\nSLACK = '${planted.edited}'\n`);
  write(repo, "notes/deploy-key.pem", planted.untracked);
  write(repo, ".env", `GITHUB_TOKEN=${planted.gitignored}\n`);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("scan secrets over a repository's history and working tree", () => {
  let findings: readonly RepoFinding[] = [];
  beforeAll(async () => {
    findings = (await scanRepository({ repo })).findings;
  });

  const at = (path: string): RepoFinding[] => findings.filter((f) => f.location.path === path);

  it("finds a credential removed in a later commit, at the commit that added it", () => {
    const [f, ...more] = at("config/prod.env");
    expect(more).toEqual([]);
    expect(f?.rule).toBe("@secretlint/secretlint-rule-aws/AWSAccessKeyID");
    expect(f?.line).toBe(2);
    expect(f?.location).toEqual({ kind: "commit", commit: commits.added?.sha, date: commits.added?.date, path: "config/prod.env" });
  });

  it("finds a credential that only another branch holds", () => {
    expect(at("src/deploy.ts").map((f) => [f.rule, f.line, f.location.kind === "commit" ? f.location.commit : ""])).toEqual([
      ["@secretlint/secretlint-rule-github/GITHUB_TOKEN", 1, commits.branch?.sha],
    ]);
  });

  it("finds a credential from a deleted branch that was merged, at its own commit", () => {
    expect(at("billing/key.ts").map((f) => [f.rule, f.line, f.location.kind === "commit" ? f.location.commit : ""])).toEqual([["launch-ready/stripe-key", 2, commits.merged?.sha]]);
  });

  it("finds credentials in the working tree: a local edit and an untracked file", () => {
    expect(at("app/settings.py").map((f) => [f.rule, f.line, f.location])).toEqual([
      ["@secretlint/secretlint-rule-slack/SLACK_TOKEN", 3, { kind: "working-tree", path: "app/settings.py", tracked: true }],
    ]);
    const pem = at("notes/deploy-key.pem");
    expect(pem.length).toBe(1);
    expect(pem[0]?.location).toEqual({ kind: "working-tree", path: "notes/deploy-key.pem", tracked: false });
    expect(pem[0]?.kind).toBe("private key (PEM)");
  });

  it("reports nothing else: ignored files, the ignore list and binaries are not findings", () => {
    expect(new Set(findings.map((f) => f.location.path))).toEqual(new Set(["config/prod.env", "src/deploy.ts", "billing/key.ts", "app/settings.py", "notes/deploy-key.pem"]));
  });

  it("counts what it did not report: findings under the ignore list, binary files", async () => {
    const r = await scanRepository({ repo });
    expect(r.ignored).toEqual({ file: ".launch-ready-scan-ignore", patterns: ["fixtures/"], findings: 1 });
    expect(r.skipped.binary).toBe(1);
    expect(r.skipped.listed).toEqual([{ where: "history", path: "assets/blob.bin", reason: "binary", bytes: 4 + planted.binary.length }]);
  });

  it("counts files over the size limit instead of scanning them", async () => {
    const r = await scanRepository({ repo, maxFileBytes: 60 });
    expect(r.skipped.tooLarge).toBeGreaterThan(0);
    expect(r.skipped.listed.some((s) => s.reason === "too large" && s.path === "notes/deploy-key.pem" && s.where === "working tree")).toBe(true);
    expect(r.findings.some((f) => f.location.path === "notes/deploy-key.pem")).toBe(false);
  });

  it.each(["human", "json", "sarif", "markdown"] as const)("exits 1 and never prints a value (%s)", async (format) => {
    const { code, out, err } = await run(repo, format);
    expect(code).toBe(EXIT.checkFailed);
    expectNoValue(out + err, ALL_VALUES);
    expect(codeScanner([out + err])[0]).toEqual([]);
    // Every finding is named with its file and the runbook.
    for (const file of ["config/prod.env", "src/deploy.ts", "billing/key.ts", "app/settings.py", "notes/deploy-key.pem"]) expect(out).toContain(file);
    expect(out).toContain("runbooks/secret-rotation.md");
    if (format === "human" || format === "markdown") expect(out).toContain((commits.added?.sha ?? "").slice(0, 12));
  });

  it("names the commit, date, rule and runbook in JSON and the file and line in SARIF", async () => {
    const doc: unknown = JSON.parse((await run(repo, "json")).out);
    expect(doc).toMatchObject({ command: "scan secrets", id: "secrets.repo_scan", status: "fail", outcome: "found" });
    expect(doc).toHaveProperty("findings", expect.arrayContaining([
      { rule: "@secretlint/secretlint-rule-aws/AWSAccessKeyID", kind: "AWS access key ID", file: "config/prod.env", line: 2, runbook: "runbooks/secret-rotation.md", where: "history", commit: commits.added?.sha, date: commits.added?.date },
    ]));
    const sarif: unknown = JSON.parse((await run(repo, "sarif")).out);
    expect(sarif).toMatchObject({ version: "2.1.0", runs: [{ tool: { driver: { rules: [{ id: "secrets.repo_scan" }] } } }] });
    expect(JSON.stringify(sarif)).toContain('"artifactLocation":{"uri":"config/prod.env","uriBaseId":"%SRCROOT%"},"region":{"startLine":2}');
  });
});

describe("scan secrets: clean, incomplete and invalid input", () => {
  it("exits 0 on a clean repository, saying what it scanned", async () => {
    const clean = join(root, "clean");
    mkdirSync(clean);
    git(clean, "init", "-q", "-b", "main");
    git(clean, "config", "user.name", "Scan Test");
    git(clean, "config", "user.email", "scan-test@example.invalid");
    write(clean, "index.js", "console.log('hello');\n");
    git(clean, "add", "-A");
    git(clean, "commit", "-q", "-m", "hello");
    const { code, out } = await run(clean, "human");
    expect(code).toBe(EXIT.ok);
    expect(out).toContain("PASS secrets.repo_scan");
    expect(out).toContain("1 commit(s)");
  });

  it("exits 3 on a shallow clone it cannot vouch for, and says how to fetch the history", async () => {
    const shallow = join(root, "shallow");
    git(root, "clone", "-q", "--depth", "1", "--no-local", `file://${repo}`, shallow);
    // The shallow tip holds no reported credential: the ones in the cut history must not be taken as absent.
    const { code, out } = await run(shallow, "human");
    if (code === EXIT.checkFailed) throw new Error(`the shallow tip should be clean:\n${out}`);
    expect(code).toBe(EXIT.incomplete);
    expect(out).toContain("git fetch --unshallow");
  });

  it("exits 2 naming the folder when it is not a git repository, with one JSON error document", async () => {
    const plain = join(root, "plain");
    mkdirSync(plain);
    const { code, out, err } = await run(plain, "json");
    expect(code).toBe(EXIT.invalidInput);
    expect(err).toContain(plain);
    expect(ERROR_DOCUMENT.parse(JSON.parse(out))).toMatchObject({ command: "scan", exitCode: 2, errors: [{ path: "--repo" }] });
    expect((await run(join(root, "missing"), "human")).code).toBe(EXIT.invalidInput);
  });

  it("runs as `launch-ready scan secrets` from the command line", () => {
    const r = cli("scan", "secrets", "--repo", repo, "--markdown");
    expect(r.status).toBe(EXIT.checkFailed);
    expect(r.stdout).toContain("## launch-ready scan secrets");
    expectNoValue(r.stdout + r.stderr, ALL_VALUES);
    const bad = cli("scan", "secrets", "--repo", join(root, "plain"), "--json");
    expect(bad.status).toBe(EXIT.invalidInput);
    expect(ERROR_DOCUMENT.parse(JSON.parse(bad.stdout)).command).toBe("scan");
    const both = cli("scan", "secrets", "--json", "--sarif");
    expect(both.status).toBe(EXIT.invalidInput);
  });
});

describe("scan secrets loads no Pulumi", () => {
  it("scans without requiring any @pulumi module", () => {
    // The same loaders as bin/launch-ready.js; secretlint being listed proves the cache shows what the scan loaded.
    const script = [
      "require('tsx/cjs');",
      `import('tsx/esm').then(() => require('./cli/main.ts').main(['node', 'launch-ready', 'scan', 'secrets', '--repo', ${JSON.stringify(repo)}, '--json']))`,
      ".then(() => { const k = Object.keys(require.cache); process.stderr.write('PULUMI=' + k.filter((x) => x.includes('@pulumi')).length + ' SECRETLINT=' + k.filter((x) => x.includes('@secretlint')).length + '\\n'); });",
    ].join("");
    const r = spawnSync(process.execPath, ["-e", script], { cwd: PROJECT_DIR, encoding: "utf8", timeout: 60_000 });
    expect(r.stderr).toMatch(/SECRETLINT=[1-9]/);
    expect(r.stderr).toContain("PULUMI=0");
  });
});

describe("scan secrets over this repository", () => {
  it("finds no credential in launch-ready's own history and working tree (test credentials are built at run time)", async () => {
    const r = await scanRepository({ repo: PROJECT_DIR });
    expect(r.findings.map((f) => `${f.location.path}:${f.line} ${f.rule}`)).toEqual([]);
    expect(r.blobsScanned).toBeGreaterThan(100);
  });
});
