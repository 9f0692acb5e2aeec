/**
 * Which requests the probe sends for each non-public route of the inventory, before any is sent (so the request
 * budget is checked up front). Per route and per tenant that owns test IDs: the owner's own request first (the
 * baseline: it must succeed, or refusals prove nothing), then every attempt that must be refused.
 */
import { expandTemplate, isStateChanging, isTenantScoped, lowerRoles, roleSatisfies, routeLabel, type RouteInventorySpec, type RouteSpec } from "../../../core/routes";
import type { Account, Credential } from "./credentials";

/** Which checklist ID an attempt serves. */
export type AttemptFamily = "baseline" | "authz.unauthenticated" | "authz.token_validation" | "authz.role" | "authz.tenant_isolation";

/** How the request authenticates. The credential itself is looked up at send time and never enters a report. */
export type Presented =
  | { readonly kind: "none" }
  | { readonly kind: "account"; readonly account: Account }
  | { readonly kind: "expired"; readonly account: Account; readonly credential: Credential }
  | { readonly kind: "malformed"; readonly like: Account }
  | { readonly kind: "altered"; readonly account: Account };

export interface Attempt {
  readonly route: RouteSpec;
  readonly family: AttemptFamily;
  /** What a report says about the request: e.g. `other tenant (bob of globex) with acme's IDs`. Never a secret. */
  readonly variant: string;
  readonly presented: Presented;
  readonly path: string;
  /** The tenant whose baseline this attempt depends on. */
  readonly owner: string;
  /** Markers that must not appear in the body: every tenant's but the caller's own. */
  readonly foreignMarkers: readonly { readonly tenant: string; readonly marker: string }[];
  /**
   * `refusal`: anything but a refusal fails. `guessed`: an incremented ID may land on the caller's own data, so a
   * 2xx without a foreign marker decides nothing. `marker-only`: a route without IDs answers each tenant with its own
   * data, so only a foreign marker in the body fails.
   */
  readonly judgeBy: "refusal" | "guessed" | "marker-only";
}

export interface RoutePlan {
  readonly route: RouteSpec;
  readonly attempts: readonly Attempt[];
  /** Why some checks of this route cannot be decided (nothing was or will be sent for them), by family. */
  readonly undecidable: readonly { readonly family: AttemptFamily | "all"; readonly reason: string }[];
}

export interface PlanOptions {
  readonly allowWrites: boolean;
}

function tenantOf(accounts: readonly Account[]): Map<string, Account[]> {
  const m = new Map<string, Account[]>();
  for (const a of accounts) m.set(a.tenant, [...(m.get(a.tenant) ?? []), a]);
  return m;
}

function describe(a: Account): string {
  return `${a.name} of ${a.tenant}${a.role !== undefined ? `, ${a.role}` : ""}`;
}

/** The account of `tenant` that may call `route`: for a role route one holding the role (the lowest such). */
function entitled(route: RouteSpec, members: readonly Account[], roles: readonly string[]): Account | undefined {
  if (route.access.kind !== "role") return members[0];
  const required = route.access.role;
  const able = members.filter((m) => m.role !== undefined && roleSatisfies(roles, m.role, required));
  return able.sort((a, b) => roles.indexOf(a.role ?? "") - roles.indexOf(b.role ?? ""))[0];
}

export function planProbe(inventory: RouteInventorySpec, accounts: readonly Account[], opts: PlanOptions): RoutePlan[] {
  const tenants = tenantOf(accounts);
  const roles = inventory.roles;
  const markersOf = (tenant: string) => (tenants.get(tenant) ?? []).flatMap((a) => a.markers.map((marker) => ({ tenant, marker })));
  const foreignTo = (tenant: string) => [...tenants.keys()].filter((t) => t !== tenant).flatMap(markersOf);
  return inventory.routes
    .filter((r) => r.access.kind !== "public")
    .map((route): RoutePlan => {
      if (isStateChanging(route.method) && !(opts.allowWrites && route.replaySafe)) {
        const why = !route.replaySafe ? "the inventory does not mark it `replaySafe`" : "--allow-writes was not given";
        return { route, attempts: [], undecidable: [{ family: "all", reason: `write not replayed: ${route.method} changes state and ${why}` }] };
      }
      const attempts: Attempt[] = [];
      const undecidable: { family: AttemptFamily | "all"; reason: string }[] = [];
      const scoped = isTenantScoped(route.access);
      for (const [tenant, members] of tenants) {
        const owner = entitled(route, members, roles);
        if (owner === undefined) {
          undecidable.push({ family: "all", reason: `no account of ${tenant} holds ${route.access.kind === "role" ? `role ${route.access.role} or higher` : "access"}, so nothing shows the route works for ${tenant}` });
          continue;
        }
        const own = expandTemplate(route.path, owner.ids);
        if (!own.ok) {
          undecidable.push({ family: "all", reason: `${describe(owner)} gives no ID for ${own.missing.map((m) => `{${m}}`).join(", ")} (accounts[].ids)` });
          continue;
        }
        const base = { route, path: own.path, owner: tenant, judgeBy: "refusal" as const };
        const foreign = foreignTo(tenant);
        attempts.push({ ...base, family: "baseline", variant: `own request (${describe(owner)})`, presented: { kind: "account", account: owner }, foreignMarkers: foreign });
        attempts.push({ ...base, family: "authz.unauthenticated", variant: "no credentials", presented: { kind: "none" }, foreignMarkers: foreign });
        attempts.push({ ...base, family: "authz.token_validation", variant: `malformed ${owner.credential.scheme.kind} credential`, presented: { kind: "malformed", like: owner }, foreignMarkers: foreign });
        attempts.push({ ...base, family: "authz.token_validation", variant: `${describe(owner)}'s credential with its signature altered`, presented: { kind: "altered", account: owner }, foreignMarkers: foreign });
        if (owner.expired !== undefined) {
          attempts.push({ ...base, family: "authz.token_validation", variant: `${describe(owner)}'s expired credential`, presented: { kind: "expired", account: owner, credential: owner.expired }, foreignMarkers: foreign });
        } else {
          undecidable.push({ family: "authz.token_validation", reason: `no expired credential given for ${owner.name} (accounts[].expired), so expiry is not checked` });
        }
        if (route.access.kind === "role") {
          const below = new Set(lowerRoles(roles, route.access.role));
          const lower = members.filter((m) => m.role === undefined || below.has(m.role));
          if (lower.length === 0 && below.size > 0) undecidable.push({ family: "authz.role", reason: `no account of ${tenant} has a role below ${route.access.role}` });
          for (const m of lower) {
            const p = expandTemplate(route.path, { ...owner.ids, ...m.ids });
            if (p.ok) attempts.push({ ...base, path: p.path, family: "authz.role", variant: `lower role (${describe(m)}) with ${tenant}'s IDs`, presented: { kind: "account", account: m }, foreignMarkers: foreign });
          }
        }
        if (!scoped) continue;
        for (const [other, theirs] of tenants) {
          if (other === tenant) continue;
          const outsider = entitled(route, theirs, roles) ?? theirs[0];
          if (outsider !== undefined) {
            attempts.push({ ...base, family: "authz.tenant_isolation", variant: `other tenant (${describe(outsider)}) with ${tenant}'s IDs`, presented: { kind: "account", account: outsider }, foreignMarkers: foreignTo(other), judgeBy: route.path.params.length === 0 ? "marker-only" : "refusal" });
          }
          const donor = entitled(route, theirs, roles) ?? theirs[0];
          for (const p of route.path.params) {
            const value = donor?.ids[p];
            if (value === undefined || value === owner.ids[p]) continue;
            const swapped = expandTemplate(route.path, { ...owner.ids, [p]: value });
            if (swapped.ok) attempts.push({ ...base, path: swapped.path, family: "authz.tenant_isolation", variant: `${describe(owner)} with {${p}} swapped for ${other}'s`, presented: { kind: "account", account: owner }, foreignMarkers: foreign });
          }
        }
        for (const p of route.path.params) {
          const value = owner.ids[p];
          if (value === undefined || !/^\d{1,15}$/.test(value)) continue;
          const next = String(Number(value) + 1);
          const tampered = expandTemplate(route.path, { ...owner.ids, [p]: next });
          if (tampered.ok) attempts.push({ ...base, path: tampered.path, family: "authz.tenant_isolation", variant: `${describe(owner)} with {${p}} incremented`, presented: { kind: "account", account: owner }, foreignMarkers: foreign, judgeBy: "guessed" });
        }
      }
      return { route, attempts, undecidable };
    });
}

export function plannedRequests(plans: readonly RoutePlan[]): number {
  return plans.reduce((n, p) => n + p.attempts.length, 0);
}

export { routeLabel };
