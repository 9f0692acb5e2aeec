import type { AuditReport } from "../../../audit/types";

/** A report with every status, two domains, and text that could break tables. */
export function sampleReport(): AuditReport {
  return {
    domains: [
      {
        domain: "bücher.example",
        checks: [
          { id: "dns.resolve", status: "pass", summary: "xn--bcher-kva.example answers NS and SOA", evidence: { ns: ["ns1.test"] }, remediation: "" },
          { id: "caa.present", status: "warn", summary: "no CAA record at bücher.example or above", evidence: { climbed: ["xn--bcher-kva.example", "example"] }, remediation: "Keep the toolkit's CAA set." },
          { id: "hsts.present", status: "fail", summary: "no Strict-Transport-Security | header\non https://bücher.example/", evidence: {}, remediation: "Enable HSTS." },
          { id: "dnssec.chain", status: "error", summary: "DS xn--bcher-kva.example: timed out", evidence: {}, remediation: "Retry." },
          { id: "rate.login", status: "skip", summary: "rate probes not enabled (--probe rate)", evidence: {}, remediation: "" },
          { id: "mx.null", status: "info", summary: "not a parked domain", evidence: {}, remediation: "" },
        ],
      },
      { domain: "ok.example", checks: [{ id: "dns.resolve", status: "pass", summary: "ok.example answers NS and SOA", evidence: {}, remediation: "" }] },
    ],
    counts: { pass: 2, warn: 1, fail: 1, info: 1, error: 1, skip: 1 },
  };
}
