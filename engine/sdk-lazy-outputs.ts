/**
 * A lazy stand-in for the SDK's `transferProperties` (`runtime/rpc.js`), which gives a custom resource one Output per
 * property its type declares, each built from four promises and a dozen more the Output derives from them, before
 * the resource is even registered. A provider's resource declares every output of its schema (a Cloudflare
 * DnsRecord about twenty-five), and a program reads a few, so on a large stack these Outputs were most of the
 * offline engine's memory and garbage-collection time.
 *
 * The stand-in puts a getter in each place instead, and keeps what the registration resolves the property to: the
 * Output is built on first read, the same Output (same resources, value, known and secret flags, dependencies) the
 * SDK would have built, its promises settled as the SDK would have settled them. A failed registration builds every
 * Output before rejecting it, so the program sees the same rejections. On first read or write the getter is replaced
 * by a plain property, as the SDK's assignment makes.
 *
 * Pinned: this is `transferProperties` of @pulumi/pulumi `PINNED_SDK_VERSION`; `sdk-quiet.ts` installs it only for
 * that version, and `test/engine/sdk-lazy-outputs.test.ts` compares it with the SDK's own function.
 */
type Resolve = (value: unknown) => void;

/** The SDK's resolver for one property: what `resolveProperties` (`runtime/rpc.js`) calls after registration. */
export type PropertyResolver = (value: unknown, isKnown: boolean, isSecret: boolean, deps?: unknown[], err?: unknown) => void;

/** The Output class and the gRPC-error test, as the SDK's `rpc.js` uses them. */
export interface LazyOutputDeps {
  readonly Output: new (resources: unknown, promise: Promise<unknown>, isKnown: Promise<unknown>, isSecret: Promise<unknown>, allResources: Promise<unknown>) => object;
  readonly isGrpcError: (err: unknown) => boolean;
}

interface Settled {
  readonly ok: boolean;
  readonly values: readonly [unknown, unknown, unknown, unknown];
}

export function lazyTransferProperties(deps: LazyOutputDeps): (onto: object, label: string, props: Readonly<Record<string, unknown>>) => Record<string, PropertyResolver> {
  return (onto, label, props) => {
    const resolvers: Record<string, PropertyResolver> = {};
    for (const k of Object.keys(props)) {
      // "id" and "urn" are the SDK's own (prepareResource), as in the original.
      if (k === "id" || k === "urn") continue;
      if (Object.hasOwn(onto, k)) throw new Error(`Property '${k}' is already initialized on target '${label}`);
      let settled: Settled | undefined;
      let pending: { readonly resolve: readonly Resolve[]; readonly reject: readonly Resolve[] } | undefined;
      /** Builds the Output the SDK would have built; `place` puts it on the resource (not for an overwritten one). */
      const materialize = (place: boolean): object => {
        const resolve: Resolve[] = [];
        const reject: Resolve[] = [];
        const promise = (): Promise<unknown> =>
          new Promise((res, rej) => {
            resolve.push(res);
            reject.push(rej);
          });
        const output = new deps.Output(onto, promise(), promise(), promise(), promise());
        if (place) Object.defineProperty(onto, k, { value: output, writable: true, enumerable: true, configurable: true });
        const s = settled;
        if (s === undefined) pending = { resolve, reject };
        else s.values.forEach((v, i) => (s.ok ? resolve : reject)[i]?.(v));
        return output;
      };
      Object.defineProperty(onto, k, {
        get: () => materialize(true),
        set: (value: unknown) => Object.defineProperty(onto, k, { value, writable: true, enumerable: true, configurable: true }),
        enumerable: true,
        configurable: true,
      });
      resolvers[k] = (v, isKnown, isSecret, depsOf = [], err) => {
        if (err) {
          if (deps.isGrpcError(err)) return;
          settled = { ok: false, values: [err, err, err, err] };
          // The program sees every property's rejection, as with the SDK's eager Outputs (an overwritten one too).
          if (pending === undefined) materialize(isLazy(onto, k));
          else pending.reject.forEach((r) => r(err));
          return;
        }
        settled = { ok: true, values: [v, isKnown, isSecret, depsOf] };
        pending?.resolve.forEach((r, i) => r(settled?.values[i]));
      };
    }
    return resolvers;
  };
}

/** Whether `onto[k]` is still the getter (never read nor written). */
function isLazy(onto: object, k: string): boolean {
  return typeof Object.getOwnPropertyDescriptor(onto, k)?.get === "function";
}
