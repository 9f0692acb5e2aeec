import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";
import { afterEach, describe, expect, it } from "vitest";
import { installedSdkVersion, PINNED_SDK_VERSION, sdkRequire } from "../../engine/sdk-pin";
import { quietSdk } from "../../engine/sdk-quiet";

/** As a provider SDK declares a resource: the SDK reads the source position from the frame after this constructor. */
class Thing extends pulumi.CustomResource {
  constructor(name: string) {
    super("test:index:Thing", name, { value: "v" });
  }
}

/** What the SDK sends the monitor and tracks for one resource, registered under the mocks. */
async function registerOne(name: string): Promise<{ sourcePosition: unknown; leakTracked: number }> {
  await pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: () => ({}) }, "p", "s", true);
  const monitor: unknown = settings.getMonitor();
  let sourcePosition: unknown;
  const registerResource: unknown = typeof monitor === "object" && monitor !== null ? Reflect.get(monitor, "registerResource") : undefined;
  if (typeof registerResource !== "function") throw new Error("mock monitor without registerResource");
  Reflect.set(monitor as object, "registerResource", (req: { getSourceposition(): unknown }, cb: unknown) => {
    sourcePosition = req.getSourceposition();
    return Reflect.apply(registerResource, monitor, [req, cb]);
  });
  const state: unknown = sdkRequire("@pulumi/pulumi/runtime/state");
  const store: unknown = typeof state === "object" && state !== null ? Reflect.apply(Reflect.get(state, "getStore") as () => unknown, state, []) : undefined;
  const leaks = (): number => {
    const set: unknown = typeof store === "object" && store !== null ? Reflect.get(store, "leakCandidates") : undefined;
    return set instanceof Set ? set.size : -1;
  };
  const before = leaks();
  const res = new Thing(name);
  // Tracked promises are in the set until they settle: count them while the registration is in flight.
  const leakTracked = leaks() - before;
  await new Promise<void>((done) => res.urn.apply(() => done()));
  const wait: unknown = Reflect.get(settings, "waitForRPCs");
  if (typeof wait === "function") await (wait as () => Promise<void>)();
  return { sourcePosition, leakTracked };
}

describe("the offline engine's SDK patch (engine/sdk-quiet.ts)", () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it("is written for the installed @pulumi/pulumi: a new SDK version fails here until the patch points are re-read", () => {
    expect(installedSdkVersion()).toBe(PINNED_SDK_VERSION);
  });

  it("without it, the SDK captures each resource's source position and tracks its promises for leaks (what the patch removes)", async () => {
    const r = await registerOne("plain");
    expect(r.sourcePosition).toBeDefined();
    expect(r.leakTracked).toBeGreaterThan(0);
  });

  it("with it, the SDK sends no source position and tracks no promise, and the registration still completes", async () => {
    const quiet = quietSdk();
    restore = quiet.restore;
    expect(quiet.skipped).toBeUndefined();
    const r = await registerOne("quiet");
    expect(r.sourcePosition).toBeUndefined();
    expect(r.leakTracked).toBe(0);
  });

  it("puts every patched function back on restore", async () => {
    const debuggable: unknown = sdkRequire("@pulumi/pulumi/runtime/debuggable");
    const resource: unknown = Reflect.get(sdkRequire("@pulumi/pulumi/resource") as object, "Resource");
    const originals = [Reflect.get(debuggable as object, "debuggablePromise"), Reflect.get(resource as object, "callsites")];
    const quiet = quietSdk();
    expect([Reflect.get(debuggable as object, "debuggablePromise"), Reflect.get(resource as object, "callsites")]).not.toEqual(originals);
    quiet.restore();
    expect([Reflect.get(debuggable as object, "debuggablePromise"), Reflect.get(resource as object, "callsites")]).toEqual(originals);
    const r = await registerOne("restored");
    expect(r.sourcePosition).toBeDefined();
  });
});
