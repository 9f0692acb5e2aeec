/**
 * Who may call a route: `public` (anyone), `authenticated` (any signed-in user, whatever the tenant), `tenant`
 * (a member of the tenant the path's IDs name) or `role:<name>` (a member of that tenant holding the role or a
 * higher one). Roles are declared least to most privileged, so "a lower role" is well defined.
 */

export type Access =
  | { readonly kind: "public" }
  | { readonly kind: "authenticated" }
  | { readonly kind: "tenant" }
  | { readonly kind: "role"; readonly role: string };

export type AccessParse = { readonly ok: true; readonly access: Access } | { readonly ok: false; readonly error: string };

export function parseAccess(text: string): AccessParse {
  if (text === "public" || text === "authenticated" || text === "tenant") return { ok: true, access: { kind: text } };
  const m = /^role:(.*)$/.exec(text);
  if (m !== null) {
    const role = m[1] ?? "";
    if (/^[a-z][a-z0-9_-]{0,40}$/.test(role)) return { ok: true, access: { kind: "role", role } };
    return { ok: false, error: `'${text}' names no role: write role:<name> with a lower-case role name, e.g. role:admin` };
  }
  return { ok: false, error: `'${text}' is not an access level: use public, authenticated, tenant or role:<name>` };
}

export function accessText(a: Access): string {
  return a.kind === "role" ? `role:${a.role}` : a.kind;
}

/** Roles strictly below `role` in `roles` (least to most privileged); empty when the role is unknown or lowest. */
export function lowerRoles(roles: readonly string[], role: string): readonly string[] {
  const at = roles.indexOf(role);
  return at <= 0 ? [] : roles.slice(0, at);
}

/** Whether `held` satisfies a `role:<required>` route. */
export function roleSatisfies(roles: readonly string[], held: string, required: string): boolean {
  const h = roles.indexOf(held);
  const r = roles.indexOf(required);
  return h >= 0 && r >= 0 && h >= r;
}

/** Routes whose path IDs name a tenant's data: a member of another tenant must be refused. */
export function isTenantScoped(a: Access): boolean {
  return a.kind === "tenant" || a.kind === "role";
}
