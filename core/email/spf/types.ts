/** SPF record model (RFC 7208). */

export type SpfQualifier = "+" | "-" | "~" | "?";

export type SpfMechanism =
  | { readonly kind: "all" }
  | { readonly kind: "include"; readonly domain: string }
  | { readonly kind: "a"; readonly domain?: string; readonly cidr4?: number; readonly cidr6?: number }
  | { readonly kind: "mx"; readonly domain?: string; readonly cidr4?: number; readonly cidr6?: number }
  | { readonly kind: "ptr"; readonly domain?: string }
  | { readonly kind: "ip4"; readonly network: string; readonly prefix?: number }
  | { readonly kind: "ip6"; readonly network: string; readonly prefix?: number }
  | { readonly kind: "exists"; readonly domain: string };

export type SpfMechanismKind = SpfMechanism["kind"];

export type SpfTerm =
  | {
      readonly type: "directive";
      readonly qualifier: SpfQualifier;
      /** Whether the qualifier was written (a bare `all` means `+all`). */
      readonly explicitQualifier: boolean;
      readonly mechanism: SpfMechanism;
      readonly raw: string;
    }
  | { readonly type: "modifier"; readonly name: string; readonly value: string; readonly raw: string };

export interface SpfRecord {
  readonly terms: readonly SpfTerm[];
  readonly redirect?: string;
  readonly exp?: string;
}

export interface SpfParseResult {
  /** The terms that parsed; present even when `errors` is not empty, for evidence and lookup counting. */
  readonly record: SpfRecord;
  /** Any error is a permerror at receivers (RFC 7208 §4.6). */
  readonly errors: readonly string[];
  /** Valid but dubious: terms after `all`, a redirect that can never apply. */
  readonly warnings: readonly string[];
}
