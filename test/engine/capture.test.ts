import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OfflineRun, runOffline } from "../../engine/run";
import { FIXTURE_LIVE, FIXTURE_STACK, writeFixtureProject } from "./fixture-program";

describe("mock-engine capture (as after `pulumi up`)", () => {
  const project = writeFixtureProject();
  let run: OfflineRun;
  beforeAll(async () => {
    run = await runOffline({ stack: FIXTURE_STACK, projectDir: project.dir, preview: false, live: FIXTURE_LIVE });
  });
  afterAll(() => project.cleanup());
  const byName = (name: string) => run.resources.find((r) => r.name === name);

  it("captures every registration with its type token, without errors", () => {
    expect(run.errors).toEqual([]);
    expect(run.resources.map((r) => [r.type, r.name]).sort()).toEqual([
      ["test:index:Box", "box"],
      ["random:index/randomPassword:RandomPassword", "box-pw"],
      ["aws:secretsmanager/secret:Secret", "box-secret"],
      ["cloudflare:index/dnsRecord:DnsRecord", "adopted"],
      ["cloudflare:index/dnsRecord:DnsRecord", "follower"],
      ["cloudflare:index/dnsRecord:DnsRecord", "leaky"],
      ["aws:secretsmanager/secretVersion:SecretVersion", "box-version"],
    ].sort());
  });

  it("records parents and resource options as the engine would see them", () => {
    const box = byName("box");
    expect(byName("box-pw")?.parentUrn).toBe(box?.urn);
    expect(byName("box-version")?.options.ignoreChanges).toEqual(["secretString"]);
    expect(byName("adopted")?.options).toMatchObject({
      protect: true,
      retainOnDelete: true,
      importId: "0123456789abcdef0123456789abcdef/fedcba9876543210fedcba9876543210",
    });
    expect(byName("follower")?.options).toMatchObject({ protect: false, retainOnDelete: false });
    expect(byName("follower")?.options.importId).toBeUndefined();
  });

  it("marks generated and configured secrets secret, masks them for display, and never leaks their value", () => {
    const version = byName("box-version");
    expect(version?.secretInputs).toEqual(["secretString"]);
    expect(version?.displayInputs["secretString"]).toBe("[secret]");
    expect(version?.propertyDependencies["secretString"]).toEqual([byName("box-pw")?.urn]);
    expect(byName("leaky")?.secretInputs).toEqual(["content"]);
    expect(JSON.stringify(run.resources.map((r) => r.displayInputs))).not.toContain("s3cr3t-value-never-printed");
    expect(run.outputs).toEqual({ token: "[secret]", plain: "visible" });
  });

  it("answers with realistic ids once applied", () => {
    expect(byName("follower")?.inputs["content"]).toMatch(/^[0-9a-f]{32}$/);
  });
});
