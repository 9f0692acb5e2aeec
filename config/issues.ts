/**
 * Config problems as users see them: the field path in stack-file terms, what is wrong, how to fix it.
 */
import type { z } from "zod";
import type { ScorecardRowId } from "../checklist/types";

export interface ConfigIssue {
  /** e.g. `launch-ready:domains[0].web.hsts.maxAgeSeconds` */
  readonly path: string;
  readonly message: string;
  /** Set on a section that is validated but not provisioned yet: the scorecard row it leaves unchecked. */
  readonly unprovisionedRow?: ScorecardRowId;
}

export interface ConfigReport<T> {
  readonly value?: T;
  readonly errors: readonly ConfigIssue[];
  readonly warnings: readonly ConfigIssue[];
}

/** `["launch-ready:domains", 0, "web"]` → `launch-ready:domains[0].web` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(stack config)" : out;
}

/** Turns zod's issues into one ConfigIssue per problem; unknown keys become one issue per key with a suggestion. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], knownKeysAt: (path: readonly PropertyKey[]) => readonly string[]): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const known = knownKeysAt(issue.path);
      for (const key of issue.keys) {
        const guess = closest(key, known);
        const hint = guess !== undefined ? `did you mean \`${guess}\`?` : `known keys here: ${known.map((k) => `\`${k}\``).join(", ")}`;
        out.push({ path: formatPath([...issue.path, key]), message: `unknown key \`${key}\`: ${hint}` });
      }
      continue;
    }
    out.push({ path: formatPath(issue.path), message: describe(issue) });
  }
  return out;
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? `is required (expected ${issue.expected})` : `must be a ${issue.expected}, got ${typeName(issue.input)}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(", ")}`;
    case "invalid_union":
      return unionMessage(issue);
    default:
      return tidy(issue.message);
  }
}

function unionMessage(issue: z.core.$ZodIssueInvalidUnion): string {
  return `${tidy(issue.message)}: see the stack config reference in README.md for the accepted forms`;
}

/** zod's default messages start with a capital ("Too small: …"); ours read after a field path. */
function tidy(message: string): string {
  return message.length > 0 ? message[0]!.toLowerCase() + message.slice(1) : message;
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** The known key within edit distance 2, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
