import { describe, expect, it } from "vitest";
import { dnsAdoptedRetained } from "../../../policy/rules/dns-adopted-retained";
import { evaluateRule } from "../../../policy/scorecard";
import { record } from "../../helpers/planned";

const offline = (importId?: string, retainOnDelete = false) => ({ protect: false, ignoreChanges: [], retainOnDelete, ...(importId !== undefined ? { importId } : {}) });

describe("dns.adopted_retained: imported resources are kept on delete", () => {
  it("passes an adopted record with retainOnDelete", () => {
    const r = record("status.acme.example", "CNAME", "x.example.net", {});
    expect(evaluateRule(dnsAdoptedRetained, [{ ...r, options: offline("zone/rec", true) }]).status).toBe("pass");
  });

  it("fails an adopted record without retainOnDelete, saying what destroy would do", () => {
    const r = { ...record("status.acme.example", "CNAME", "x.example.net"), options: offline("zone/rec", false) };
    expect(evaluateRule(dnsAdoptedRetained, [r])).toMatchObject({ status: "fail", violations: [{ urn: r.urn, message: expect.stringMatching(/would delete a record the toolkit did not create.*retainOnDelete: true/) }] });
  });

  it("is not applicable when nothing is adopted", () => {
    expect(evaluateRule(dnsAdoptedRetained, [{ ...record("acme.example", "A", "192.0.2.1"), options: offline() }]).status).toBe("not-applicable");
  });

  it("is not applicable, never a pass, under CrossGuard where options are invisible", () => {
    const v = evaluateRule(dnsAdoptedRetained, [record("acme.example", "A", "192.0.2.1")]);
    expect(v).toMatchObject({ status: "not-applicable", message: expect.stringMatching(/CrossGuard/) });
  });
});
