/**
 * secrets.no_plaintext: the rule reads every planned input (nested values too) and hands it to the judge in
 * `core/secrets`, with how each input reaches the state.
 *
 * What each runner can see:
 * - the offline preview captures which inputs are Pulumi secrets, and the stack file's provider credentials
 *   arrive as default-provider resources (`pulumi:providers:<pkg>`, inputs = that package's config keys, the
 *   `secure:` ones secret), as the Pulumi engine builds them;
 * - CrossGuard hands policies decrypted values: an input computed from another resource counts as generated, a
 *   literal as plaintext, and a provider's config-fed inputs cannot be told apart from `secure:` ones (cannot tell).
 */
import { cannotTell } from "../../core/judge";
import { defaultScanner, judgeNoPlaintextEach, type PlaintextSubject, type PlannedEntry, type Protection } from "../../core/secrets";
import type { PlannedResource } from "../resource";
import { fromVerdicts, type PlanRule } from "../rule";
import { isUnknownValueError } from "../unknowns";

const PROVIDER = /^pulumi:providers:(.+)$/;

export const secretsNoPlaintext: PlanRule = {
  id: "secrets.no_plaintext",
  evaluate(resources) {
    const planned = resources.filter((r) => r.type !== "pulumi:pulumi:Stack");
    const verdicts = judgeNoPlaintextEach(
      planned.map((r): PlaintextSubject => {
        const pkg = PROVIDER.exec(r.type)?.[1];
        const entries = Object.keys(r.inputs).map((key): PlannedEntry => ({ key, value: known(r.inputs, key), protection: protectionOf(r, key, pkg !== undefined) }));
        return pkg === undefined
          ? { label: r.name, entries }
          : // A default provider's inputs are the stack's `<pkg>:<key>` config: name the key the user wrote.
            { label: `stack config (${pkg} provider ${r.name})`, entries, join: (_label, path) => `${pkg}:${path} (stack config)` };
      }),
      defaultScanner,
    );
    const subjects = planned
      .map((r, i) => ({ verdict: verdicts[i] ?? cannotTell(`${r.name}: the secrets judge gave no verdict`), urn: r.urn }))
      .filter((s) => s.verdict.status !== "not-applicable");
    return fromVerdicts(subjects, "No resource input and no provider setting holds a credential-looking value.");
  },
};

function protectionOf(r: PlannedResource, key: string, provider: boolean): Protection {
  if (r.secretInputs !== undefined) return r.secretInputs.includes(key) ? "secret" : "literal";
  if ((r.propertyDependencies[key] ?? []).length > 0) return "generated";
  return provider ? "unknown" : "literal";
}

/**
 * A plain copy of an input with values unknown before apply left out: an unknown is computed by the engine, not
 * written in the program, so it holds no literal. Reading through the policy proxy throws on unknowns; catch
 * each one rather than let the whole rule become "cannot tell".
 */
function known(container: object, key: string | number): unknown {
  let v: unknown;
  try {
    v = Reflect.get(container, key);
  } catch (err) {
    if (isUnknownValueError(err)) return undefined;
    throw err;
  }
  // Index by index: `map` would read the elements itself, outside the catch.
  if (Array.isArray(v)) return Array.from({ length: v.length }, (_, i) => known(v, i));
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.keys(v).map((k) => [k, known(v, k)]));
  return v;
}
