/** The route inventory in the stack config: parsed into spec.routes, every mistake named by its field path with the fix. */
import { describe, expect, it } from "vitest";
import { validateConfig } from "../../config/validate";

const stack = (routes: unknown, roles: unknown = ["member", "editor", "admin"]) => ({
  "launch-ready:domains": [{ name: "acme.example" }],
  "launch-ready:roles": roles,
  "launch-ready:routes": routes,
});

describe("route inventory config", () => {
  it("parses templates, access levels, kinds and replaySafe into spec.routes", () => {
    const { value, errors } = validateConfig(
      stack([
        { method: "POST", path: "/api/login", access: "public", kind: ["login"] },
        { method: "GET", path: "/api/orgs/{orgId}/posts/{postId}", access: "tenant" },
        { method: "DELETE", path: "/api/orgs/{orgId}", access: "role:admin", replaySafe: true },
      ]),
    );
    expect(errors).toEqual([]);
    const routes = value?.routes?.routes ?? [];
    expect(value?.routes?.roles).toEqual(["member", "editor", "admin"]);
    expect(routes.map((r) => [r.method, r.path.text, r.path.params, r.access, r.kinds, r.replaySafe])).toEqual([
      ["POST", "/api/login", [], { kind: "public" }, ["login"], false],
      ["GET", "/api/orgs/{orgId}/posts/{postId}", ["orgId", "postId"], { kind: "tenant" }, [], false],
      ["DELETE", "/api/orgs/{orgId}", ["orgId"], { kind: "role", role: "admin" }, [], true],
    ]);
  });

  it("leaves spec.routes out when the stack declares no inventory", () => {
    const { value } = validateConfig({ "launch-ready:domains": [{ name: "acme.example" }] });
    expect(value).toBeDefined();
    expect(value?.routes).toBeUndefined();
  });

  it.each([
    ["a parameter that is not a whole segment", { method: "GET", path: "/api/orgs/x{orgId}", access: "tenant" }, "launch-ready:routes[0].path", /whole segment/],
    ["an unbalanced brace", { method: "GET", path: "/api/orgs/{orgId", access: "tenant" }, "launch-ready:routes[0].path", /unbalanced/],
    ["a relative path", { method: "GET", path: "api/me", access: "authenticated" }, "launch-ready:routes[0].path", /start with `\/`/],
    ["a query string", { method: "GET", path: "/search?q=x", access: "public" }, "launch-ready:routes[0].path", /query or fragment/],
    ["a parameter used twice", { method: "GET", path: "/a/{id}/b/{id}", access: "tenant" }, "launch-ready:routes[0].path", /twice/],
    ["an unknown access level", { method: "GET", path: "/a", access: "admins" }, "launch-ready:routes[0].access", /public, authenticated, tenant or role:<name>/],
    ["an unknown method", { method: "FETCH", path: "/a", access: "public" }, "launch-ready:routes[0].method", /one of `GET`/],
    ["an unknown kind", { method: "GET", path: "/a", access: "public", kind: ["signin"] }, "launch-ready:routes[0].kind[0]", /one of `login`/],
    ["a misspelt key", { method: "GET", path: "/a", access: "public", replaysafe: true }, "launch-ready:routes[0].replaysafe", /did you mean `replaySafe`/],
  ])("rejects %s, naming the field", (_what, route, path, message) => {
    const { value, errors } = validateConfig(stack([route]));
    expect(value).toBeUndefined();
    expect(errors.map((e) => e.path)).toEqual([path]);
    expect(errors[0]?.message).toMatch(message);
  });

  it("rejects an unknown role with a suggestion and the declared roles", () => {
    const { errors } = validateConfig(stack([{ method: "GET", path: "/admin", access: "role:admn" }]));
    expect(errors).toEqual([{ path: "launch-ready:routes[0].access", message: "names the unknown role `admn`: did you mean `admin`? Or declare it under launch-ready:roles (now member, editor, admin)" }]);
  });

  it("rejects a role route when no roles are declared", () => {
    const { errors } = validateConfig(stack([{ method: "GET", path: "/admin", access: "role:admin" }], []));
    expect(errors[0]?.path).toBe("launch-ready:routes[0].access");
    expect(errors[0]?.message).toMatch(/declares none/);
  });

  it("rejects the same method and path twice, even with other parameter names", () => {
    const { errors } = validateConfig(
      stack([
        { method: "GET", path: "/api/orgs/{orgId}", access: "tenant" },
        { method: "POST", path: "/api/orgs/{orgId}", access: "tenant" },
        { method: "GET", path: "/api/orgs/{id}", access: "tenant" },
      ]),
    );
    expect(errors).toEqual([{ path: "launch-ready:routes[2].path", message: "GET `/api/orgs/{id}` is the same route as launch-ready:routes[0] (parameter names aside): list each method and path once" }]);
  });

  it("rejects a role listed twice and a public admin route", () => {
    const { errors } = validateConfig(stack([{ method: "GET", path: "/admin", access: "public", kind: ["admin"] }], ["member", "member"]));
    expect(errors.map((e) => e.path)).toEqual(["launch-ready:roles[1]", "launch-ready:routes[0].access"]);
  });
});
