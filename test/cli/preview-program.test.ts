/**
 * `launch-ready preview --program`: any Pulumi Node.js project, run offline, judged by the same checklist, whether
 * launch-ready's components made its resources or the program did by hand.
 */
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/temp-dir";
import { cli } from "./run-cli";

interface Doc {
  resources: { type: string; name: string }[];
  checks: { id: string; status: string; resources: string[] }[];
  scorecard: { title: string; status: string }[];
}

describe("launch-ready preview --program", () => {
  const scratch = tempDir("program-cli");
  afterAll(() => scratch.cleanup());

  it("previews the hand-written example program by default: its own resources and the components', with the scorecard", () => {
    const r = cli("preview", "--program", "--json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    const names = doc.resources.map((x) => `${x.type} ${x.name}`);
    expect(names).toContain("aws:lb/loadBalancer:LoadBalancer app");
    expect(names).toContain("cloudflare:index/dnsRecord:DnsRecord status");
    expect(names).toContain("launch-ready:index:Domain acme");
    expect(names).toContain("cloudflare:index/ruleset:Ruleset acme-redirects-entrypoint");
    expect(doc.checks.find((c) => c.id === "tls.ssl_strict")?.status).toBe("pass");
    expect(doc.scorecard.length).toBeGreaterThan(5);
  });

  it("judges resources the program made itself: a hand-written site with a TLS 1.0 setting fails tls.protocols, naming it", () => {
    const dir = `${scratch.dir}/weak-tls`;
    scratch.write("weak-tls/Pulumi.yaml", "name: weak-tls\nruntime: nodejs\n");
    scratch.write(
      "weak-tls/index.ts",
      `import * as cloudflare from "@pulumi/cloudflare";
const zoneId = "0123456789abcdef0123456789abcdef";
new cloudflare.DnsRecord("apex", { zoneId, name: "shop.example", type: "A", content: "203.0.113.10", ttl: 1, proxied: true });
new cloudflare.ZoneSetting("min-tls", { zoneId, settingId: "min_tls_version", value: "1.0" });
`,
    );
    const r = cli("preview", "--program", dir, "--json");
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as Doc;
    const check = doc.checks.find((c) => c.id === "tls.protocols");
    expect(check?.status).toBe("fail");
    expect(check?.resources).toContain("min-tls");
  });

  it.each([
    ["an exported async function (`export = async () => …`), which Pulumi calls", "async-function", "export = async () => {\n  BODY\n};\n"],
    ["an exported promise", "async-promise", "export = (async () => {\n  BODY\n})();\n"],
  ])("runs a program whose outputs are %s: its resources are judged and its outputs shown", (_, folder, shape) => {
    const dir = `${scratch.dir}/${folder}`;
    scratch.write(`${folder}/Pulumi.yaml`, "name: async-program\nruntime: nodejs\n");
    const body = `const cloudflare = await import("@pulumi/cloudflare");
  const zoneId = "0123456789abcdef0123456789abcdef";
  await new Promise((r) => setImmediate(r));
  new cloudflare.DnsRecord("apex", { zoneId, name: "shop.example", type: "A", content: "203.0.113.10", ttl: 1, proxied: true });
  new cloudflare.ZoneSetting("min-tls", { zoneId, settingId: "min_tls_version", value: "1.0" });
  return { answer: 42 };`;
    scratch.write(`${folder}/index.ts`, shape.replace("BODY", body));
    const r = cli("preview", "--program", dir, "--json");
    const doc = JSON.parse(r.stdout) as Doc & { outputs?: Record<string, unknown>; errors?: unknown };
    expect(doc.errors).toBeUndefined();
    expect(r.status).toBe(1);
    expect(doc.resources.map((x) => x.name)).toContain("min-tls");
    expect(doc.checks.find((c) => c.id === "tls.protocols")?.status).toBe("fail");
    expect(doc.outputs).toEqual({ answer: 42 });
  });

  it("stops a program that waits forever with the reason, exit 3: a zone the offline engine cannot know, a promise nothing resolves", () => {
    scratch.write("unknown-zone/Pulumi.yaml", "name: unknown-zone\nruntime: nodejs\n");
    scratch.write(
      "unknown-zone/index.ts",
      `import { Domain } from "launch-ready";
new Domain("acme", { name: "acme.example", cloudflare: { zoneId: "0123456789abcdef0123456789abcdef" }, web: { origin: "lb-0.eu-west-1.elb.amazonaws.com" } });
`,
    );
    const zone = cli("preview", "--program", `${scratch.dir}/unknown-zone`, "--json");
    expect(zone.status).toBe(3);
    expect(zone.stderr).not.toContain("internal error");
    const messages = (JSON.parse(zone.stdout) as { errors: { message: string }[] }).errors.map((e) => e.message);
    expect(messages[0]).toContain("does not know which zone 0123456789abcdef0123456789abcdef is");
    expect(messages[1]).toContain("never comes, because of the unanswered call above");
    expect(new Set(messages).size).toBe(messages.length);

    scratch.write("forever/Pulumi.yaml", "name: forever\nruntime: nodejs\n");
    scratch.write("forever/index.ts", "export = new Promise<void>(() => undefined);\n");
    const forever = cli("preview", "--program", `${scratch.dir}/forever`, "--json");
    expect(forever.status).toBe(3);
    expect((JSON.parse(forever.stdout) as { errors: { message: string }[] }).errors[0]?.message).toContain("a promise nothing resolves");
  });

  it("uses the program's only stack file, and holds its launch-ready: keys to the stack-file contract", () => {
    scratch.write("with-config/Pulumi.yaml", "name: with-config\nruntime: nodejs\n");
    scratch.write("with-config/index.ts", `export const ok = true;\n`);
    scratch.write("with-config/Pulumi.staging.yaml", "config:\n  launch-ready:domains:\n    - name: acme..example\n");
    const r = cli("preview", "--program", `${scratch.dir}/with-config`);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/launch-ready:domains\[0\]\.name: 'acme\.\.example' has an empty label/);
    scratch.write("with-config/Pulumi.prod.yaml", "config: {}\n");
    const several = cli("preview", "--program", `${scratch.dir}/with-config`);
    expect(several.status).toBe(2);
    expect(several.stderr).toMatch(/--stack: is needed: .* has several stacks \(prod, staging\)/);
    expect(cli("preview", "--program", `${scratch.dir}/with-config`, "--stack", "prod").status).toBe(0);
  });

  it("says what is wrong with a folder it cannot run, and exits 2", () => {
    scratch.write("python/Pulumi.yaml", "name: py\nruntime: python\n");
    const py = cli("preview", "--program", `${scratch.dir}/python`);
    expect(py.status).toBe(2);
    expect(py.stderr).toMatch(/runtime is "python", but the offline preview runs Node\.js programs/);
    const none = cli("preview", "--program", scratch.dir);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/has no Pulumi\.yaml: give the folder of a Pulumi project/);
    const neither = cli("preview");
    expect(neither.status).toBe(2);
    expect(neither.stderr).toMatch(/needs --stack <name> \(or --program <dir>\)/);
  });
});
