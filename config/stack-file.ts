/**
 * Reads `stacks/Pulumi.<stack>.yaml` the way the Pulumi CLI would hand it to the program, for the offline
 * preview and the auditor's `--stack` option. Encrypted values (`secure: v1:…`) cannot be decrypted offline:
 * each becomes a placeholder, and its path is recorded so it stays secret and is never validated as plaintext.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { type ConfigIssue, formatPath } from "./issues";

/** What an encrypted value reads as offline. Never a real secret: the offline preview has no key to decrypt. */
export const SECRET_PLACEHOLDER = "[secret]";

export interface StackFile {
  readonly stack: string;
  readonly path: string;
  /** Every `namespace:key` of the file's `config:`, secure values replaced by the placeholder. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Paths (as `formatPath` writes them) of values that were `secure:` in the file. */
  readonly secretPaths: readonly string[];
  /** Top-level keys that hold a secure value anywhere inside: the Pulumi runtime treats the whole key as secret. */
  readonly secretKeys: readonly string[];
}

export class StackFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(`${file}: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  }
}

export const STACK_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

export function stackFilePath(stacksDir: string, stack: string): string {
  return join(stacksDir, `Pulumi.${stack}.yaml`);
}

export function listStacks(stacksDir: string): string[] {
  if (!existsSync(stacksDir)) return [];
  return readdirSync(stacksDir)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

export function readStackFile(stacksDir: string, stack: string): StackFile {
  const path = stackFilePath(stacksDir, stack);
  const shown = relative(process.cwd(), path) || path;
  if (!STACK_NAME.test(stack)) {
    throw new StackFileError(shown, [{ path: "--stack", message: `'${stack}' is not a stack name: use letters, digits, '-', '_' and '.'` }]);
  }
  if (!existsSync(path)) {
    const known = listStacks(stacksDir);
    throw new StackFileError(shown, [
      {
        path: "--stack",
        message: `no stack file for '${stack}'. ${known.length > 0 ? `Known stacks: ${known.join(", ")}.` : `Create ${shown}.`}`,
      },
    ]);
  }
  return parseStackFile(readFileSync(path, "utf8"), stack, shown);
}

export function parseStackFile(text: string, stack: string, shown: string): StackFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new StackFileError(
      shown,
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return { path: pos ? `line ${pos.line}, column ${pos.col}` : "(file)", message: `${e.message.split("\n")[0]}: fix the YAML syntax` };
      }),
    );
  }
  const root: unknown = doc.toJS({ maxAliasCount: 100 });
  const configJs = isRecord(root) ? root["config"] : undefined;
  if (configJs === undefined || configJs === null) {
    return { stack, path: shown, config: {}, secretPaths: [], secretKeys: [] };
  }
  if (!isRecord(configJs)) {
    throw new StackFileError(shown, [{ path: "config", message: "must be a mapping of `namespace:key: value` entries" }]);
  }
  const config: Record<string, unknown> = {};
  const secretPaths: string[] = [];
  const secretKeys = new Set<string>();
  for (const [key, value] of Object.entries(configJs)) {
    if (!key.includes(":")) {
      throw new StackFileError(shown, [{ path: `config.${key}`, message: "config keys are `namespace:key` (e.g. `launch-ready:domains`); add the namespace" }]);
    }
    config[key] = replaceSecure(value, [key], (p) => {
      secretPaths.push(formatPath(p));
      secretKeys.add(key);
    });
  }
  return { stack, path: shown, config, secretPaths, secretKeys: [...secretKeys] };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isSecureValue(v: unknown): v is { secure: string } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { secure?: unknown }).secure === "string";
}

function replaceSecure(v: unknown, path: PropertyKey[], onSecret: (path: PropertyKey[]) => void): unknown {
  if (isSecureValue(v)) {
    onSecret(path);
    return SECRET_PLACEHOLDER;
  }
  if (Array.isArray(v)) return v.map((item, i) => replaceSecure(item, [...path, i], onSecret));
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, replaceSecure(item, [...path, k], onSecret)]));
  }
  return v;
}

/**
 * The provider settings of a stack file as the Pulumi engine hands them to the program's default providers: one
 * `pulumi:providers:<pkg>` per config namespace other than the project's (and `pulumi:`), its inputs the keys of
 * that namespace (`cloudflare:apiToken` → `apiToken`), every key that was `secure:` a secret input. The offline
 * preview plans them beside the program's resources so `secrets.no_plaintext` sees a plaintext
 * `cloudflare:apiToken` exactly where the engine would put it. Shaped as a captured resource (no engine import).
 */
export interface DefaultProvider {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly custom: true;
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Secret inputs shown as the placeholder; plaintext ones as written (output redaction withholds credentials). */
  readonly displayInputs: Readonly<Record<string, unknown>>;
  readonly secretInputs: readonly string[];
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  readonly options: { readonly protect: false; readonly retainOnDelete: false; readonly ignoreChanges: readonly string[]; readonly deleteBeforeReplace: false };
}

const NOT_A_PROVIDER = new Set(["pulumi"]);

export function defaultProviders(stack: StackFile, project: string): DefaultProvider[] {
  const byPackage = new Map<string, { inputs: Record<string, unknown>; display: Record<string, unknown>; secret: string[] }>();
  const secretKeys = new Set(stack.secretKeys);
  for (const [fullKey, value] of Object.entries(stack.config)) {
    const at = fullKey.indexOf(":");
    const pkg = fullKey.slice(0, at);
    const key = fullKey.slice(at + 1);
    if (pkg === project || NOT_A_PROVIDER.has(pkg)) continue;
    const entry = byPackage.get(pkg) ?? { inputs: {}, display: {}, secret: [] };
    entry.inputs[key] = value;
    const secret = secretKeys.has(fullKey);
    entry.display[key] = secret ? SECRET_PLACEHOLDER : value;
    if (secret) entry.secret.push(key);
    byPackage.set(pkg, entry);
  }
  return [...byPackage].map(([pkg, e]) => ({
    type: `pulumi:providers:${pkg}`,
    name: "default",
    urn: `urn:pulumi:${stack.stack}::${project}::pulumi:providers:${pkg}::default`,
    custom: true,
    inputs: e.inputs,
    displayInputs: e.display,
    secretInputs: e.secret,
    propertyDependencies: {},
    options: { protect: false, retainOnDelete: false, ignoreChanges: [], deleteBeforeReplace: false },
  }));
}
