import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandTemplate, matchTemplate, parseTemplate } from "../../../core/routes";

const parsed = (t: string) => {
  const p = parseTemplate(t);
  if (!p.ok) throw new Error(p.error);
  return p.template;
};

describe("path templates", () => {
  it("gives the same shape to templates that differ only in parameter names", () => {
    expect(parsed("/api/orgs/{orgId}/posts/{postId}").shape).toBe(parsed("/api/orgs/{a}/posts/{b}").shape);
    expect(parsed("/api/orgs/{orgId}").shape).not.toBe(parsed("/api/orgs/{orgId}/").shape);
  });

  it("expands IDs as single encoded segments, so an ID can never reach another route", () => {
    expect(expandTemplate(parsed("/api/orgs/{orgId}/files/{fileId}"), { orgId: "1", fileId: "../admin" })).toEqual({ ok: true, path: "/api/orgs/1/files/..%2Fadmin" });
    expect(expandTemplate(parsed("/api/orgs/{orgId}"), {})).toEqual({ ok: false, missing: ["orgId"] });
  });

  it("matches what it expands to, with the same IDs (property)", () => {
    const t = parsed("/api/orgs/{orgId}/posts/{postId}");
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (orgId, postId) => {
        const e = expandTemplate(t, { orgId, postId });
        expect(e.ok && matchTemplate(t, e.path)).toEqual({ orgId, postId });
      }),
    );
  });

  it("does not match other paths", () => {
    const t = parsed("/api/orgs/{orgId}");
    expect(matchTemplate(t, "/api/orgs")).toBeUndefined();
    expect(matchTemplate(t, "/api/orgs/")).toBeUndefined();
    expect(matchTemplate(t, "/API/orgs/1")).toBeUndefined();
  });
});
