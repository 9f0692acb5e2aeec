/**
 * One checklist rule: proves one checklist ID from the planned resources, before apply. The same definition runs
 * in the offline preview and, wrapped by `policy/index.ts`, in `pulumi preview --policy-pack policy`.
 */
import type { CheckId } from "../checklist";
import type { PlannedResource } from "./resource";

export interface Violation {
  readonly message: string;
  /** The resource in violation; omitted when the stack as a whole is (e.g. something missing). */
  readonly urn?: string;
}

export type RuleVerdict =
  | { readonly status: "pass"; readonly message: string; readonly urns: readonly string[] }
  | { readonly status: "fail"; readonly violations: readonly Violation[] }
  | { readonly status: "not-applicable"; readonly message: string };

export interface PlanRule {
  readonly id: CheckId;
  evaluate(resources: readonly PlannedResource[]): RuleVerdict;
}

export const pass = (message: string, urns: readonly string[] = []): RuleVerdict => ({ status: "pass", message, urns });
export const notApplicable = (message: string): RuleVerdict => ({ status: "not-applicable", message });
export const failWith = (violations: readonly Violation[]): RuleVerdict => ({ status: "fail", violations });

export function ofType(resources: readonly PlannedResource[], type: string): PlannedResource[] {
  return resources.filter((r) => r.type === type);
}

/** Cloudflare and AWS type tokens the rules look for, checked against the SDK classes in tests. */
export const TYPES = {
  cloudflareZone: "cloudflare:index/zone:Zone",
  dnsRecord: "cloudflare:index/dnsRecord:DnsRecord",
  randomPassword: "random:index/randomPassword:RandomPassword",
} as const;
