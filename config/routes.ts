/**
 * `launch-ready:roles` and `launch-ready:routes`: the route inventory, inline in the stack file. Inline rather than a
 * file beside it because every reader validates the same config without I/O: the Pulumi program gets it from
 * `pulumi.Config`, which knows nothing of the stack file's directory, and `validateConfig` stays pure.
 *
 *   launch-ready:roles: [member, editor, admin]          # least to most privileged
 *   launch-ready:routes:
 *     - { method: POST, path: /api/login, access: public, kind: [login] }
 *     - { method: GET, path: "/api/orgs/{orgId}/posts/{postId}", access: tenant }
 *     - { method: DELETE, path: "/api/orgs/{orgId}/posts/{postId}", access: "role:admin", replaySafe: false }
 */
import { z } from "zod";
import { parseAccess, parseTemplate, ROUTE_KINDS, ROUTE_METHODS, type RouteInventorySpec, type RouteSpec } from "../core/routes";
import { closest, type ConfigIssue, formatPath } from "./issues";

const ROLE_NAME = /^[a-z][a-z0-9_-]{0,40}$/;

export const rolesSchema = z
  .array(z.string().regex(ROLE_NAME, { message: "must be a lower-case role name such as `admin`" }))
  .default([])
  .meta({
    description:
      "The application's roles, least to most privileged (e.g. `[member, editor, admin]`): `role:<name>` routes name one, and the authz probe replays them with a lower one.",
  });

const routeSchema = z.strictObject({
  method: z.enum(ROUTE_METHODS).meta({ description: "The HTTP method." }),
  path: z
    .string()
    .superRefine((p, ctx) => {
      const parsed = parseTemplate(p);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
    })
    .meta({ description: "The path template, parameters as whole segments: `/api/orgs/{orgId}/posts/{postId}`." }),
  access: z
    .string()
    .superRefine((a, ctx) => {
      const parsed = parseAccess(a);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
    })
    .meta({
      description:
        "Who may call it: `public` (anyone), `authenticated` (any signed-in user), `tenant` (a member of the tenant its IDs name) or `role:<name>` (such a member holding that role or a higher one).",
    }),
  kind: z
    .array(z.enum(ROUTE_KINDS))
    .default([])
    .meta({ description: "What the route is for (`login`, `reset`, `invite`, `search`, `health`, …): the rate-limit rules and uptime checks find their paths here." }),
  replaySafe: z
    .boolean()
    .default(false)
    .meta({ description: "A state-changing request (POST, PUT, PATCH, DELETE) may be sent again without harm: only then does `probe authz --allow-writes` replay it." }),
});

export const routesSchema = z
  .array(routeSchema)
  .default([])
  .meta({ description: "The route inventory: every route of the application, who may call it and what it is for." });

type RolesConfig = z.output<typeof rolesSchema>;
type RoutesConfig = z.output<typeof routesSchema>;

/** Cross-field rules (unknown role, duplicate route, duplicate role) with field paths; `undefined` when none declared. */
export function normaliseRoutes(roles: RolesConfig, routes: RoutesConfig, errors: ConfigIssue[]): RouteInventorySpec | undefined {
  const seenRoles = new Map<string, number>();
  roles.forEach((r, i) => {
    const first = seenRoles.get(r);
    if (first !== undefined) errors.push({ path: formatPath(["launch-ready:roles", i]), message: `\`${r}\` is already listed at launch-ready:roles[${first}]: list each role once, least to most privileged` });
    else seenRoles.set(r, i);
  });
  if (routes.length === 0 && roles.length === 0) return undefined;
  const seen = new Map<string, number>();
  const out: RouteSpec[] = [];
  routes.forEach((r, i) => {
    const at = (...p: PropertyKey[]) => formatPath(["launch-ready:routes", i, ...p]);
    const path = parseTemplate(r.path);
    const access = parseAccess(r.access);
    // The schema has reported both already; nothing more to say about this entry.
    if (!path.ok || !access.ok) return;
    if (access.access.kind === "role" && !seenRoles.has(access.access.role)) {
      const guess = closest(access.access.role, roles);
      errors.push({
        path: at("access"),
        message:
          roles.length === 0
            ? `names the role \`${access.access.role}\`, but launch-ready:roles declares none: list the roles there, least to most privileged`
            : `names the unknown role \`${access.access.role}\`: ${guess !== undefined ? `did you mean \`${guess}\`? Or declare` : "declare"} it under launch-ready:roles (now ${roles.join(", ")})`,
      });
    }
    const key = `${r.method} ${path.template.shape}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ path: at("path"), message: `${r.method} \`${r.path}\` is the same route as launch-ready:routes[${first}] (parameter names aside): list each method and path once` });
      return;
    }
    seen.set(key, i);
    if (access.access.kind === "public" && r.kind.includes("admin")) {
      errors.push({ path: at("access"), message: "is `public` on a route of kind `admin`: give it `role:<name>` (or drop the `admin` kind if it really is public)" });
    }
    out.push({ method: r.method, path: path.template, access: access.access, kinds: r.kind, replaySafe: r.replaySafe });
  });
  return { roles, routes: out };
}
