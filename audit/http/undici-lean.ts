/**
 * The four parts of undici the auditor's client uses (Agent, the TLS connector, the error classes and the `request`
 * API), loaded from their own files instead of undici's index, which loads all of undici (fetch, WebSocket, mocks,
 * caches, proxies: 110 files) and costs about a fifth of a one-host audit's start-up. The index's only other effect
 * is to put the API methods on `Dispatcher.prototype`; the client calls `request` with the agent as `this` instead.
 *
 * Pinned: the file layout of undici `PINNED_UNDICI_VERSION` (an exact version in package.json);
 * `test/audit/http/undici-lean.test.ts` fails when an update moves these files or changes what they export, and a
 * moved file fails the first audit loudly (module not found), never silently.
 */
// First: undici compiles its wasm parser under the tiering budget set there.
import "./wasm-tiering";
import { Module, createRequire } from "node:module";
import type * as Undici from "undici";

export const PINNED_UNDICI_VERSION = "7.30.2";

/** Resolves undici's files as the package itself would (from wherever this module is, sources or dist). */
const load = createRequire(__filename);

/** The undici files this module loads, and what each must export. */
export const LEAN_PARTS = {
  agent: "undici/lib/dispatcher/agent.js",
  connector: "undici/lib/core/connect.js",
  errors: "undici/lib/core/errors.js",
  request: "undici/lib/api/api-request.js",
} as const;

function part(path: string): unknown {
  const m: unknown = load(path);
  return m;
}

function fn(path: string): (...args: never[]) => unknown {
  const m = part(path);
  if (typeof m !== "function") throw new Error(`undici's ${path} is not what the auditor expects: check the pinned undici version (audit/http/undici-lean.ts)`);
  return m as (...args: never[]) => unknown;
}

/** undici's HTTP/2 half: loaded when a connection first negotiates h2 (`deferHttp2`). */
export const DEFERRED_H2 = "undici/lib/dispatcher/client-h2.js";

/**
 * undici's HTTP/2 half (client-h2.js, which loads Node's `http2` as it loads: about 8 ms of a one-host audit's
 * start-up) is loaded when a connection first negotiates h2, not with the client: the auditor offers only
 * http/1.1, so an audit never loads it. Until then the client holds a stand-in that loads the real function on its
 * first call and hands over to it, so h2 still works for any dispatcher that allows it (a test pins this).
 * Nothing is deferred when something loaded the file already.
 */
function deferHttp2(): void {
  const path = load.resolve(DEFERRED_H2);
  if (load.cache[path] !== undefined) return;
  let real: ((...args: unknown[]) => unknown) | undefined;
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = function connectH2(this: unknown, ...args: unknown[]): unknown {
    if (real === undefined) {
      delete load.cache[path];
      real = fn(DEFERRED_H2) as (...a: unknown[]) => unknown;
    }
    return real.apply(this, args);
  };
  load.cache[path] = standIn;
}

deferHttp2();

export const Agent = fn(LEAN_PARTS.agent) as unknown as typeof Undici.Agent;
export const buildConnector = fn(LEAN_PARTS.connector) as unknown as typeof Undici.buildConnector;
export const errors = part(LEAN_PARTS.errors) as typeof Undici.errors;
const apiRequest = fn(LEAN_PARTS.request) as unknown as (this: Undici.Dispatcher, opts: Undici.Dispatcher.RequestOptions) => Promise<Undici.Dispatcher.ResponseData>;

/** `dispatcher.request(opts)`, as undici's index would have put it on every dispatcher. */
export function request(dispatcher: Undici.Dispatcher, opts: Undici.Dispatcher.RequestOptions): Promise<Undici.Dispatcher.ResponseData> {
  return apiRequest.call(dispatcher, opts);
}
