import * as cloudflare from "@pulumi/cloudflare";
import { beforeAll, describe, expect, it } from "vitest";
import type { CapturedResource } from "../../engine/capture";
import type { OfflineRun } from "../../engine/run";
import { readStack, runStack } from "../stacks/support/run-stack";

/** The example stack after `pulumi up` (mock engine, normal mode): every input and computed output known. */
describe("Domain component: the edge of the example stack, as registered", () => {
  let run: OfflineRun;
  const byName = (name: string): CapturedResource => {
    const r = run.resources.find((x) => x.name === name);
    if (r === undefined) throw new Error(`no resource ${name}; have ${run.resources.map((x) => x.name).join(", ")}`);
    return r;
  };
  beforeAll(async () => {
    ({ run } = await runStack(readStack("example"), false));
  });

  it("registers without errors", () => {
    expect(run.errors).toEqual([]);
  });

  it("uses the SDK's type tokens for every edge resource", () => {
    const types = new Set(run.resources.map((r) => r.type));
    for (const t of [cloudflare.DnsRecord, cloudflare.ZoneSetting, cloudflare.ZoneDnssec, cloudflare.Ruleset]) {
      expect(types).toContain(Reflect.get(t, "__pulumiType"));
    }
    expect(types).not.toContain("cloudflare:index/zone:Zone");
  });

  it("names every record by its FQDN and parents children to their components", () => {
    // The mail records are the email child's (test/components/email.test.ts).
    const records = run.resources.filter((r) => r.type === "cloudflare:index/dnsRecord:DnsRecord" && !r.name.startsWith("acme-example-email-"));
    expect(records.length).toBeGreaterThan(10);
    for (const r of records) {
      expect(String(r.inputs["name"])).toMatch(/(^|\.)acme\.example$/);
      expect(r.name.startsWith("acme-example-dns-")).toBe(true);
      expect(r.parentUrn).toBe(byName("acme-example-dns").urn);
    }
  });

  it("writes TXT content quoted, in the API's normal form", () => {
    expect(byName("acme-example-dns-_acme-verification-txt").inputs["content"]).toBe('"acme-site-verification=4f9c2a7e1b8d6f3a0c5e9b2d7a4f1c8e6b3d0a9f"');
  });

  it("writes CAA as structured data: Cloudflare's CAs, amazon.com for the ELB origin, the iodef", () => {
    const caa = run.resources.filter((r) => r.inputs["type"] === "CAA").map((r) => r.inputs["data"]);
    expect(caa).toContainEqual({ flags: 0, tag: "issue", value: "letsencrypt.org" });
    expect(caa).toContainEqual({ flags: 0, tag: "issuewild", value: "pki.goog" });
    expect(caa).toContainEqual({ flags: 0, tag: "issue", value: "amazon.com" });
    expect(caa).toContainEqual({ flags: 0, tag: "iodef", value: "mailto:security@acme.example" });
  });

  it("sets one ZoneSetting per setting, HSTS in the API's snake_case shape", () => {
    const settings = Object.fromEntries(
      run.resources.filter((r) => r.type === "cloudflare:index/zoneSetting:ZoneSetting").map((r) => [String(r.inputs["settingId"]), r.inputs["value"]]),
    );
    expect(settings).toEqual({
      ssl: "strict",
      // Off: the redirect ruleset's catch-all rule does the upgrade, so the order of the two cannot add a hop.
      always_use_https: "off",
      automatic_https_rewrites: "on",
      min_tls_version: "1.2",
      tls_1_3: "on",
      security_header: { strict_transport_security: { enabled: true, max_age: 31536000, include_subdomains: true, preload: false, nosniff: true } },
    });
  });

  it("writes the redirect entrypoint with a ref on every rule: legacy path first, then the alias, then the http → https catch-all", () => {
    const ruleset = byName("acme-example-redirects-entrypoint");
    expect(ruleset.inputs).toMatchObject({ kind: "zone", phase: "http_request_dynamic_redirect", zoneId: "0f3a2b1c4d5e6f708192a3b4c5d6e7f8" });
    const rules = ruleset.inputs["rules"];
    expect(Array.isArray(rules) && rules.map((r: unknown) => Reflect.get(Object(r), "ref"))).toEqual(["legacy-path-pricing-html", "alias-www-acme-example", "http-to-https"]);
    expect(rules).toContainEqual(
      expect.objectContaining({
        expression: 'http.host eq "www.acme.example" and not starts_with(http.request.uri.path, "/.well-known/")',
        action: "redirect",
        actionParameters: { fromValue: { statusCode: 301, preserveQueryString: true, targetUrl: { expression: 'concat("https://acme.example", http.request.uri.path)' } } },
      }),
    );
    // Last: any plain-http request on any host of the zone (as Always Use HTTPS did) → https, same host, path, query.
    expect(Array.isArray(rules) && rules.at(-1)).toEqual(
      expect.objectContaining({
        ref: "http-to-https",
        expression: 'not ssl and not starts_with(http.request.uri.path, "/.well-known/")',
        action: "redirect",
        enabled: true,
        actionParameters: { fromValue: { statusCode: 301, preserveQueryString: true, targetUrl: { expression: 'concat("https://", http.host, http.request.uri.path)' } } },
      }),
    );
  });

  it("adopts the listed record by import and keeps it on delete; creates the rest", () => {
    const adopted = byName("acme-example-dns-status-cname");
    expect(adopted.options).toMatchObject({ importId: "0f3a2b1c4d5e6f708192a3b4c5d6e7f8/5b1e0c7a9d2f4e6a8b3c1d0e9f8a7b6c", retainOnDelete: true });
    expect(byName("acme-example-dns-www-cname").options).toMatchObject({ retainOnDelete: false });
    expect(byName("acme-example-dns-www-cname").options.importId).toBeUndefined();
    expect(run.logs).toContainEqual({ severity: "info", message: expect.stringMatching(/1 adopted by import and kept on delete \(status\.acme\.example CNAME\); every other record in the zone is left alone/) });
  });

  it("signs the zone and exports the DS record for the registrar", () => {
    expect(byName("acme-example-dnssec-zone").inputs).toMatchObject({ status: "active" });
    expect(byName("acme-example-dnssec-zone").options).toMatchObject({ retainOnDelete: true });
    const zones = run.outputs["zones"];
    const ds: unknown = typeof zones === "object" && zones !== null ? Reflect.get(Reflect.get(zones, "acme.example"), "dnssecDs") : undefined;
    expect(ds).toMatchObject({ ds: expect.stringMatching(/^acme\.example\. 3600 IN DS \d+ 13 2 [0-9A-F]{64}$/), algorithm: "13", digestType: "2" });
  });

  it("switches Always Use HTTPS off only after the redirect ruleset exists (dependsOn), so a rejected ruleset never leaves plain http served", () => {
    const auh = byName("acme-example-edge-always-use-https");
    expect(auh.inputs["value"]).toBe("off");
    expect(auh.dependsOn).toContain(byName("acme-example-redirects-entrypoint").urn);
    expect(byName("acme-example-edge-ssl").dependsOn).not.toContain(byName("acme-example-redirects-entrypoint").urn);
  });

  it("on destroy or when `web` is removed, keeps the ruleset and says the settings stay (a zone setting has no delete), so http is still upgraded", () => {
    const settings = run.resources.filter((r) => r.type === "cloudflare:index/zoneSetting:ZoneSetting");
    expect(settings.length).toBe(6);
    for (const s of settings) expect(s.options.retainOnDelete, s.name).toBe(true);
    expect(byName("acme-example-redirects-entrypoint").options.retainOnDelete).toBe(true);
    expect(run.logs.filter((l) => /cannot be deleted/.test(l.message))).toEqual([]);
    expect(run.logs).toContainEqual({ severity: "info", message: expect.stringMatching(/acme\.example edge: Always Use HTTPS is switched off only after the redirect ruleset .*exists; on destroy or when `web` is removed, the zone settings keep their last values .* the redirect ruleset is kept, so http is still upgraded/) });
  });

  it("imports the adopted record exactly as it is live on the first up: every input but zone, name and type is kept from the live record", () => {
    const adopted = byName("acme-example-dns-status-cname");
    expect([...adopted.options.ignoreChanges].sort()).toEqual(["comment", "content", "proxied", "ttl"]);
    expect(byName("acme-example-dns-www-cname").options.ignoreChanges).toEqual([]);
  });

  it("does not compare DNSSEC's status, which Cloudflare reads back `pending` until the DS is at the registrar: no change on every refresh", () => {
    expect(byName("acme-example-dnssec-zone").options.ignoreChanges).toEqual(["status"]);
    expect(run.logs.filter((l) => /never settles/.test(l.message))).toEqual([]);
  });
});
