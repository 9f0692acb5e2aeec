import { describe, expect, it } from "vitest";
import { buildTlsRpt, isTlsRptRecord, parseTlsRpt } from "../../../core/email/tlsrpt";

describe("TLS-RPT record (RFC 8460 §3)", () => {
  it("reads mailto and https destinations", () => {
    expect(parseTlsRpt("v=TLSRPTv1; rua=mailto:tls@acme.example, https://r.acme.example/v1")).toEqual({ rua: ["mailto:tls@acme.example", "https://r.acme.example/v1"], errors: [] });
  });
  it.each([
    ["v=TLSRPTv1;", '"rua=" is missing'],
    ["v=TLSRPTv1; rua=http://r.example/", "must be mailto:address or https://"],
    ["v=TLSRPTv1; rua=tls@acme.example", "must be mailto:"],
    ["v=tlsrptv1; rua=mailto:a@b.example", 'must start with "v=TLSRPTv1;"'],
    ["v=TLSRPTv1; rua=mailto:a@b.example; rua=mailto:c@d.example", "appears more than once"],
  ])("rejects %s", (text, message) => {
    expect(parseTlsRpt(text).errors.join(" | ")).toContain(message);
  });
  it("builds what it parses", () => {
    expect(parseTlsRpt(buildTlsRpt(["tls@acme.example", "https://r.example/x"]))).toEqual({ rua: ["mailto:tls@acme.example", "https://r.example/x"], errors: [] });
    expect(isTlsRptRecord(buildTlsRpt(["a@b.example"]))).toBe(true);
  });
});
