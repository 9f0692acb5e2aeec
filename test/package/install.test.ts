/**
 * The package as a user gets it: `npm pack`, laid out in a scratch project's node_modules the way npm installs it
 * (the package under node_modules/launch-ready, its dependencies beside it), then a program of the user's own that
 * imports it by name is type-checked and previewed by the installed CLI. The scratch project is outside this
 * repository, so nothing resolves to the sources by accident.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPack } from "../helpers/analyzer-pack";
import { PROJECT_DIR } from "../helpers/temp-dir";

const { staleReason } = require("../../bin/build-stamp.js") as { staleReason(root: string, outdir: string): string | undefined };

/**
 * A user's program, and (REFUSED) the type-level contract of the public API: every line marked `@ts-expect-error`
 * must fail to compile (TypeScript reports an unused directive otherwise), every other line must compile.
 */
const PROGRAM = `import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { Domain, type DomainArgs, validateDomainArgs, ZoneSettings } from "launch-ready";

const config = new pulumi.Config();
const zone = cloudflare.getZoneOutput({ filter: { name: "shop.example" } });
// Values from other resources go where a value may come from one: the zone id and the origins.
const args: DomainArgs = { name: "shop.example", cloudflare: { zoneId: zone.zoneId }, web: { origin: config.get("origin") ?? "203.0.113.7", caa: { acm: false } } };
const shop = new Domain("shop", args, { protect: false });
export const nameServers: pulumi.Output<string[]> = shop.nameServers;
export const settings: ZoneSettings | undefined = shop.zoneSettings;
export const problems: number = validateDomainArgs({ name: "shop.example" }).errors.length;
`;

const REFUSED = `
// @ts-expect-error an SSL mode Cloudflare does not have
new Domain("e1", { name: "shop.example", web: { ssl: "fulll" } });
// @ts-expect-error the zone is named by a string, not a number
new Domain("e2", { name: 42 });
// @ts-expect-error no domain without a name
new Domain("e3", { web: { origin: "203.0.113.7" } });
// @ts-expect-error redirectTo is fixed before apply: redirect rules are planned from it
new Domain("e4", { name: "shop.example", web: { redirectTo: pulumi.output("https://acme.example") } });
// @ts-expect-error a misspelt option
new Domain("e5", { name: "shop.example", web: { hsts: { maxAge: 31536000 } } });
// @ts-expect-error the spec is the component's reading of its args, not something to set
shop.spec = shop.spec;
`;

function compile(dir: string, moduleResolution: ts.ModuleResolutionKind, module: ts.ModuleKind): string[] {
  const program = ts.createProgram([join(dir, "typed.ts")], { strict: true, noEmit: true, module, moduleResolution, target: ts.ScriptTarget.ES2022, types: ["node"], typeRoots: [join(dir, "node_modules", "@types")], skipLibCheck: true });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("launch-ready installed from its package into a program of one's own", () => {
  let scratch: string;
  beforeAll(() => {
    const why = staleReason(PROJECT_DIR, join(PROJECT_DIR, "dist"));
    if (why !== undefined) throw new Error(`the package is packed from dist/, which is not current (${why}): run \`npm run build\``);
    scratch = mkdtempSync(join(tmpdir(), "launch-ready-user-"));
    const packed = execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", scratch, "--json"], { cwd: PROJECT_DIR, encoding: "utf8" });
    const tarball = join(scratch, (JSON.parse(packed) as { filename: string }[])[0]?.filename ?? "");
    const installed = join(scratch, "node_modules", "launch-ready");
    mkdirSync(installed, { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
    // Its dependencies beside it, as npm hoists them (and @types/node, which any TypeScript program has).
    const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    for (const dep of [...Object.keys(pkg.dependencies), "@types/node"]) {
      const link = join(scratch, "node_modules", dep);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(PROJECT_DIR, "node_modules", dep), link, "dir");
    }
    writeFileSync(join(scratch, "Pulumi.yaml"), "name: shop\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n");
    writeFileSync(join(scratch, "index.ts"), PROGRAM);
    writeFileSync(join(scratch, "typed.ts"), `${PROGRAM}${REFUSED}`);
  }, 120_000);
  afterAll(() => {
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  });

  it("ships the build, its type declarations and the runbooks, and no TypeScript sources", () => {
    const files = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--ignore-scripts", "--json"], { cwd: PROJECT_DIR, encoding: "utf8" })) as { files: { path: string }[] }[];
    const paths = files[0]?.files.map((f) => f.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(["dist/lib/index.js", "dist/lib/index.d.ts", "dist/cli/main.js", "bin/launch-ready.js", "runbooks/dnssec.md"]));
    expect(paths.filter((p) => p.endsWith(".ts") && !p.endsWith(".d.ts") && !p.startsWith("examples/"))).toEqual([]);
  });

  it("type-checks `import { Domain } from \"launch-ready\"` under both Node resolutions TypeScript offers, refusing exactly the marked lines", () => {
    expect(compile(scratch, ts.ModuleResolutionKind.Node10, ts.ModuleKind.CommonJS)).toEqual([]);
    expect(compile(scratch, ts.ModuleResolutionKind.Node16, ts.ModuleKind.Node16)).toEqual([]);
  }, 300_000);

  it("the marked lines are what fails: without the directives, each is an error", () => {
    const unmarked = `${PROGRAM}${REFUSED}`.replace(/\/\/ @ts-expect-error.*\n/g, "");
    writeFileSync(join(scratch, "check.ts"), unmarked);
    const program = ts.createProgram([join(scratch, "check.ts")], { strict: true, noEmit: true, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, types: ["node"], typeRoots: [join(scratch, "node_modules", "@types")], skipLibCheck: true });
    const lines = new Set(ts.getPreEmitDiagnostics(program).flatMap((d) => (d.file !== undefined && d.start !== undefined ? [d.file.getLineAndCharacterOfPosition(d.start).line] : [])));
    const expected = unmarked.split("\n").flatMap((l, i) => (/^new Domain\("e\d|^shop\.spec =/.test(l) ? [i] : []));
    expect([...lines].sort((a, b) => a - b)).toEqual(expected);
  }, 300_000);

  it("previews the user's program with the installed CLI: planned resources and the scorecard", () => {
    // Not under the test runner's marker (VITEST), which asks for the sources: as a user runs it.
    const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries({ ...process.env, FORCE_COLOR: "0" }).filter(([k]) => k !== "VITEST"));
    const r = spawnSync(process.execPath, [join(scratch, "node_modules", "launch-ready", "bin", "launch-ready.js"), "preview", "--program", scratch, "--json"], { cwd: scratch, encoding: "utf8", env, timeout: 90_000 });
    expect(r.stderr).toBe("");
    const doc = JSON.parse(r.stdout) as { resources: { type: string; name: string }[]; scorecard: unknown[] };
    expect(doc.resources.map((x) => `${x.type} ${x.name}`)).toEqual(expect.arrayContaining(["launch-ready:index:Domain shop", "cloudflare:index/zoneDnssec:ZoneDnssec shop-dnssec-zone"]));
    expect(doc.scorecard.length).toBeGreaterThan(5);
    expect([0, 1]).toContain(r.status);
  }, 120_000);

  it("ships the policy pack compiled: the Pulumi CLI's launcher serves it from the installed package, no TypeScript loader", async () => {
    const pack = await startPack(join(scratch, "node_modules", "launch-ready", "dist", "policy"), { project: "shop", stack: "dev", typescript: false, startTimeoutMs: 60_000 });
    try {
      const info = await pack.getAnalyzerInfo();
      const names = info.getPoliciesList().map((p) => p.getName());
      expect(names).toEqual(expect.arrayContaining(["tls.protocols", "caa.issuer_match", "secrets.no_plaintext"]));
    } finally {
      await pack.stop();
    }
  }, 120_000);
});
