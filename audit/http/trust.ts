/**
 * TLS contexts for the audit's connections. `--ca` adds a private CA to Node's roots: building a context with
 * every root costs milliseconds of CPU, so one context per (CA, protocol bounds, ciphers) serves the whole run
 * instead of one per connection (measured: 40 lab domains, 16.8 s → 2.0 s).
 *
 * Each context starts from Node's own root store, which Node parses once per process and shares between contexts,
 * and gets the private CA added to its copy of it, as NODE_EXTRA_CA_CERTS does: a few hundred microseconds instead
 * of re-parsing some 140 root PEMs per context (about 28 ms each; a one-host audit builds six). The native
 * context's `addCACert` is not a documented API, so when it is missing the context is built the documented way,
 * from the roots' PEMs (`tls.rootCertificates`) plus the CA: slower, same trust. `test/audit/http/trust.test.ts`
 * pins both.
 */
import { createSecureContext, rootCertificates, type SecureContext, type SecureVersion } from "node:tls";

export interface ContextOptions {
  readonly caPem?: string;
  readonly minVersion?: SecureVersion;
  readonly maxVersion?: SecureVersion;
  readonly ciphers?: string;
}

const cache = new Map<string, SecureContext>();

/** The shared context for these options, or undefined when Node's default (system roots, defaults) will do. */
export function secureContextFor(opts: ContextOptions): SecureContext | undefined {
  if (opts.caPem === undefined && opts.minVersion === undefined && opts.maxVersion === undefined && opts.ciphers === undefined) return undefined;
  const key = JSON.stringify([opts.caPem ?? null, opts.minVersion ?? null, opts.maxVersion ?? null, opts.ciphers ?? null]);
  let ctx = cache.get(key);
  if (ctx === undefined) {
    ctx = buildContext(opts);
    cache.set(key, ctx);
  }
  return ctx;
}

/** Builds a context trusting Node's roots plus `caPem`; `fast: false` forces the documented (slow) way. */
export function buildContext(opts: ContextOptions, fast = true): SecureContext {
  const base = {
    ...(opts.minVersion !== undefined ? { minVersion: opts.minVersion } : {}),
    ...(opts.maxVersion !== undefined ? { maxVersion: opts.maxVersion } : {}),
    ...(opts.ciphers !== undefined ? { ciphers: opts.ciphers } : {}),
  };
  if (opts.caPem === undefined) return createSecureContext(base);
  if (fast) {
    const ctx = createSecureContext(base);
    const native: unknown = Reflect.get(ctx, "context");
    const addCACert: unknown = typeof native === "object" && native !== null ? Reflect.get(native, "addCACert") : undefined;
    if (typeof addCACert === "function") {
      Reflect.apply(addCACert, native, [opts.caPem]);
      return ctx;
    }
  }
  return createSecureContext({ ...base, ca: [...rootCertificates, opts.caPem] });
}
