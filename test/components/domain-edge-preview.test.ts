import { beforeAll, describe, expect, it } from "vitest";
import { SSL_TLS } from "../../checklist/catalog/ssl-tls";
import { DNS_REDIRECTS } from "../../checklist/catalog/dns-redirects";
import type { OfflineRun } from "../../engine/run";
import type { Scorecard } from "../../policy/scorecard";
import { readStack, runStack } from "../stacks/support/run-stack";

/** The example stack under `pulumi preview` (ids and provider outputs unknown). */
describe("Domain component in preview mode", () => {
  let run: OfflineRun;
  let scorecard: Scorecard;
  beforeAll(async () => {
    ({ run, scorecard } = await runStack(readStack("example"), true));
  });

  it("knows every edge input before apply (the zone id comes from the zone lookup)", () => {
    // SES's Easy DKIM CNAMEs are named from tokens SES returns at apply (test/stacks/email.test.ts).
    const edge = run.resources.filter((r) => /dnsRecord|zoneSetting|ruleset|zoneDnssec/.test(r.type) && !/-ses-dkim-\d$/.test(r.name));
    expect(edge.length).toBeGreaterThan(20);
    for (const r of edge) expect(JSON.stringify(r.displayInputs)).not.toContain("[unknown]");
    const hsts = run.resources.find((r) => r.inputs["settingId"] === "security_header");
    expect(hsts?.inputs["value"]).toEqual({ strict_transport_security: { enabled: true, max_age: 31536000, include_subdomains: true, preload: false, nosniff: true } });
  });

  it("leaves the DS record unknown until apply", () => {
    const zones = run.outputs["zones"];
    expect(zones === "[unknown]" || JSON.stringify(zones).includes("[unknown]")).toBe(true);
  });

  it("passes every SSL/TLS and DNS/redirect check it can decide, but for preload not requested and the DS not yet published", () => {
    const edgeIds = new Set<string>([...Object.keys(SSL_TLS), ...Object.keys(DNS_REDIRECTS)]);
    const edge = scorecard.checks.filter((c) => edgeIds.has(c.id));
    expect(edge.filter((c) => c.status === "fail")).toEqual([]);
    expect(edge.filter((c) => c.status !== "pass").map((c) => [c.id, c.status]).sort()).toEqual([["dnssec.chain", "warn"], ["hsts.preload_ready", "info"]]);
    expect(scorecard.rows.find((r) => r.row === "ssl-tls")?.status).toBe("pass");
    // Before apply dnssec.chain can only say "signed, DS not yet published" (a warning: publishing the DS is an
    // action outside the plan), the same outcome the auditor gives until the registrar has the DS; never a pass.
    expect(edge.filter((c) => c.status === "warn").map((c) => c.id)).toEqual(["dnssec.chain"]);
    expect(scorecard.rows.find((r) => r.row === "dns-redirects")?.status).toBe("warn");
  });
});
