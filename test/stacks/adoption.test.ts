import { describe, expect, it } from "vitest";
import type { CapturedResource } from "../../engine/capture";
import { mapAt, readStack, runStack, stackVariant } from "./support/run-stack";

/**
 * Adoption in two `pulumi up`s (runbooks/dns-adoption.md): the committed stacks show the import step; these are the
 * same stacks once the user has set `cloudflare.imported: true` after that up succeeded.
 */
describe("adoption, second step (`cloudflare.imported: true`): the stack's values are applied to what was imported", () => {
  const find = (resources: readonly CapturedResource[], name: string): CapturedResource => {
    const r = resources.find((x) => x.name === name);
    if (r === undefined) throw new Error(`no resource ${name}`);
    return r;
  };

  it("www-canonical: the adopted entrypoint gets the stack's rules in place (never its name: no replacement), then Always Use HTTPS goes off after it", async () => {
    const { run, scorecard } = await runStack(
      stackVariant("www-canonical", "imported", (d) => {
        mapAt(d, 0, "cloudflare")["imported"] = true;
      }),
      false,
    );
    expect(run.errors).toEqual([]);
    const entrypoint = find(run.resources, "northwind-example-redirects-entrypoint");
    expect(entrypoint.options).toMatchObject({ importId: "zones/7c2e9a4b1d3f5e6a8b0c2d4e6f8a1b3c/9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b", retainOnDelete: true, ignoreChanges: ["name"] });
    const auh = find(run.resources, "northwind-example-edge-always-use-https");
    expect(auh.inputs["value"]).toBe("off");
    expect(auh.dependsOn).toContain(entrypoint.urn);
    expect(scorecard.checks.filter((c) => c.status === "fail").map((c) => c.id)).toEqual([]);
  });

  it("example: the adopted record keeps only retainOnDelete, so the next up applies the stack's comment, TTL and content", async () => {
    const { run } = await runStack(
      stackVariant("example", "imported", (d) => {
        mapAt(d, 0, "cloudflare")["imported"] = true;
      }),
      false,
    );
    expect(run.errors).toEqual([]);
    expect(find(run.resources, "acme-example-dns-status-cname").options).toMatchObject({ retainOnDelete: true, ignoreChanges: [] });
  });

  it("the committed stacks are in the import step: their imports match, so the first `pulumi up` of a used zone can succeed", async () => {
    for (const name of ["example", "www-canonical"]) {
      const { run } = await runStack(readStack(name), false);
      expect(run.errors, name).toEqual([]);
    }
  });
});
