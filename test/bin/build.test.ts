import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleLambda, CERT_CHECK_LAMBDA, LAMBDA_SOURCES } from "../../components/lambda/code";
import { secretlintScanner } from "../../core/secrets";
import { CREDENTIALS } from "../core/secrets/fixtures";
import { PROJECT_DIR, tempDir } from "../helpers/temp-dir";

// Plain CommonJS, run by node before anything is compiled: loaded as the launcher loads it.
const { build } = require("../../bin/build.js") as { build(root: string, outdir: string): number };
const stamp = require("../../bin/build-stamp.js") as {
  STAMP: string;
  stampOf(root: string, files: string[]): unknown;
  staleReason(root: string, outdir: string): string | undefined;
  entryFor(root: string, env: Record<string, string | undefined>): { kind: "build"; main: string } | { kind: "sources"; note?: string };
};

describe("the compiled build (bin/build.js)", () => {
  const out = tempDir("build");
  beforeAll(() => {
    build(PROJECT_DIR, out.dir);
  }, 120_000);
  afterAll(() => out.cleanup());

  /** Runs the compiled CLI from `out` (no TypeScript loader) and reports what it loaded. */
  function compiled(...args: string[]): { status: number | null; stdout: string; loaded: string[] } {
    const script = `require(${JSON.stringify(join(out.dir, "cli", "main.js"))}).main(["node", "launch-ready", ...${JSON.stringify(args)}]).then((code) => {
      process.exitCode = code;
      process.stderr.write("\\nLOADED " + JSON.stringify(Object.keys(require.cache)) + "\\n");
    });`;
    const r = spawnSync(process.execPath, ["-e", script], { cwd: PROJECT_DIR, encoding: "utf8", timeout: 120_000, env: { ...process.env, VITEST: undefined } });
    const loaded = JSON.parse(/LOADED (.*)/.exec(r.stderr)?.[1] ?? "[]") as string[];
    return { status: r.status, stdout: r.stdout, loaded };
  }

  function sources(...args: string[]): { status: number | null; stdout: string } {
    const r = spawnSync(process.execPath, [join(PROJECT_DIR, "bin", "launch-ready.js"), ...args], { cwd: PROJECT_DIR, encoding: "utf8", timeout: 120_000, env: { ...process.env, LAUNCH_READY_SOURCES: "1" } });
    return { status: r.status, stdout: r.stdout };
  }

  it("previews the example stack exactly as the sources do, loading no TypeScript (neither tsx nor the SDK's compiler)", () => {
    const c = compiled("preview", "--stack", "example", "--json");
    const s = sources("preview", "--stack", "example", "--json");
    expect(c.status).toBe(s.status);
    expect(c.stdout).toBe(s.stdout);
    expect(c.loaded.some((f) => f.endsWith(join("dist", "index.js")) || f === join(out.dir, "index.js"))).toBe(true);
    expect(c.loaded.filter((f) => f.endsWith(".ts") || f.includes("node_modules/tsx/") || f.includes("node_modules/typescript/"))).toEqual([]);
  }, 180_000);

  it("previews without what a preview never runs: the bundler, the AWS SDK clients, the @pulumi/aws package index", () => {
    const c = compiled("preview", "--stack", "example", "--json");
    expect(c.status).toBe(0);
    const aws = join("node_modules", "@pulumi", "aws");
    expect(c.loaded.filter((f) => f.includes(join("node_modules", "esbuild")) || f.includes(join("node_modules", "@aws-sdk")) || f === join(PROJECT_DIR, aws, "index.js"))).toEqual([]);
    // The services the components use are loaded, each from its own module.
    expect(c.loaded).toContain(join(PROJECT_DIR, aws, "lambda", "index.js"));
  }, 180_000);

  it("carries each Lambda function's bundle, the very bytes the sources bundle", () => {
    for (const source of LAMBDA_SOURCES) expect(readFileSync(join(out.dir, source.bundle), "utf8")).toBe(bundleLambda(PROJECT_DIR, source));
  });

  it("says to rebuild, rather than planning a function without code, when a Lambda bundle is missing", () => {
    rmSync(join(out.dir, CERT_CHECK_LAMBDA.bundle));
    const script = `try { require(${JSON.stringify(join(out.dir, "components", "lambda", "code.js"))}).lambdaCode(${JSON.stringify(CERT_CHECK_LAMBDA)}) } catch (e) { process.stdout.write(e.message) }`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(r.stdout).toContain("cert-check-lambda.bundle.js is missing");
    expect(r.stdout).toContain("npm run build");
    writeFileSync(join(out.dir, CERT_CHECK_LAMBDA.bundle), bundleLambda(PROJECT_DIR, CERT_CHECK_LAMBDA));
  });

  it("carries the version and the project file, so the compiled code finds them beside itself", () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_DIR, "package.json"), "utf8")) as { version: string };
    expect(compiled("--version").stdout.trim()).toBe(pkg.version);
    expect(readFileSync(join(out.dir, "Pulumi.yaml"), "utf8")).toBe(readFileSync(join(PROJECT_DIR, "Pulumi.yaml"), "utf8"));
  }, 60_000);

  it("bundles an ESM-only dependency as CommonJS, which the code cache covers, and it finds what the package finds", () => {
    const compiledSecrets = join(out.dir, "core", "secrets", "secretlint.js");
    expect(readFileSync(compiledSecrets, "utf8")).not.toContain('require("@secretlint/secretlint-rule-preset-recommend")');
    const texts = [`const token = "${CREDENTIALS.githubToken()}";`, `slack = "${CREDENTIALS.slackToken()}"`, "nothing here"];
    const script = `const s = require(${JSON.stringify(compiledSecrets)}); process.stdout.write(JSON.stringify({ found: s.secretlintScanner(${JSON.stringify(texts)}), esm: Object.keys(require.cache).filter((f) => f.includes("@secretlint/secretlint-rule-preset-recommend")) }));`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    const got = JSON.parse(r.stdout) as { found: unknown; esm: string[] };
    expect(got.esm).toEqual([]);
    expect(got.found).toEqual(secretlintScanner(texts));
    expect((got.found as unknown[][]).map((f) => f.length > 0)).toEqual([true, true, false]);
    // The copy is as stale as its package: the build stamp covers the file it was bundled from.
    const stamped = Object.keys((JSON.parse(readFileSync(join(out.dir, stamp.STAMP), "utf8")) as { sources: object }).sources);
    expect(stamped).toContain("node_modules/@secretlint/secretlint-rule-preset-recommend/module/index.js");
  }, 60_000);

  it("is current right after it is built", () => {
    expect(stamp.staleReason(PROJECT_DIR, out.dir)).toBeUndefined();
  });

  it("refuses to replace anything but dist/, a folder under .tmp/ or one outside the project", () => {
    expect(() => build(PROJECT_DIR, PROJECT_DIR)).toThrow(/refusing to replace/);
    expect(() => build(PROJECT_DIR, join(PROJECT_DIR, "cli"))).toThrow(/refusing to replace/);
  });

  it("is what `npm ci` runs: the root package's prepare script builds", () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_DIR, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts["prepare"]).toBe("node bin/build.js");
  });
});

describe("the launcher never runs a stale build (bin/build-stamp.js)", () => {
  const root = tempDir("stale");
  const src = root.write("cli/main.ts", "export const x = 1;\n");
  const dist = join(root.dir, "dist");
  const stampNow = (): void => {
    root.write(`dist/${stamp.STAMP}`, JSON.stringify(stamp.stampOf(root.dir, [src])));
  };
  afterAll(() => root.cleanup());

  it("runs the build while every source it was built from is unchanged", () => {
    stampNow();
    expect(stamp.entryFor(root.dir, {})).toEqual({ kind: "build", main: join(dist, "cli", "main.js") });
  });

  it("runs the sources, saying why in one line, once a source changed", () => {
    stampNow();
    writeFileSync(src, "export const x = 2;\n");
    const entry = stamp.entryFor(root.dir, {});
    expect(entry.kind).toBe("sources");
    expect(entry.kind === "sources" && entry.note).toMatch(/^launch-ready: running the TypeScript sources \(slower start\): cli\/main\.ts changed since the last build; `npm run build` compiles them\n$/);
  });

  it("notices a change that keeps the size (the modification time moved)", () => {
    stampNow();
    utimesSync(src, new Date(), new Date(Date.now() + 5000));
    expect(stamp.staleReason(root.dir, dist)).toBe("cli/main.ts changed since the last build");
  });

  it("runs the sources when a source is gone or there is no build", () => {
    stampNow();
    rmSync(src);
    expect(stamp.staleReason(root.dir, dist)).toBe("cli/main.ts is gone since the last build");
    rmSync(dist, { recursive: true });
    expect(stamp.staleReason(root.dir, dist)).toBe("there is no build in dist/");
    root.write("cli/main.ts", "export const x = 1;\n");
  });

  it("runs the sources, silently, under the test runner or when asked", () => {
    stampNow();
    expect(stamp.entryFor(root.dir, { VITEST: "true" })).toEqual({ kind: "sources" });
    expect(stamp.entryFor(root.dir, { LAUNCH_READY_SOURCES: "1" })).toEqual({ kind: "sources" });
  });
});
