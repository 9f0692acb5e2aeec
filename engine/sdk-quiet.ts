/**
 * Switches off, while the offline engine runs the program, the SDK's debugging aids that cost per resource and per
 * promise, and that nothing offline ever shows:
 * - source positions: `Resource.callsites()` renders a stack trace of unlimited depth for every resource it
 *   constructs (`resource.js`, to send the engine a `sourcePosition`). Answered with no callsites, the SDK sends
 *   none, as it does when a frame has no position.
 * - promise-leak tracking: `debuggablePromise` (`runtime/debuggable.js`) renders a stack trace onto every promise
 *   the SDK makes (several per resource and per output), and chains each into a set it reports from at exit. The
 *   preview waits for every registration itself (`capture.ts`); the stand-in hands the promise back as it is.
 * - eager output properties: `transferProperties` (`runtime/rpc.js`) builds an Output per declared property of every
 *   custom resource before registering it; the stand-in (`sdk-lazy-outputs.ts`) builds each on first read.
 * There is no documented switch for either (`PULUMI_DEBUG_PROMISE_LEAKS` only adds output), so these are patch
 * points of @pulumi/pulumi `PINNED_SDK_VERSION`, left alone for any other version; `test/engine/sdk-quiet.test.ts`
 * pins what they do.
 */
import { type LazyOutputDeps, lazyTransferProperties } from "./sdk-lazy-outputs";
import { sdkMismatch, sdkRequire } from "./sdk-pin";

/** Undoes the patch. */
export type Restore = () => void;

interface PatchPoint {
  readonly owner: object;
  readonly key: string;
  readonly replacement: (...args: never[]) => unknown;
}

function patchPoints(): PatchPoint[] | string {
  const debuggable: unknown = sdkRequire("@pulumi/pulumi/runtime/debuggable");
  const resourceModule: unknown = sdkRequire("@pulumi/pulumi/resource");
  const resource: unknown = typeof resourceModule === "object" && resourceModule !== null ? Reflect.get(resourceModule, "Resource") : undefined;
  if (typeof debuggable !== "object" || debuggable === null || typeof Reflect.get(debuggable, "debuggablePromise") !== "function") {
    return "runtime/debuggable.js has no debuggablePromise";
  }
  if (typeof resource !== "function" || typeof Reflect.get(resource, "callsites") !== "function") return "resource.js has no Resource.callsites";
  const rpc: unknown = sdkRequire("@pulumi/pulumi/runtime/rpc");
  if (typeof rpc !== "object" || rpc === null || typeof Reflect.get(rpc, "transferProperties") !== "function") return "runtime/rpc.js has no transferProperties";
  const outputDeps = lazyOutputDeps();
  if (typeof outputDeps === "string") return outputDeps;
  return [
    { owner: rpc, key: "transferProperties", replacement: lazyTransferProperties(outputDeps) },
    { owner: debuggable, key: "debuggablePromise", replacement: <T>(p: Promise<T>): Promise<T> => p },
    { owner: resource, key: "callsites", replacement: (): never[] => [] },
  ];
}

function lazyOutputDeps(): LazyOutputDeps | string {
  const output: unknown = sdkRequire("@pulumi/pulumi/output");
  const errors: unknown = sdkRequire("@pulumi/pulumi/errors");
  const Output: unknown = typeof output === "object" && output !== null ? Reflect.get(output, "Output") : undefined;
  const isGrpcError: unknown = typeof errors === "object" && errors !== null ? Reflect.get(errors, "isGrpcError") : undefined;
  if (typeof Output !== "function") return "output.js has no Output";
  if (typeof isGrpcError !== "function") return "errors.js has no isGrpcError";
  return {
    Output: Output as LazyOutputDeps["Output"],
    isGrpcError: (err) => isGrpcError(err) === true,
  };
}

/**
 * Applies the patch until the returned function is called. `{ restore, skipped }`: `skipped` says why nothing was
 * patched (another SDK version, or an SDK whose patch points moved).
 */
export function quietSdk(): { readonly restore: Restore; readonly skipped?: string } {
  const mismatch = sdkMismatch();
  if (mismatch !== undefined) return { restore: () => undefined, skipped: mismatch };
  const points = patchPoints();
  if (typeof points === "string") return { restore: () => undefined, skipped: `the offline engine's speed-ups are off: ${points}; see engine/sdk-quiet.ts` };
  const saved = points.map((p) => ({ ...p, original: Reflect.get(p.owner, p.key) as unknown }));
  for (const p of points) Reflect.set(p.owner, p.key, p.replacement);
  return {
    restore: () => {
      for (const s of saved) Reflect.set(s.owner, s.key, s.original);
    },
  };
}
