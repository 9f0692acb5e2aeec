import type { ConfigIssue } from "./issues";

/** One line per issue: `  ✗ launch-ready:domains[0].name: 'acme..example' has an empty label …` */
export function formatIssues(issues: readonly ConfigIssue[], mark: string): string {
  return issues.map((i) => `  ${mark} ${i.path}: ${i.message}`).join("\n");
}

/** Reads the `launch-ready:` keys from Pulumi's config map, where objects arrive JSON-encoded. */
export function namespaceFromPulumiConfig(all: Readonly<Record<string, string>>, namespace: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(`${namespace}:`)) continue;
    out[key] = /^\s*[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
