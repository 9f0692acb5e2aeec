/**
 * The offline preview's engine: sets the stack's config, installs the mocks, runs the Pulumi program in-process,
 * and returns the captured graph. No credentials, no network, no Pulumi CLI.
 */
// First: defers the SDK's unused modules before anything below loads it.
import "./sdk-early";
import * as pulumi from "@pulumi/pulumi";
import { defaultProviders, SECRET_PLACEHOLDER, type StackFile } from "../config/stack-file";
import { type CaptureLog, type CapturedResource, type CaptureSession, SECRET_MARK, startCapture } from "./capture";
import { type LiveZoneState, liveStateOf } from "./live";
import { fakeId, offlineMocks } from "./mocks";
import { providerFindings } from "./provider";
import { locateProgram, type ProgramLocation } from "./program";
import { quietSdk } from "./sdk-quiet";

export interface OfflineRunOptions {
  readonly stack: StackFile;
  /** The Pulumi project's folder: its Pulumi.yaml says where the program is (`program.ts`). */
  readonly projectDir: string;
  /** Preview mode: ids and computed outputs are unknown, as in `pulumi preview`. */
  readonly preview: boolean;
  /** What exists in Cloudflare already; by default what the stack's config declares (`live.ts`). */
  readonly live?: LiveZoneState;
}

export interface OfflineRun {
  readonly resources: readonly CapturedResource[];
  readonly invokes: readonly { readonly token: string; readonly inputs: Readonly<Record<string, unknown>> }[];
  /** Stack outputs, secrets masked. */
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly logs: readonly CaptureLog[];
  /**
   * Errors the program raised (e.g. a `ResourceError`) and calls the provider model says Cloudflare or the Pulumi
   * engine would refuse (`provider.ts`); the preview fails when there is any.
   */
  readonly errors: readonly string[];
}

export async function runOffline(opts: OfflineRunOptions): Promise<OfflineRun> {
  const program = locateProgram(opts.projectDir);
  const project = program.project;
  const config = Object.fromEntries(Object.entries(opts.stack.config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
  pulumi.runtime.setAllConfig(config, [...opts.stack.secretKeys]);
  const invokes: { token: string; inputs: Readonly<Record<string, unknown>> }[] = [];
  const unanswered = new Set<string>();
  const mocks = offlineMocks({
    preview: opts.preview,
    zones: zonesOf(opts.stack),
    onInvoke: (token, inputs) => invokes.push({ token, inputs }),
    onUnanswered: (message) => unanswered.add(message),
  });
  // The SDK captures a stack trace per promise and per resource (for leak reports and source positions the
  // offline preview never shows): most of the run's time on a large stack. Capture none while the program runs:
  // the SDK's own captures are switched off (sdk-quiet.ts), and any other error it preallocates gets no trace.
  const quiet = quietSdk();
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const errors: string[] = [];
  const onRejection = (reason: unknown): void => {
    errors.push(messageOf(reason));
  };
  let session: CaptureSession | undefined;
  const stall = whenStalled();
  try {
    session = await startCapture(mocks, project, opts.stack.stack, opts.preview);
    process.on("unhandledRejection", onRejection);
    let outputs: Record<string, unknown> = {};
    try {
      outputs = await runProgram(program, session, stall, errors);
    } catch (err) {
      if (!(err instanceof Stalled)) throw err;
      errors.unshift(
        unanswered.size > 0
          ? "the program waits on a value that never comes, because of the unanswered call above: the preview stopped with what it had"
          : "the program waits on a value that never comes (an `apply` that threw, or a promise nothing resolves): the preview stopped with what it had",
      );
    }
    // What the program could not be told comes first: the rest usually follows from it. Each resource that waited
    // on the same failure reports it again: once is enough.
    const reported = [...new Set([...unanswered, ...errors])];
    const findings = providerFindings(session.resources, opts.live ?? liveStateOf(opts.stack), opts.preview ? "preview" : "up");
    reported.push(...findings.errors);
    const logs = [
      ...session.logs,
      ...findings.warnings.map((message) => ({ severity: "warning" as const, message })),
      ...(quiet.skipped !== undefined ? [{ severity: "info" as const, message: quiet.skipped }] : []),
    ];
    // The default providers the real engine makes from the stack's provider config (`cloudflare:apiToken`, …): the
    // plan rules judge their inputs too (a plaintext token in the stack file), and the tree hides them.
    return { resources: [...session.resources, ...defaultProviders(opts.stack, project).map((p) => ({ ...p, dependsOn: [] }))], invokes, outputs, logs, errors: reported };
  } finally {
    stall.stop();
    process.off("unhandledRejection", onRejection);
    session?.restore();
    quiet.restore();
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * Runs the program and reads its outputs, as Pulumi's runtime does. An error the program throws is reported in
 * `errors`; a program that can never finish ends with `Stalled`.
 */
async function runProgram(program: ProgramLocation, session: CaptureSession, stall: StallWatch, errors: string[]): Promise<Record<string, unknown>> {
  let exported: unknown = {};
  const unregister = program.typescript ? await typeScriptLoader() : undefined;
  try {
    exported = await stall.race(programValue((await loadProgram(program.entry)).exports));
  } catch (err) {
    if (err instanceof Stalled) throw err;
    errors.push(messageOf(err));
  } finally {
    unregister?.();
  }
  await stall.race(session.settle());
  const outputs = await stall.race(resolveOutputs(exported));
  await stall.race(session.settle());
  return outputs;
}

/** The run stopped because nothing was left to run and the program had not finished. */
class Stalled extends Error {}

interface StallWatch {
  /** `p`, or `Stalled` if Node's event loop empties first. */
  race<T>(p: Promise<T>): Promise<T>;
  stop(): void;
}

/**
 * Notices a program that can never finish: Node's event loop empties (`beforeExit`) while the run still awaits it,
 * e.g. an invoke the offline engine could not answer left an Output pending forever inside the SDK. `race` then
 * rejects with `Stalled`, so the preview reports what it knows (the unanswered invoke) instead of exiting silently.
 */
function whenStalled(): StallWatch {
  let fail: ((err: Stalled) => void) | undefined;
  const stalled = new Promise<never>((_, reject) => {
    fail = reject;
  });
  // Observed only through `race`: a stall while nothing races it is not an unhandled rejection.
  stalled.catch(() => undefined);
  const onDrain = (): void => fail?.(new Stalled("stalled"));
  process.on("beforeExit", onDrain);
  return { race: (p) => Promise.race([p, stalled]), stop: () => void process.off("beforeExit", onDrain) };
}

/**
 * What the program's module exports, as Pulumi's Node.js runtime sees it (`cmd/run/run.js` of the SDK): a CommonJS
 * program's `module.exports`, whatever it is (an object of outputs, a function, a promise). The compiled engine
 * requires it as that runtime does: its build would wrap `import()`'s result in an object, which breaks a promise.
 * The sources (tsx, vitest) import it; the namespace's `default` is then `module.exports`.
 */
async function loadProgram(entry: string, compiled: boolean = __filename.endsWith(".js")): Promise<{ readonly exports: unknown }> {
  // Boxed: an async function that returned a promise export would wait for it, out of the stall watch's sight.
  if (compiled) {
    const exports: unknown = require(entry);
    return { exports };
  }
  const ns: unknown = await import(entry);
  return { exports: typeof ns === "object" && ns !== null && Object.hasOwn(ns, "default") ? Reflect.get(ns, "default") : ns };
}

/**
 * The stack outputs a program's exports make, as Pulumi's runtime makes them: an exported function is called (an
 * `export = async () => { … }` program builds its resources in it), and a promise is awaited.
 */
async function programValue(exports: unknown): Promise<unknown> {
  const value: unknown = typeof exports === "function" ? Reflect.apply(exports, undefined, []) : exports;
  return await value;
}

/**
 * A TypeScript program under the compiled engine needs a loader: tsx's CommonJS hook, only while the program loads
 * (the sources, run by tsx or vitest, load TypeScript already). tsx reads the program's tsconfig paths too.
 */
async function typeScriptLoader(compiled: boolean = __filename.endsWith(".js")): Promise<(() => void) | undefined> {
  if (!compiled) return undefined;
  // tsx ships this entry's types for `node16` resolution only; its shape is checked here instead.
  const api: unknown = require("tsx/cjs/api");
  const register: unknown = typeof api === "object" && api !== null ? Reflect.get(api, "register") : undefined;
  if (typeof register !== "function") throw new Error("tsx/cjs/api has no register(): check the pinned tsx version");
  const unregister: unknown = register();
  return typeof unregister === "function" ? () => void unregister() : undefined;
}

/** Zone ids the stack names, so the mocked `getZone` answers consistently. */
function zonesOf(stack: StackFile): Map<string, string> {
  const zones = new Map<string, string>();
  const domains = stack.config["launch-ready:domains"];
  if (!Array.isArray(domains)) return zones;
  for (const d of domains) {
    if (typeof d !== "object" || d === null) continue;
    const name = Reflect.get(d, "name");
    const cf: unknown = Reflect.get(d, "cloudflare");
    const zoneId = typeof cf === "object" && cf !== null ? Reflect.get(cf, "zoneId") : undefined;
    if (typeof name === "string") zones.set(name.toLowerCase(), typeof zoneId === "string" ? zoneId : fakeId("zone", name.toLowerCase()));
  }
  return zones;
}

async function resolveOutputs(exported: unknown): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  if (typeof exported !== "object" || exported === null) return out;
  // Sorted, as Pulumi shows stack outputs: the order a program happens to build its outputs object in is not news.
  for (const [key, value] of Object.entries(exported).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (key === "default" || key === "__esModule") continue;
    out[key] = await resolveValue(pulumi.output(value));
  }
  return out;
}

/** Reads an Output without `apply` (which never runs on unknowns in preview); secrets are masked. */
async function resolveValue(o: pulumi.Output<unknown>): Promise<unknown> {
  const [value, known, secret] = await Promise.all([internalPromise(o), Reflect.get(o, "isKnown"), Reflect.get(o, "isSecret")]);
  if (secret) return SECRET_MARK;
  if (!known) return "[unknown]";
  return mask(value, new Set());
}

function internalPromise(o: pulumi.Output<unknown>): Promise<unknown> {
  const promise: unknown = Reflect.get(o, "promise");
  if (typeof promise !== "function") throw new Error("the Pulumi SDK's Output has no promise(): check the pinned @pulumi/pulumi version");
  return Promise.resolve(promise.call(o, true));
}

/**
 * A resolved output value as printable data. A resource exported as an output is shown by its URN (the engine
 * stores a reference to it, not its object graph, which is cyclic).
 */
async function mask(v: unknown, seen: Set<object>): Promise<unknown> {
  if (v === SECRET_PLACEHOLDER) return SECRET_MARK;
  if (pulumi.Resource.isInstance(v)) return resolveValue(v.urn);
  if (pulumi.Output.isInstance(v)) return resolveValue(v);
  if (typeof v !== "object" || v === null) return v;
  if (seen.has(v)) return "[circular]";
  seen.add(v);
  if (Array.isArray(v)) return Promise.all(v.map((x) => mask(x, seen)));
  return Object.fromEntries(await Promise.all(Object.entries(v).map(async ([k, x]) => [k, await mask(x, seen)] as const)));
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
