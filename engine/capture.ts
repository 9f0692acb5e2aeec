/**
 * Runs the Pulumi program in-process under the SDK's mock runtime and captures every registration: type token,
 * name, URN, parent, inputs (secrets and unknowns marked), property dependencies and resource options.
 *
 * `setMocks` alone hides parents and options from the mocks, so the mock monitor's `registerResource` is wrapped
 * to read them off the request, as the real engine would see them.
 */
import * as pulumi from "@pulumi/pulumi";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import * as settings from "@pulumi/pulumi/runtime/settings";
import type { PlannedResource } from "../policy/resource";
import { UNKNOWN } from "../policy/unknowns";
import { aliasUrn } from "./urn";

/** A captured input value: the secret and unknown markers are plain data so the graph can be printed and tested. */
export const SECRET_MARK = "[secret]";
export const UNKNOWN_MARK = "[unknown]";

export interface CapturedResource extends PlannedResource {
  readonly custom: boolean;
  /** URNs of the resources this one is ordered after (`dependsOn`), as the engine would see them. */
  readonly dependsOn: readonly string[];
  /** Inputs with every secret value replaced by `[secret]` and every unknown by `[unknown]`: safe to print. */
  readonly displayInputs: Readonly<Record<string, unknown>>;
  /** The URNs this resource was known by before (its `aliases` option), as the engine resolves them. */
  readonly aliasUrns?: readonly string[];
}

export interface CaptureLog {
  readonly severity: "info" | "warning" | "error";
  readonly message: string;
}

/** The subset of the protobuf request we read; checked at runtime, since these are SDK internals. */
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getProtect(): boolean;
  getRetainondelete(): boolean;
  getImportid(): string;
  getIgnorechangesList(): string[];
  getDeletebeforereplace(): boolean;
  getDependenciesList(): string[];
  getObject(): Parameters<typeof rpc.deserializeProperties>[0];
  getPropertydependenciesMap(): { forEach(cb: (deps: { getUrnsList(): string[] }, key: string) => void): void };
  getAliasesList(): AliasProto[];
  getProvider(): string;
}

/** An alias as the SDK sends it: an old URN, or a spec of what changed (name, type, parent). */
interface AliasProto {
  getUrn(): string;
  getSpec(): { getName(): string; getType(): string; getStack(): string; getProject(): string; getParenturn(): string; getNoparent(): boolean } | undefined;
}

interface WrappableMonitor {
  registerResource(req: RegisterRequest, cb: (err: unknown, resp: unknown) => void): unknown;
  newUrn(parent: string, type: string, name: string): string;
}

function isWrappableMonitor(m: unknown): m is WrappableMonitor {
  return typeof m === "object" && m !== null && typeof Reflect.get(m, "registerResource") === "function" && typeof Reflect.get(m, "newUrn") === "function";
}

export interface CaptureSession {
  readonly resources: CapturedResource[];
  readonly logs: CaptureLog[];
  /** Waits until every registration the program started has been answered. */
  settle(): Promise<void>;
  restore(): void;
}

/**
 * Installs mocks and the capturing wrapper. Call before the program is imported: resources constructed before
 * `setMocks` are silently unmocked (DESIGN: traps).
 */
export async function startCapture(mocks: pulumi.runtime.Mocks, project: string, stack: string, preview: boolean): Promise<CaptureSession> {
  await pulumi.runtime.setMocks(mocks, project, stack, preview);
  const monitor: unknown = settings.getMonitor();
  if (!isWrappableMonitor(monitor)) throw new Error("the Pulumi SDK's mock monitor has an unexpected shape: check the pinned @pulumi/pulumi version");
  const resources: CapturedResource[] = [];
  const original = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) => {
    resources.push(fromRequest(req, monitor.newUrn(req.getParent(), req.getType(), req.getName())));
    return original(req, cb);
  };
  const logs: CaptureLog[] = [];
  const restoreConsole = captureRuntimeLogs(logs);
  return {
    resources,
    logs,
    settle: () => waitForRegistrations(resources),
    restore: restoreConsole,
  };
}

/**
 * Waits until the program has nothing left to register. Registrations chain more registrations (components,
 * applies), so drain the SDK's RPC queue until a pass adds no resource; the bound only guards against a
 * program that registers forever.
 */
async function waitForRegistrations(resources: readonly CapturedResource[]): Promise<void> {
  const wait: unknown = Reflect.get(settings, "waitForRPCs");
  if (typeof wait !== "function") throw new Error("the Pulumi SDK has no waitForRPCs: check the pinned @pulumi/pulumi version");
  for (let pass = 0, seen = -1; seen !== resources.length; pass++) {
    if (pass === 1000) throw new Error("the program kept registering resources after 1000 rounds: is a resource created inside an apply in a loop?");
    seen = resources.length;
    await (wait as () => Promise<void>)();
    await new Promise((r) => setImmediate(r));
  }
}

function fromRequest(req: RegisterRequest, urn: string): CapturedResource {
  const raw: unknown = rpc.deserializeProperties(req.getObject(), true);
  const inputs: Record<string, unknown> = {};
  const displayInputs: Record<string, unknown> = {};
  const secretInputs: string[] = [];
  if (typeof raw === "object" && raw !== null) {
    for (const [key, value] of Object.entries(raw)) {
      const { plain, display, secret } = unwrap(value);
      inputs[key] = plain;
      displayInputs[key] = display;
      if (secret) secretInputs.push(key);
    }
  }
  const propertyDependencies: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((deps, key) => {
    propertyDependencies[key] = deps.getUrnsList();
  });
  const parent = req.getParent();
  const importId = req.getImportid();
  // A provider reference is `<provider URN>::<provider id>`; the URN is what the rules resolve (e.g. its region).
  const providerRef = req.getProvider();
  const providerUrn = providerRef ? providerRef.slice(0, providerRef.lastIndexOf("::")) : "";
  const aliasUrns = req.getAliasesList().map((a) => {
    const spec = a.getSpec();
    if (spec === undefined) return a.getUrn();
    return aliasUrn(urn, { name: spec.getName(), type: spec.getType(), stack: spec.getStack(), project: spec.getProject(), parentUrn: spec.getNoparent() ? null : spec.getParenturn() });
  });
  return {
    type: req.getType(),
    name: req.getName(),
    urn,
    ...(parent ? { parentUrn: parent } : {}),
    custom: req.getCustom(),
    dependsOn: req.getDependenciesList(),
    inputs,
    displayInputs,
    ...(aliasUrns.length > 0 ? { aliasUrns } : {}),
    secretInputs,
    propertyDependencies,
    options: {
      protect: req.getProtect(),
      retainOnDelete: req.getRetainondelete(),
      ...(importId ? { importId } : {}),
      ignoreChanges: req.getIgnorechangesList(),
      deleteBeforeReplace: req.getDeletebeforereplace(),
      ...(providerUrn ? { providerUrn } : {}),
    },
  };
}

/** Strips the SDK's secret wrappers. `plain` keeps real values (and the unknown sentinel) for the rules. */
function unwrap(value: unknown): { plain: unknown; display: unknown; secret: boolean } {
  // The SDK hands unknowns back as its `Unknown` sentinel object; rules get the string sentinel CrossGuard uses.
  if (value === UNKNOWN || pulumi.isUnknown(value)) return { plain: UNKNOWN, display: UNKNOWN_MARK, secret: false };
  if (rpc.isRpcSecret(value)) {
    const inner = unwrap(rpc.unwrapRpcSecret(value));
    return { plain: inner.plain, display: SECRET_MARK, secret: true };
  }
  if (Array.isArray(value)) {
    const parts = value.map(unwrap);
    return { plain: parts.map((p) => p.plain), display: parts.map((p) => p.display), secret: parts.some((p) => p.secret) };
  }
  if (typeof value === "object" && value !== null) {
    const plain: Record<string, unknown> = {};
    const display: Record<string, unknown> = {};
    let secret = false;
    for (const [k, v] of Object.entries(value)) {
      const part = unwrap(v);
      plain[k] = part.plain;
      display[k] = part.display;
      secret ||= part.secret;
    }
    return { plain, display, secret };
  }
  return { plain: value, display: value, secret: false };
}

/** Without an engine, the SDK prints `pulumi.log` messages to the console as `warning: [runtime] …`: keep them. */
function captureRuntimeLogs(logs: CaptureLog[]): () => void {
  const saved = { log: console.log, warn: console.warn, error: console.error };
  const grab = (fallback: (...a: unknown[]) => void) => (...args: unknown[]) => {
    const text = args.map(String).join(" ");
    const m = /^(info|warning|error): \[runtime\] ([\s\S]*)$/.exec(text);
    if (m) logs.push({ severity: m[1] === "info" ? "info" : m[1] === "warning" ? "warning" : "error", message: m[2] ?? "" });
    else fallback(...args);
  };
  console.log = grab(saved.log);
  console.warn = grab(saved.warn);
  console.error = grab(saved.error);
  return () => Object.assign(console, saved);
}
