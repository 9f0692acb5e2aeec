/**
 * The route inventory (`launch-ready:routes`, with `launch-ready:roles`): every route of the application with who
 * may call it and what it is for. Pure data plus lookups; config validates the stack file into it.
 */
import type { Access } from "./access";
import type { PathTemplate } from "./template";
import type { RouteKind, RouteMethod } from "./vocabulary";

export interface RouteSpec {
  readonly method: RouteMethod;
  readonly path: PathTemplate;
  readonly access: Access;
  readonly kinds: readonly RouteKind[];
  /** A state-changing request to this route may be sent again without harm (the probe replays it only then). */
  readonly replaySafe: boolean;
}

export interface RouteInventorySpec {
  /** Least to most privileged. */
  readonly roles: readonly string[];
  readonly routes: readonly RouteSpec[];
}

/** `GET /api/orgs/{orgId}`: how reports name a route. */
export function routeLabel(r: Pick<RouteSpec, "method" | "path">): string {
  return `${r.method} ${r.path.text}`;
}

export function routesOfKind(inv: RouteInventorySpec, kind: RouteKind): readonly RouteSpec[] {
  return inv.routes.filter((r) => r.kinds.includes(kind));
}
