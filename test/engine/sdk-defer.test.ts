import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFERRED_REQUIRES, loadOnFirstUse } from "../../engine/sdk-defer";
import { installedSdkVersion, PINNED_SDK_VERSION, sdkRequire } from "../../engine/sdk-pin";
import { PROJECT_DIR } from "../helpers/temp-dir";

const SDK_DIR = dirname(sdkRequire.resolve("@pulumi/pulumi/package.json"));

/** Loads the SDK in a fresh process (after the engine's deferral when `defer`), then runs `then`; prints JSON. */
function inFreshProcess(defer: boolean, then = ""): { loaded: string[]; result: unknown } {
  const script = [
    "require('tsx/cjs');",
    defer ? "require('./engine/sdk-early.ts');" : "",
    "const pulumi = require('@pulumi/pulumi');",
    `Promise.resolve((() => { ${then} })()).then((result) => {`,
    "  const loaded = Object.keys(require.cache).map((f) => f.replace(/.*node_modules\\//, ''));",
    "  process.stdout.write(JSON.stringify({ loaded, result: result === undefined ? null : result }));",
    "});",
  ].join("\n");
  const r = spawnSync(process.execPath, ["-e", script], { cwd: PROJECT_DIR, encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr.slice(0, 800)}`);
  const doc = JSON.parse(r.stdout) as { loaded: string[]; result: unknown };
  return doc;
}

const loads = (loaded: readonly string[], module: string): boolean => loaded.some((f) => f.startsWith(`${module}/`));

describe("modules the SDK loads but the offline engine never runs (engine/sdk-defer.ts)", () => {
  it("is written for the installed @pulumi/pulumi", () => {
    expect(installedSdkVersion()).toBe(PINNED_SDK_VERSION);
  });

  it.each(DEFERRED_REQUIRES)("$from still requires $request when it loads (else the deferral is stale)", ({ from, request }) => {
    const text = readFileSync(join(SDK_DIR, from), "utf8");
    // At the top level: the line starts at column 0, outside any function.
    expect(text).toMatch(new RegExp(`^const \\w+ = (__importStar\\(|__importDefault\\()?require\\("${request.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}"\\)\\)?;$`, "m"));
  });

  it("without the deferral, loading the SDK loads every one of them (so deferring them is worth it)", () => {
    const { loaded } = inFreshProcess(false);
    for (const d of ["typescript", "@npmcli/arborist", "normalize-package-data", "fdir", "@opentelemetry/api", "js-yaml"]) expect(loads(loaded, d), d).toBe(true);
    expect(loaded).toContain("@pulumi/pulumi/automation/index.js");
  });

  it("with it, loading the SDK loads none of them", () => {
    const { loaded } = inFreshProcess(true);
    for (const d of ["typescript", "@npmcli/arborist", "normalize-package-data", "fdir", "@opentelemetry/api", "js-yaml"]) expect(loads(loaded, d), d).toBe(false);
    expect(loaded).not.toContain("@pulumi/pulumi/automation/index.js");
  });

  it("packages a closure's dependencies as without the deferral (npm's Arborist, normalize-package-data)", () => {
    const then = "return pulumi.runtime.computeCodePaths({ extraIncludePackages: ['yaml'] }).then((paths) => [...paths.keys()].sort());";
    const deferred = inFreshProcess(true, then);
    expect(deferred.result).toEqual(inFreshProcess(false, then).result);
    expect(deferred.result).toEqual(expect.arrayContaining([expect.stringMatching(/node_modules\/yaml$/)]));
    for (const d of ["@npmcli/arborist", "normalize-package-data"]) expect(loads(deferred.loaded, d), d).toBe(true);
  }, 120_000);

  it("loads a deferred module the moment the SDK uses it: serializing a closure (TypeScript) and the automation API still work", () => {
    const { loaded, result } = inFreshProcess(
      true,
      "const answer = 42; return pulumi.runtime.serializeFunction(() => answer).then((f) => [typeof pulumi.automation.LocalWorkspace, f.text.includes('answer')]);",
    );
    expect(result).toEqual(["function", true]);
    expect(loads(loaded, "typescript")).toBe(true);
    expect(loaded).toContain("@pulumi/pulumi/automation/index.js");
  });

  it("hands over the real module's members, and loads it once, on first touch", () => {
    let loadsCount = 0;
    const m = loadOnFirstUse(() => {
      loadsCount++;
      return { answer: 42, f: (x: number) => x + 1 };
    });
    expect(loadsCount).toBe(0);
    expect(Reflect.get(m, "__esModule")).toBe(true);
    expect(Reflect.get(m, "answer")).toBe(42);
    expect((Reflect.get(m, "f") as (x: number) => number)(1)).toBe(2);
    expect(Object.keys(m)).toEqual(["answer", "f"]);
    expect(loadsCount).toBe(1);
  });

  it("hands over a module that is a function with its members, and as its own default, as TypeScript's import helpers do", () => {
    class Arborist {}
    const m = loadOnFirstUse(() => Object.assign(Arborist, { Arborist }));
    expect(Reflect.get(m, "Arborist")).toBe(Arborist);
    expect(Reflect.get(m, "default")).toBe(Arborist);
    const normalize = (data: { name?: string }): string => data.name ?? "";
    expect((Reflect.get(loadOnFirstUse(() => normalize), "default") as typeof normalize)({ name: "x" })).toBe("x");
    expect(Reflect.get(loadOnFirstUse(() => ({ __esModule: true, default: 7 })), "default")).toBe(7);
  });
});
