/**
 * routes.inventory: the route inventory has a route of every kind the stack's rate-limit presets and monitoring
 * need. Judged before apply only, from the stack config (no resource carries the inventory), so it is a spec rule
 * (`policy/spec-rules.ts`): the offline preview runs it; the CrossGuard pack, which sees resources but not the
 * stack config, cannot.
 */
import type { LaunchReadySpec } from "../../core/spec";
import { judged, notApplicable } from "../../core/judge";
import { inventoryGaps, type InventoryNeeds, type RouteKind } from "../../core/routes";
import { fromVerdicts } from "../rule";
import type { SpecRule } from "../spec-rules";

/** The route kind each rate-limit preset protects. */
const PRESET_KIND: Readonly<Record<string, RouteKind>> = { login: "login", "password-reset": "reset", invite: "invite", search: "search" };

export function inventoryNeeds(spec: LaunchReadySpec): InventoryNeeds[] {
  return spec.domains.flatMap((d) => [
    ...d.rateLimits.flatMap((r): InventoryNeeds[] => {
      // A preset is named by the endpoint's name (`login`, ...); a custom endpoint needs no route kind.
      const kind = PRESET_KIND[r.name];
      return kind === undefined ? [] : [{ kind, because: `the rate-limit preset \`${r.name}\` of ${d.name}` }];
    }),
    ...(d.monitoring !== undefined ? [{ kind: "health" as const, because: `the monitoring of ${d.name}` }] : []),
  ]);
}

export const routesInventory: SpecRule = {
  id: "routes.inventory",
  evaluate(spec) {
    const needs = inventoryNeeds(spec);
    const count = spec.routes?.routes.length ?? 0;
    if (needs.length === 0) {
      return fromVerdicts(
        count === 0 ? [] : [{ verdict: notApplicable(`the stack declares ${count} route(s) and uses no rate-limit preset or monitoring that needs one`) }],
        "No rate-limit preset or monitoring needs a route, and the stack declares no route inventory.",
      );
    }
    if (spec.routes === undefined || count === 0) {
      return fromVerdicts(
        [{ verdict: judged("routes.inventory", "missing", [`launch-ready:routes is not declared, but ${needs.map((n) => `${n.because} needs a \`${n.kind}\` route`).join("; ")}`]) }],
        "",
      );
    }
    const gaps = inventoryGaps(spec.routes, needs);
    if (gaps.length > 0) {
      return fromVerdicts(gaps.map((g) => ({ verdict: judged("routes.inventory", "incomplete", [`launch-ready:routes has no route of kind \`${g.kind}\`, which ${g.because} needs`]) })), "");
    }
    const kinds = [...new Set(needs.map((n) => n.kind))];
    return fromVerdicts([{ verdict: judged("routes.inventory", "complete", [`launch-ready:routes has a route of each kind the stack needs (${kinds.join(", ")})`]) }], "");
  },
};
