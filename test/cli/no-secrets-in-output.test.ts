/**
 * No output ever carries a secret: the preview (text and `--json`) of every stack in stacks/ and of stacks this
 * test writes (a `pulumi.secret` TXT value, a PEM key pasted into a TXT record, plaintext tokens), and the audit
 * in every format. Each planted secret is checked whole and as any 16-character fragment, and the whole output is
 * scanned for anything that still looks like a credential.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runAuditCommand, type OutputFormat } from "../../audit/run/command";
import type { AuditCheckModule, CheckResult } from "../../audit/types";
import { listStacks } from "../../config/stack-file";
import { defaultScanner, FRAGMENT_LENGTH } from "../../core/secrets";
import { CREDENTIALS, pemPrivateKey } from "../core/secrets/fixtures";
import { PROJECT_DIR, tempDir } from "../helpers/temp-dir";

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(PROJECT_DIR, "bin", "launch-ready.js"), ...args], { cwd: PROJECT_DIR, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The body of a secret (a PEM key without its armour lines), cut into every run of FRAGMENT_LENGTH characters. */
function fragmentsOf(secret: string): string[] {
  const body = secret.replace(/-----(BEGIN|END)[A-Z ]+-----/g, "").replace(/\s+/g, "");
  const out: string[] = [];
  for (let i = 0; i + FRAGMENT_LENGTH <= body.length; i++) out.push(body.slice(i, i + FRAGMENT_LENGTH));
  return out.length > 0 ? out : [body];
}

function expectNoneOf(output: string, secrets: readonly string[]): void {
  const flat = output.replace(/\\n|\s|"/g, "");
  for (const secret of secrets) {
    for (const f of fragmentsOf(secret)) {
      if (flat.includes(f)) throw new Error(`the output leaks a fragment of a planted secret (${f.length} characters at offset ${flat.indexOf(f)})`);
    }
  }
}

/** Nothing left in the output looks like a credential: the text as printed, and every string of a JSON document. */
function expectNothingCredentialLike(output: string, json: boolean): void {
  const texts = [output];
  if (json) {
    const walk = (v: unknown): void => {
      if (typeof v === "string") texts.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === "object" && v !== null) Object.values(v).forEach(walk);
    };
    walk(JSON.parse(output));
  }
  const found = defaultScanner(texts).flat();
  expect(found.map((f) => f.kind)).toEqual([]);
}

describe("the preview never prints a secret", () => {
  const stacks = tempDir("no-secrets");
  afterAll(() => stacks.cleanup());

  const pem = pemPrivateKey();
  const token = CREDENTIALS.cloudflareToken();
  const github = CREDENTIALS.githubToken();
  const legacyToken = "Zr8kP3mWq6TnB1vYx5LcH9dJf2GsA7eQo4uN0iRt";
  stacks.write(
    "Pulumi.leaky.yaml",
    [
      "config:",
      `  cloudflare:apiToken: ${legacyToken}`,
      "  launch-ready:domains:",
      "    - name: acme.example",
      "      dns:",
      "        records:",
      "          - name: key.acme.example",
      "            type: TXT",
      "            content: |",
      ...pem.trimEnd().split("\n").map((l) => `              ${l}`),
      "          - name: _ci.acme.example",
      "            type: TXT",
      `            content: "deploy-token ${token} github ${github}"`,
    ].join("\n") + "\n",
  );

  const committed = listStacks(join(PROJECT_DIR, "stacks"));
  it.each(committed.flatMap((s) => [[s, false] as const, [s, true] as const]))("committed stack %s (json: %s) shows no secure value and nothing credential-like", (stack, json) => {
    const r = cli("preview", "--stack", stack, ...(json ? ["--json"] : []));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/v1:[A-Za-z0-9+/=-]{4,}/);
    expectNothingCredentialLike(r.stdout, json);
  });

  it("a PEM key and tokens pasted into TXT records fail secrets.no_plaintext and are withheld in the JSON document", () => {
    const r = cli("preview", "--stack", "leaky", "--stacks-dir", stacks.dir, "--json");
    expect(r.status).toBe(1);
    expectNoneOf(r.stdout + r.stderr, [pem, token, github, legacyToken]);
    expectNothingCredentialLike(r.stdout, true);
    const doc = JSON.parse(r.stdout) as { checks: { id: string; status: string; message: string }[]; resources: { name: string; inputs: Record<string, unknown> }[] };
    const check = doc.checks.find((c) => c.id === "secrets.no_plaintext");
    expect(check?.status).toBe("fail");
    expect(check?.message).toContain("acme-example-dns-key-txt.content is planned as plaintext: private key (PEM) (value withheld)");
    expect(check?.message).toMatch(/acme-example-dns-_ci-txt\.content is planned as plaintext: .*Cloudflare API credential/);
    // A plaintext provider credential in the stack file is named by its key, never shown.
    expect(check?.message).toContain("cloudflare:apiToken (stack config)");
    expect(JSON.stringify(doc.resources.find((x) => x.name === "acme-example-dns-key-txt")?.inputs)).toContain("[withheld: private key (PEM)]");
  });

  it("a config error that quotes the rejected value withholds a credential pasted there", () => {
    stacks.write("Pulumi.misplaced.yaml", ["config:", "  launch-ready:domains:", "    - name: acme.example", "      dns:", "        records:", "          - name: api.acme.example", "            type: A", `            content: ${github}`, ""].join("\n"));
    const text = cli("preview", "--stack", "misplaced", "--stacks-dir", stacks.dir);
    const json = cli("preview", "--stack", "misplaced", "--stacks-dir", stacks.dir, "--json");
    expect(text.status).toBe(2);
    expect(text.stderr).toMatch(/records\[0\]\.content/);
    expectNoneOf(text.stdout + text.stderr + json.stdout + json.stderr, [github]);
  });

  it("the same stack's text report withholds them too", () => {
    const r = cli("preview", "--stack", "leaky", "--stacks-dir", stacks.dir);
    expect(r.status).toBe(1);
    expectNoneOf(r.stdout + r.stderr, [pem, token, github, legacyToken]);
    expectNothingCredentialLike(r.stdout, false);
    expect(r.stdout).toContain("[withheld: GitHub token]");
  });
});

const SECRET_PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import * as cloudflare from "@pulumi/cloudflare";
const cfg = new pulumi.Config("fixture");
// A TXT value the program marks secret, written unquoted so dns.txt_normalised fails and quotes it.
new cloudflare.DnsRecord("verify", { zoneId: "0123456789abcdef0123456789abcdef", name: "_verify.acme.example", type: "TXT", content: cfg.requireSecret("txt"), ttl: 1 });
pulumi.log.info("verification value is " + cfg.require("txt"));
export const txt = cfg.requireSecret("txt");
`;

describe("a pulumi.secret value stays [secret] everywhere", () => {
  const project = tempDir("secret-txt");
  afterAll(() => project.cleanup());
  project.write("Pulumi.yaml", "name: fixture\nruntime: nodejs\n");
  project.write("index.ts", SECRET_PROGRAM);
  const secret = "opaque-verification-value-8c1f2e9a7b3d5e7f9a1c";
  project.write("stacks/Pulumi.secret-txt.yaml", `config:\n  fixture:txt: ${secret}\n  launch-ready:domains:\n    - name: acme.example\n`);

  it.each([true, false])("in rule messages, logs and outputs (json: %s)", async (json) => {
    vi.resetModules();
    const { runPreview } = await import("../../cli/preview/run");
    let out = "";
    let err = "";
    const code = await runPreview({ stack: "secret-txt", json, mode: "preview", stacksDir: join(project.dir, "stacks"), projectDir: project.dir, out: (t) => void (out += t), err: (t) => void (err += t) });
    expect(err).toBe("");
    expect(code).toBe(1);
    expectNoneOf(out, [secret]);
    expect(out).toContain("[secret]");
    expect(out).toMatch(/verification value is \[secret\]/);
    if (json) {
      const doc = JSON.parse(out) as { checks: { id: string; status: string; message: string }[]; outputs: Record<string, unknown> };
      expect(doc.checks.find((c) => c.id === "dns.txt_normalised")).toMatchObject({ status: "fail", message: expect.stringContaining("'[secret]") });
      expect(doc.checks.find((c) => c.id === "secrets.no_plaintext")?.status).not.toBe("fail");
      expect(doc.outputs["txt"]).toBe("[secret]");
    }
  });
});

describe("the audit never prints a secret, in any format", () => {
  const pem = pemPrivateKey();
  const token = CREDENTIALS.githubToken();
  const apiKey = "k-2b7e151628aed2a6abf71589";
  const leaky: AuditCheckModule = {
    ids: ["spf.record", "spf.syntax"],
    run: async (): Promise<CheckResult[]> => [
      { id: "spf.record", status: "fail", summary: `acme.example TXT holds "${pem.slice(0, 120)}…"`, evidence: { txt: [pem, `v=spf1 -all ${token}`] }, remediation: "" },
      { id: "spf.syntax", status: "warn", summary: "headers seen", evidence: { headers: { "x-api-key": [apiKey], "access-control-allow-credentials": ["true"] } }, remediation: "" },
    ],
  };
  const crashing: AuditCheckModule = {
    ids: ["spf.lookups"],
    run: async () => {
      throw new Error(`upstream said: invalid token ${token}`);
    },
  };

  it.each<OutputFormat>(["human", "json", "sarif", "markdown"])("%s", async (format) => {
    let out = "";
    await runAuditCommand({
      targets: [{ name: "acme.example", display: "acme.example", orgDomain: "acme.example" }],
      format,
      failOn: "fail",
      resolvers: [{ ip: "127.0.0.1", port: 9, family: 4 }],
      connectTo: [],
      timeoutMs: 500,
      deadlineMs: 10_000,
      concurrency: 1,
      probes: new Set(),
      trustAnchors: [],
      modules: [leaky, crashing],
      stdout: (s) => void (out += s),
      stderr: () => undefined,
      stderrIsTty: false,
      toolVersion: "test",
    });
    expectNoneOf(out, [pem, token, apiKey]);
    expectNothingCredentialLike(out, format === "json" || format === "sarif");
    expect(out).toContain("[withheld: private key (PEM)]");
    expect(out).toContain("[withheld: GitHub token]");
    if (format === "json") expect(out).toContain("[withheld: value of x-api-key]");
  });
});
