/**
 * Reads the planned AWS secrets, keys and backups back out of the planned resources for the secrets.* and backup.*
 * rules. Resources are linked the way the engine links them: an input computed from another resource lists that
 * resource's URN in its property dependencies; a literal name (a vault name, a restore testing plan name) matches
 * the other resource's `name` input. Values unknown before apply read as undefined, never as a value.
 */
import type { PlannedResource } from "../../resource";
import { isUnknownValueError, UNKNOWN } from "../../unknowns";

/** AWS type tokens the rules read, checked against the SDK classes in tests. */
export const AWS_TYPES = {
  kmsKey: "aws:kms/key:Key",
  secret: "aws:secretsmanager/secret:Secret",
  secretVersion: "aws:secretsmanager/secretVersion:SecretVersion",
  secretRotation: "aws:secretsmanager/secretRotation:SecretRotation",
  vault: "aws:backup/vault:Vault",
  vaultLock: "aws:backup/vaultLockConfiguration:VaultLockConfiguration",
  vaultNotifications: "aws:backup/vaultNotifications:VaultNotifications",
  plan: "aws:backup/plan:Plan",
  selection: "aws:backup/selection:Selection",
  restoreTestingPlan: "aws:backup/restoreTestingPlan:RestoreTestingPlan",
  restoreTestingSelection: "aws:backup/restoreTestingSelection:RestoreTestingSelection",
} as const;

/** The components' type tokens: their registered inputs carry what the stack asked for. */
export const SECRETS_COMPONENT = "launch-ready:aws:Secrets";
export const BACKUPS_COMPONENT = "launch-ready:aws:Backups";

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** An input, or undefined when it is unknown before apply (CrossGuard throws on reading one; offline, the sentinel). */
export function read(container: unknown, key: string): unknown {
  if (!isRecord(container) && !Array.isArray(container)) return undefined;
  try {
    const v: unknown = Reflect.get(container, key);
    return v === UNKNOWN ? undefined : v;
  } catch (err) {
    if (isUnknownValueError(err)) return undefined;
    throw err;
  }
}

/** What `readKnown` gives for a value not known before apply. */
export const NOT_KNOWN: unique symbol = Symbol("not known before apply");

/**
 * An input, or `NOT_KNOWN` when it is unknown before apply: for the reads where "unset" means something (a default,
 * "kept for ever") and an unknown must not read as that.
 */
export function readKnown(container: unknown, key: string): unknown {
  if (!isRecord(container) && !Array.isArray(container)) return undefined;
  try {
    const v: unknown = Reflect.get(container, key);
    return v === UNKNOWN ? NOT_KNOWN : v;
  } catch (err) {
    if (isUnknownValueError(err)) return NOT_KNOWN;
    throw err;
  }
}

export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? Array.from({ length: v.length }, (_, i) => read(v, String(i))) : []);

/** Does `r`'s input `key` come from `target` (a dependency) or name it literally (its `name` input or its name)? */
export function refersTo(r: PlannedResource, key: string, target: PlannedResource): boolean {
  if ((r.propertyDependencies[key] ?? []).includes(target.urn)) return true;
  const v = str(read(r.inputs, key));
  return v !== undefined && (v === str(read(target.inputs, "name")) || v === str(read(target.inputs, "arn")));
}

/** The type token of the generator whose output counts as a generated secret value. */
export const RANDOM_PASSWORD_TYPE = "random:index/randomPassword:RandomPassword";

/**
 * Where an input's value comes from: `generated` when it depends on a `random:index/randomPassword:RandomPassword`
 * (a value built from a password and other fields counts, since the password is in it); `secret` when the engine
 * marks it a Pulumi secret; `derived` when it is computed from other resources only (a database address is not a
 * generated secret: what it holds cannot be seen); `literal` otherwise.
 */
export function protectionOf(r: PlannedResource, key: string): "generated" | "secret" | "derived" | "literal" {
  const deps = r.propertyDependencies[key] ?? [];
  if (deps.some((urn) => urn.includes(`::${RANDOM_PASSWORD_TYPE}::`) || urn.includes(`$${RANDOM_PASSWORD_TYPE}::`))) return "generated";
  if (r.secretInputs?.includes(key) === true) return "secret";
  if (deps.length > 0) return "derived";
  return "literal";
}

/** The label a check names a resource by: its AWS name when planned, else its Pulumi name. */
export function labelOf(r: PlannedResource): string {
  return str(read(r.inputs, "name")) ?? r.name;
}

/** The registered inputs of each component of a type, with the component's URN. */
export function componentInputs(resources: readonly PlannedResource[], type: string): { urn: string; inputs: Readonly<Record<string, unknown>> }[] {
  return resources.filter((r) => r.type === type).map((r) => ({ urn: r.urn, inputs: r.inputs }));
}

/** The component a resource belongs to (its nearest ancestor of `type`), if any. */
export function ancestorOf(resources: readonly PlannedResource[], r: PlannedResource, type: string): PlannedResource | undefined {
  const byUrn = new Map(resources.map((x) => [x.urn, x]));
  let cur = r.parentUrn === undefined ? undefined : byUrn.get(r.parentUrn);
  while (cur !== undefined) {
    if (cur.type === type) return cur;
    cur = cur.parentUrn === undefined ? undefined : byUrn.get(cur.parentUrn);
  }
  return undefined;
}
