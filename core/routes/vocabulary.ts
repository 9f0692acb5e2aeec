/** The closed vocabularies of the route inventory. */

export const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

/**
 * What a route is for, as the rate-limit planner, the uptime checks and the auditor need to know it. A route may
 * carry several (a sign-in that also accepts invites).
 */
export const ROUTE_KINDS = ["login", "logout", "signup", "reset", "invite", "search", "health", "upload", "webhook", "admin"] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

/** Methods that change state (RFC 9110 §9.2.1: everything but the safe methods), replayed only when allowed. */
export function isStateChanging(method: RouteMethod): boolean {
  return method !== "GET" && method !== "HEAD";
}
