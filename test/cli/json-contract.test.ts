/**
 * The documented JSON contracts (the schemas docs/CHECKS.md is generated from) hold for the real output, strictly:
 * a key the document gains without the contract, or loses, fails here.
 */
import { describe, expect, it } from "vitest";
import { ERROR_JSON } from "../../cli/error-document-contract";
import { PREVIEW_JSON } from "../../cli/preview/json-contract";
import { AUDIT_JSON } from "../../audit/report/json-contract";
import { cli } from "./run-cli";

describe("the JSON contracts", () => {
  it("preview --json of the example stack parses with the preview contract", () => {
    const r = cli("preview", "--stack", "example", "--json");
    expect(r.status).toBe(0);
    const doc = PREVIEW_JSON.parse(JSON.parse(r.stdout));
    expect(doc.checks.length).toBeGreaterThan(0);
  });

  it("audit --json parses with the audit contract, blocked checks included", () => {
    const r = cli("audit", "--json", "--resolver", "127.0.0.1:9", "--timeout", "50", "--deadline", "5000", "a.test");
    expect(r.status).toBe(3);
    const doc = AUDIT_JSON.parse(JSON.parse(r.stdout));
    expect(doc.domains[0]?.checks.some((c) => c.blockedBy === "dns.resolve")).toBe(true);
  });

  it("an early stop parses with the error contract", () => {
    const r = cli("audit", "--json", "--timeout", "0", "a.test");
    expect(r.status).toBe(2);
    expect(ERROR_JSON.parse(JSON.parse(r.stdout)).errors[0]?.path).toBe("--timeout");
  });
});
