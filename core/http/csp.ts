/**
 * Content-Security-Policy parsing (CSP Level 3 §2.2 / §6): a header may carry several serialized policies separated
 * by ","; each is directives separated by ";", a directive is a case-insensitive name and whitespace-separated
 * source expressions. Only the parts the audit needs are interpreted.
 */

export type CspPolicy = ReadonlyMap<string, readonly string[]>;

export function parseCspHeader(value: string): CspPolicy[] {
  return value
    .split(",")
    .map((serialized) => {
      const policy = new Map<string, string[]>();
      for (const raw of serialized.split(";")) {
        const tokens = raw.trim().split(/[\t\n\f\r ]+/).filter((t) => t !== "");
        const [name, ...values] = tokens;
        if (name === undefined) continue;
        const key = name.toLowerCase();
        if (!policy.has(key)) policy.set(key, values); // CSP3 §2.2.1: a repeated directive is ignored
      }
      return policy;
    })
    .filter((p) => p.size > 0);
}

export interface ScriptSrcWeakness {
  /** The directive that governs scripts: script-src, else default-src, else none (scripts unrestricted). */
  readonly directive: "script-src" | "default-src" | undefined;
  readonly unsafeInline: boolean;
  readonly unsafeEval: boolean;
}

/**
 * Whether a policy lets inline scripts or eval run. CSP3 §8.6: 'unsafe-inline' is ignored when a nonce or hash
 * source is present (and 'strict-dynamic' implies that), so it only counts without them.
 */
export function scriptSrcWeakness(policy: CspPolicy): ScriptSrcWeakness {
  const directive = policy.has("script-src") ? "script-src" : policy.has("default-src") ? "default-src" : undefined;
  if (directive === undefined) return { directive, unsafeInline: true, unsafeEval: true };
  const sources = (policy.get(directive) ?? []).map((s) => s.toLowerCase());
  const hasNonceOrHash = sources.some((s) => /^'(nonce|sha256|sha384|sha512)-/.test(s) || s === "'strict-dynamic'");
  return {
    directive,
    unsafeInline: sources.includes("'unsafe-inline'") && !hasNonceOrHash,
    unsafeEval: sources.includes("'unsafe-eval'"),
  };
}

/** A policy list is as strong as its strictest policy: every policy must allow a script for it to run. */
export function strongestScriptPolicy(policies: readonly CspPolicy[]): ScriptSrcWeakness | undefined {
  let best: ScriptSrcWeakness | undefined;
  for (const p of policies) {
    const w = scriptSrcWeakness(p);
    const score = (x: ScriptSrcWeakness) => Number(x.unsafeInline) + Number(x.unsafeEval);
    if (best === undefined || score(w) < score(best)) best = w;
  }
  return best;
}
