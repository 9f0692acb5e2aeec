/**
 * The planned-resource shape both policy runners hand to the rules: the offline preview (captured from the mock
 * engine) and the CrossGuard pack (adapted from `@pulumi/policy`'s PolicyResource). Pure data.
 */

export interface PlannedResource {
  /** Pulumi type token, e.g. `cloudflare:index/dnsRecord:DnsRecord`. */
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  /** The parent's URN, when there is one (components). */
  readonly parentUrn?: string;
  /** Resource inputs. In preview mode some values are unknown (see `isUnknown`); access them through the proxy. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /**
   * Top-level input names that hold a secret. `undefined` when the runner cannot tell (CrossGuard unwraps secrets
   * before policies see them): rules must then judge from `propertyDependencies`.
   */
  readonly secretInputs?: readonly string[];
  /** For each input, the URNs of the resources it was computed from. */
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  readonly options: PlannedOptions;
}

export interface PlannedOptions {
  readonly protect: boolean;
  /** `undefined` when the runner cannot see it (CrossGuard does not pass it to policies). */
  readonly retainOnDelete?: boolean;
  /** The import id, when the resource is adopted rather than created. `undefined` also when not visible. */
  readonly importId?: string;
  readonly ignoreChanges: readonly string[];
  readonly deleteBeforeReplace?: boolean;
  /** The URN of the explicit provider the resource was registered with (`provider:` option); absent for the default one. */
  readonly providerUrn?: string;
}

/** Short type names for messages: `cloudflare:index/dnsRecord:DnsRecord` → `cloudflare DnsRecord`. */
export function shortType(type: string): string {
  const parts = type.split(":");
  return parts.length === 3 ? `${parts[0]} ${parts[2]}` : type;
}
