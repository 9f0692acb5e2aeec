/**
 * Defers two modules @pulumi/pulumi loads at start-up but the offline engine never runs: the TypeScript compiler
 * (`runtime/closure/parseFunction.js`, for serializing closures into dynamic providers) and npm's Arborist
 * (`runtime/closure/codePaths.js`, for packaging a closure's dependencies). Together they are about two thirds of
 * loading the SDK. Each is replaced by a stand-in that loads the real module the first time anything touches it,
 * so a program that does serialize a closure still works; it only pays then.
 *
 * Pinned: the requests and requiring files are those of @pulumi/pulumi `PINNED_SDK_VERSION`; with another version
 * installed nothing is deferred. `test/engine/sdk-defer.test.ts` fails when the SDK stops requiring them this way.
 * Must run before the SDK is first loaded (engine/run.ts imports it first).
 */
import Module from "node:module";
import { dirname, join } from "node:path";
import { sdkMismatch, sdkRequire } from "./sdk-pin";

/** Requiring file (relative to the SDK's folder) → the request it makes at load time that is deferred. */
export const DEFERRED_REQUIRES: readonly { readonly from: string; readonly request: string; readonly module: string }[] = [
  { from: "runtime/closure/parseFunction.js", request: "../../typescript-shim", module: "typescript" },
  { from: "runtime/closure/codePaths.js", request: "@npmcli/arborist", module: "@npmcli/arborist" },
  { from: "runtime/closure/codePaths.js", request: "normalize-package-data", module: "normalize-package-data" },
  { from: "runtime/closure/codePaths.js", request: "fdir", module: "fdir" },
  { from: "index.js", request: "./automation", module: "automation" },
  { from: "runtime/settings.js", request: "@opentelemetry/api", module: "@opentelemetry/api" },
  { from: "runtime/manifest.js", request: "js-yaml", module: "js-yaml" },
];

type Load = (this: unknown, request: string, parent: unknown, isMain: boolean) => unknown;

let installed: { readonly deferred: boolean; readonly reason?: string } | undefined;

/**
 * Installs the deferral once per process. Returns whether it is in place; when not, why (the SDK is another version,
 * or was loaded already so there is nothing left to defer).
 */
export function deferUnusedSdkModules(): { readonly deferred: boolean; readonly reason?: string } {
  if (installed !== undefined) return installed;
  const mismatch = sdkMismatch();
  if (mismatch !== undefined) return (installed = { deferred: false, reason: mismatch });
  const sdkDir = dirname(sdkRequire.resolve("@pulumi/pulumi/package.json"));
  const keys = new Map(DEFERRED_REQUIRES.map((d) => [`${join(sdkDir, d.from)}\u0000${d.request}`, d]));
  if ([...keys.values()].some((d) => Reflect.has(sdkRequire.cache, join(sdkDir, d.from)))) {
    return (installed = { deferred: false, reason: "the Pulumi SDK was loaded before the offline engine" });
  }
  const original: unknown = Reflect.get(Module, "_load");
  if (typeof original !== "function") return (installed = { deferred: false, reason: "node:module has no _load to hook" });
  const load = original as Load;
  const standIns = new Map<string, object>();
  const hooked: Load = function (this: unknown, request, parent, isMain) {
    const from: unknown = typeof parent === "object" && parent !== null ? Reflect.get(parent, "filename") : undefined;
    const key = typeof from === "string" ? `${from}\u0000${request}` : undefined;
    if (key === undefined || !keys.has(key)) return load.call(this, request, parent, isMain);
    let standIn = standIns.get(key);
    if (standIn === undefined) {
      standIn = loadOnFirstUse(() => load.call(this, request, parent, isMain));
      standIns.set(key, standIn);
    }
    return standIn;
  };
  Reflect.set(Module, "_load", hooked);
  return (installed = { deferred: true });
}

/**
 * A module object that loads the real one on first touch. It says it is an ES module so TypeScript's
 * `__importStar` and `__importDefault` hand it over as it is instead of copying (and so loading) every export up
 * front; so, as those helpers would for a CommonJS module, its `default` is the module itself. A module that is a
 * function (npm's Arborist is its own `Arborist` member; normalize-package-data is the function) keeps its members.
 */
export function loadOnFirstUse(load: () => unknown): object {
  let real: object | undefined;
  const target = (): object => {
    if (real === undefined) {
      const m = load();
      real = (typeof m === "object" && m !== null) || typeof m === "function" ? m : { default: m };
    }
    return real;
  };
  return new Proxy(
    {},
    {
      get: (_t, key) => {
        if (key === "__esModule") return true;
        const m = target();
        return key === "default" && Reflect.get(m, "__esModule") !== true ? m : Reflect.get(m, key);
      },
      has: (_t, key) => Reflect.has(target(), key),
      ownKeys: () => Reflect.ownKeys(target()),
      getOwnPropertyDescriptor: (_t, key) => {
        const d = Reflect.getOwnPropertyDescriptor(target(), key);
        return d === undefined ? undefined : { ...d, configurable: true };
      },
      set: (_t, key, value) => Reflect.set(target(), key, value),
    },
  );
}
