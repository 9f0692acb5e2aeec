/**
 * The stack's acknowledgements for the CrossGuard pack. Policies see resources, not the stack's config, but every
 * URN names its stack (`urn:pulumi:<stack>::<project>::…`): read that stack's file, as `launch-ready preview` does.
 * Anything unreadable means no acknowledgement, so a failure keeps blocking (the safe side).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Acknowledgement } from "../core/acknowledge";
import { readStackFile } from "../config/stack-file";
import { validateConfig } from "../config/validate";

const PROJECT_DIR = resolve(__dirname, "..");
const cache = new Map<string, readonly Acknowledgement[]>();

/** Where the stack files live: `LAUNCH_READY_STACKS_DIR`, else Pulumi.yaml's `stackConfigDir`, else the project. */
function stacksDir(): string {
  const override = process.env["LAUNCH_READY_STACKS_DIR"];
  if (override !== undefined && override !== "") return override;
  try {
    const m = /^stackConfigDir:\s*(\S+)/m.exec(readFileSync(join(PROJECT_DIR, "Pulumi.yaml"), "utf8"));
    return join(PROJECT_DIR, m?.[1] ?? ".");
  } catch {
    return PROJECT_DIR;
  }
}

export function stackOfUrn(urn: string): string | undefined {
  const m = /^urn:pulumi:([^:]+)::/.exec(urn);
  return m?.[1];
}

export function stackAcknowledgements(urn: string): readonly Acknowledgement[] {
  const stack = stackOfUrn(urn);
  if (stack === undefined) return [];
  const cached = cache.get(stack);
  if (cached !== undefined) return cached;
  let acks: readonly Acknowledgement[] = [];
  try {
    const file = readStackFile(stacksDir(), stack);
    acks = validateConfig(file.config, { secretPaths: file.secretPaths }).value?.acknowledgements ?? [];
  } catch {
    acks = [];
  }
  cache.set(stack, acks);
  return acks;
}
