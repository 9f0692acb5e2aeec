/**
 * Runbook templates: plain Markdown with placeholders for a stack's outputs, so the same file reads well unfilled
 * (on GitHub, at 3 a.m.) and `launch-ready runbook <name> --stack <stack>` prints it with the stack's real values.
 *
 * Placeholder syntax, the only one: `{{output.path}}`, where `output` is a stack output name (`backups`, `alerts`,
 * `zones`, `secrets`, `kmsKeyArn`) and `.path` walks into it. `$domain` as a path segment stands for the domain the
 * runbook is about (`--domain`, or the stack's only zone); `$secret` for the secret (`--secret`, or the only one).
 * A domain holds dots, so it is always one segment. Every placeholder must resolve: filling never returns a
 * half-filled runbook, it returns every placeholder that did not resolve, with the output it needs.
 */

/** One placeholder as written in a runbook. */
export interface Placeholder {
  /** The text between the braces, trimmed: `backups.vaultName`. */
  readonly expression: string;
  /** The path segments: `["backups", "vaultName"]`; variables (`$domain`) kept as written. */
  readonly segments: readonly string[];
  /** 1-based line of the runbook it is on. */
  readonly line: number;
}

export const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;
const SEGMENT = /^(\$[a-z]+|[A-Za-z_][A-Za-z0-9_-]*)$/;

/** The variables a path may use, and the option that sets each. */
export const VARIABLES = { $domain: "--domain", $secret: "--secret" } as const;
export type VariableName = keyof typeof VARIABLES;

export function isVariable(segment: string): segment is VariableName {
  return Object.prototype.hasOwnProperty.call(VARIABLES, segment);
}

/** Every placeholder in a runbook, in order; a malformed one is reported as an error, never skipped. */
export function placeholdersOf(markdown: string): { placeholders: Placeholder[]; errors: string[] } {
  const placeholders: Placeholder[] = [];
  const errors: string[] = [];
  markdown.split("\n").forEach((text, i) => {
    for (const m of text.matchAll(PLACEHOLDER_PATTERN)) {
      const expression = m[1] ?? "";
      const segments = expression.split(".");
      const bad = segments.find((s) => !SEGMENT.test(s) || (s.startsWith("$") && !isVariable(s)));
      if (expression === "" || bad !== undefined || isVariable(segments[0] ?? "")) {
        errors.push(`line ${i + 1}: {{${expression}}} is not a placeholder: write {{output.path}}, e.g. {{backups.vaultName}}${bad !== undefined && bad.startsWith("$") ? ` (${bad} is not a variable; there are ${Object.keys(VARIABLES).join(", ")})` : ""}`);
        continue;
      }
      placeholders.push({ expression, segments, line: i + 1 });
    }
  });
  return { placeholders, errors };
}

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Why a placeholder did not resolve, in words that name the output to add or the option to give. */
export interface Unresolved {
  readonly placeholder: Placeholder;
  readonly reason: string;
}

export type FillResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly unresolved: readonly Unresolved[]; readonly errors: readonly string[] };

export function isRecord(v: JsonValue | undefined): v is { readonly [key: string]: JsonValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A value as it goes in a command: strings and numbers as they are, anything else as compact JSON. */
export function renderValue(v: JsonValue): string {
  return typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v);
}

/** The stack's only key under `output` (the zone, the secret) when the user named none. */
export function resolveVariables(outputs: { readonly [key: string]: JsonValue }, given: Partial<Record<VariableName, string>>): { values: Partial<Record<VariableName, string>>; problems: Partial<Record<VariableName, string>> } {
  const values: Partial<Record<VariableName, string>> = {};
  const problems: Partial<Record<VariableName, string>> = {};
  const from: Record<VariableName, string> = { $domain: "zones", $secret: "secrets" };
  for (const name of Object.keys(VARIABLES) as VariableName[]) {
    const source = outputs[from[name]];
    const keys = isRecord(source) ? Object.keys(source) : [];
    const chosen = given[name];
    if (chosen !== undefined) {
      if (keys.includes(chosen)) values[name] = chosen;
      else problems[name] = `${VARIABLES[name]} ${chosen}: the stack output \`${from[name]}\` has ${keys.length === 0 ? "no entries" : `only ${keys.join(", ")}`}`;
    } else if (keys.length === 1) values[name] = keys[0];
    else problems[name] = keys.length === 0 ? `the stack has no \`${from[name]}\` output entries` : `the stack has several (${keys.join(", ")}): choose one with ${VARIABLES[name]}`;
  }
  return { values, problems };
}

/** Looks up one placeholder; undefined value means it did not resolve, with the reason. */
export function lookup(outputs: { readonly [key: string]: JsonValue }, p: Placeholder, vars: ReturnType<typeof resolveVariables>): { value?: JsonValue; reason?: string } {
  let current: JsonValue | undefined = outputs;
  const walked: string[] = [];
  for (const raw of p.segments) {
    let segment = raw;
    if (isVariable(raw)) {
      const v = vars.values[raw];
      if (v === undefined) return { reason: `${raw}: ${vars.problems[raw] ?? "not set"}` };
      segment = v;
    }
    if (!isRecord(current) || !Object.prototype.hasOwnProperty.call(current, segment)) {
      const where = walked.length === 0 ? "the stack has no output" : `the stack output \`${walked.join(".")}\` has no`;
      return { reason: `${where} \`${segment}\`${walked.length === 0 ? " (is that part of the stack configured and deployed?)" : ""}` };
    }
    current = current[segment];
    walked.push(segment);
  }
  if (current === undefined || current === null) return { reason: `the stack output \`${walked.join(".")}\` is empty` };
  return { value: current };
}

/** Fills every placeholder, or returns all that did not resolve (never a half-filled runbook). */
export function fillRunbook(markdown: string, outputs: { readonly [key: string]: JsonValue }, given: Partial<Record<VariableName, string>> = {}): FillResult {
  const { placeholders, errors } = placeholdersOf(markdown);
  const vars = resolveVariables(outputs, given);
  const unresolved: Unresolved[] = [];
  const values = new Map<string, string>();
  for (const p of placeholders) {
    const r = lookup(outputs, p, vars);
    if (r.value === undefined) unresolved.push({ placeholder: p, reason: r.reason ?? "did not resolve" });
    else values.set(p.expression, renderValue(r.value));
  }
  if (unresolved.length > 0 || errors.length > 0) return { ok: false, unresolved, errors };
  const text = markdown.replace(PLACEHOLDER_PATTERN, (_, expr: string) => values.get(expr.trim()) ?? "");
  return { ok: true, text };
}
