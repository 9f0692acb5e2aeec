/**
 * `audit --stack <name>` must expect exactly what the stack creates: every stack in stacks/ is planned with the
 * program's own record plan, its records are served by an in-memory DNS, and the CAA checks run with the
 * expectations `--stack` loads. (Defect: the expectations were rebuilt by hand and always required ACM, so
 * `audit --stack www-canonical` failed caa.issuer_match on the very set that stack plans.)
 */
import { describe, expect, it } from "vitest";
import { caaModule } from "../../../audit/checks/dns/caa";
import { loadExpectedState } from "../../../audit/expected";
import type { CaaRecord } from "../../../audit/types";
import { listStacks, readStackFile } from "../../../config/stack-file";
import { validateConfig } from "../../../config/validate";
import { planDomainRecords } from "../../../core/dns/record-plan";
import { fakeDns, target } from "../checks/email/fakes";
import { labContext } from "../checks/dns/context";

const STACKS = listStacks("stacks");
/** A Cloudflare edge certificate from one of its CAs, as the proxied names serve after apply. */
const LE = "C=US, O=Let's Encrypt, CN=E6";

describe("audit --stack expects the CAA set its stack plans", () => {
  it("knows both stacks", () => {
    expect(STACKS).toEqual(expect.arrayContaining(["example", "www-canonical"]));
  });

  it.each(STACKS)("%s: auditing exactly the planned records gives no CAA failure", async (stack) => {
    const file = readStackFile("stacks", stack);
    const spec = validateConfig(file.config, { secretPaths: file.secretPaths }).value;
    if (!spec) throw new Error(`${stack} does not validate`);
    const expected = loadExpectedState("stacks", stack);
    for (const domain of spec.domains) {
      const caa = planDomainRecords(domain).filter((r) => r.caa !== undefined);
      expect(caa.length).toBeGreaterThan(0);
      const zone: Record<string, { CAA: CaaRecord[] }> = {};
      for (const r of caa) if (r.caa) (zone[r.name] ??= { CAA: [] }).CAA.push(r.caa);
      const ctx = { ...labContext(fakeDns(zone), { issuer: LE }), expected: expected.get(domain.name) };
      expect(ctx.expected).toBeDefined();
      const results = await caaModule.run(target(domain.name), ctx);
      expect(results.map((r) => [domain.name, r.id, r.status, r.summary])).toEqual([
        [domain.name, "caa.present", "pass", expect.any(String)],
        [domain.name, "caa.syntax", "pass", expect.any(String)],
        [domain.name, "caa.issuer_match", "pass", expect.any(String)],
      ]);
    }
  });

  it("expects ACM's CA only for a stack whose origin is on AWS", () => {
    expect(loadExpectedState("stacks", "example").get("acme.example")?.caaIssuers).toContain("amazon.com");
    expect(loadExpectedState("stacks", "www-canonical").get("northwind.example")?.caaIssuers).not.toContain("amazon.com");
  });
});
