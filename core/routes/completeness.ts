/**
 * Is the inventory complete for what the stack uses? Each rate-limit preset needs a route of its kind (the planner
 * writes its rule for that route's path instead of guessing), and monitoring needs a health route (the uptime check
 * targets it). What the stack uses is the caller's to say; this only compares.
 */
import type { RouteInventorySpec } from "./inventory";
import type { RouteKind } from "./vocabulary";

export interface InventoryNeeds {
  readonly kind: RouteKind;
  /** Why the stack needs it, naming the config that does, e.g. "the rate-limit preset `login` of acme.example". */
  readonly because: string;
}

export interface InventoryGap extends InventoryNeeds {}

export function inventoryGaps(inv: RouteInventorySpec | undefined, needs: readonly InventoryNeeds[]): readonly InventoryGap[] {
  const have = new Set(inv?.routes.flatMap((r) => r.kinds) ?? []);
  return needs.filter((n) => !have.has(n.kind));
}
