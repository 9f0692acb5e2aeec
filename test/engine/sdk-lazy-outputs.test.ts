import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { afterEach, describe, expect, it } from "vitest";
import { lazyTransferProperties, type LazyOutputDeps, type PropertyResolver } from "../../engine/sdk-lazy-outputs";
import { sdkRequire } from "../../engine/sdk-pin";
import { quietSdk } from "../../engine/sdk-quiet";

type Transfer = (onto: object, label: string, props: Readonly<Record<string, unknown>>) => Record<string, PropertyResolver>;

const rpc = sdkRequire("@pulumi/pulumi/runtime/rpc") as object;
const sdkTransfer = Reflect.get(rpc, "transferProperties") as Transfer;
const output = sdkRequire("@pulumi/pulumi/output") as object;
const errors = sdkRequire("@pulumi/pulumi/errors") as object;
const OutputClass = Reflect.get(output, "Output") as LazyOutputDeps["Output"];
let constructed = 0;
/** The SDK's Output, counting constructions. */
class CountedOutput extends OutputClass {
  constructor(...args: ConstructorParameters<LazyOutputDeps["Output"]>) {
    super(...args);
    constructed++;
  }
}
const lazy = lazyTransferProperties({ Output: CountedOutput, isGrpcError: (e) => Reflect.apply(Reflect.get(errors, "isGrpcError") as (e: unknown) => boolean, errors, [e]) });

/** Everything a program can observe of an Output. */
async function observe(o: unknown): Promise<unknown> {
  if (typeof o !== "object" || o === null) return { plain: o };
  const settle = async (p: unknown): Promise<unknown> => {
    try {
      return { ok: await p };
    } catch (e) {
      return { rejected: e instanceof Error ? e.message : String(e) };
    }
  };
  const fn = (k: string, ...args: unknown[]): unknown => Reflect.apply(Reflect.get(o, k) as (...a: unknown[]) => unknown, o, args);
  return {
    value: await settle(fn("promise", true)),
    known: await settle(Reflect.get(o, "isKnown")),
    secret: await settle(Reflect.get(o, "isSecret")),
    resources: [...(fn("resources") as Set<unknown>)].length,
    allResources: await settle(Promise.resolve(fn("allResources")).then((s) => [...(s as Set<{ tag?: string }>)].map((r) => r.tag ?? "?"))),
  };
}

const PROPS = { name: "www", content: undefined, ttl: 1, proxied: undefined, id: undefined, urn: undefined };
type Step = (resolvers: Record<string, PropertyResolver>) => void;
const dep = { tag: "dep" };
const resolveAll: Step = (r) => {
  r["name"]?.("www", true, false, [dep]);
  r["content"]?.("192.0.2.1", true, true);
  r["ttl"]?.(undefined, false, false);
  r["proxied"]?.(pulumi.unknown, true, false);
};
const failAll: Step = (r) => {
  for (const f of Object.values(r)) f(undefined, true, false, [], new Error("the API refused"));
};

/** Runs `transfer` on a fresh resource; `readEarly` reads the properties before they resolve. */
async function run(transfer: Transfer, step: Step, readEarly: boolean): Promise<{ keys: string[]; seen: unknown[]; unhandled: string[] }> {
  const unhandled: string[] = [];
  const onRejection = (reason: unknown): void => void unhandled.push(reason instanceof Error ? reason.message : String(reason));
  process.on("unhandledRejection", onRejection);
  try {
    const onto = { tag: "res" };
    const resolvers = transfer(onto, "resource:www[test:Thing]", PROPS);
    const early = readEarly ? ["name", "content", "ttl", "proxied"].map((k) => Reflect.get(onto, k)) : [];
    step(resolvers);
    const outputs = readEarly ? early : ["name", "content", "ttl", "proxied"].map((k) => Reflect.get(onto, k));
    const seen = await Promise.all(outputs.map(observe));
    await new Promise((r) => setTimeout(r, 20));
    return { keys: Object.keys(onto), seen, unhandled };
  } finally {
    process.off("unhandledRejection", onRejection);
  }
}

describe("lazy output properties (engine/sdk-lazy-outputs.ts)", () => {
  afterEach(() => {
    constructed = 0;
  });

  it("stands in for the SDK's transferProperties as pinned: a changed SDK function fails here until it is re-read", () => {
    const source = Function.prototype.toString.call(sdkTransfer);
    expect(createHash("sha256").update(source).digest("hex").slice(0, 16)).toBe("b3b1e2c206b5fca7");
  });

  it.each([
    ["read before the registration resolves them", resolveAll, true],
    ["read after the registration resolved them", resolveAll, false],
    ["read before a failed registration", failAll, true],
    ["read after a failed registration", failAll, false],
  ] as const)("gives a program the same Outputs as the SDK, %s", async (_what, step, readEarly) => {
    const theirs = await run(sdkTransfer, step, readEarly);
    const ours = await run(lazy, step, readEarly);
    expect(ours).toEqual(theirs);
    expect(ours.keys).toEqual(["tag", "name", "content", "ttl", "proxied"]);
  });

  it("a failed registration rejects every property, read or not, as the SDK's eager Outputs do", async () => {
    const unreadRejections = async (transfer: Transfer): Promise<string[]> => {
      const unhandled: string[] = [];
      const onRejection = (reason: unknown): void => void unhandled.push(reason instanceof Error ? reason.message : String(reason));
      process.on("unhandledRejection", onRejection);
      try {
        failAll(transfer({}, "resource:www[test:Thing]", PROPS));
        await new Promise((r) => setTimeout(r, 20));
        return unhandled;
      } finally {
        process.off("unhandledRejection", onRejection);
      }
    };
    const theirs = await unreadRejections(sdkTransfer);
    const ours = await unreadRejections(lazy);
    expect(theirs.length).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
  });

  it("builds no Output for a property nobody reads", () => {
    const onto = {};
    const resolvers = lazy(onto, "resource:www[test:Thing]", PROPS);
    resolveAll(resolvers);
    expect(constructed).toBe(0);
    void Reflect.get(onto, "name");
    void Reflect.get(onto, "name");
    expect(constructed).toBe(1);
  });

  it("refuses a property the resource already has, as the SDK does", () => {
    expect(() => lazy({ name: "taken" }, "resource:www[test:Thing]", PROPS)).toThrow("Property 'name' is already initialized on target 'resource:www[test:Thing]");
  });

  it("lets a program overwrite a property, as with the SDK's plain property", () => {
    const onto: Record<string, unknown> = {};
    lazy(onto, "l", PROPS);
    onto["name"] = "mine";
    expect(onto["name"]).toBe("mine");
    expect(Object.getOwnPropertyDescriptor(onto, "name")).toEqual({ value: "mine", writable: true, enumerable: true, configurable: true });
  });
});

describe("the offline engine's patch installs the lazy outputs (engine/sdk-quiet.ts)", () => {
  it("replaces transferProperties while quiet and puts the SDK's back on restore", () => {
    const quiet = quietSdk();
    try {
      expect(quiet.skipped).toBeUndefined();
      expect(Reflect.get(rpc, "transferProperties")).not.toBe(sdkTransfer);
    } finally {
      quiet.restore();
    }
    expect(Reflect.get(rpc, "transferProperties")).toBe(sdkTransfer);
  });
});
