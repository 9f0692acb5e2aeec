import { describe, expect, it } from "vitest";
import { TLSRPT_CHECKS } from "../../../../audit/checks/email/tlsrpt";
import { context, fakeDns, get, runModule, statusOf, target, type Zone } from "./fakes";

const D = "acme.example";
const tlsrpt = (zone: Zone) => runModule(TLSRPT_CHECKS, target(D), context({ dns: fakeDns(zone) }));
const STS: Zone = { [`_mta-sts.${D}`]: { TXT: ["v=STSv1; id=1"] } };

describe("tlsrpt.record (RFC 8460 §3)", () => {
  it("passes a valid record", async () => {
    const r = await tlsrpt({ [`_smtp._tls.${D}`]: { TXT: ["v=TLSRPTv1; rua=mailto:tls@acme.example"] } });
    expect(get(r, "tlsrpt.record")).toMatchObject({ status: "pass", summary: "TLS reports go to mailto:tls@acme.example" });
  });
  it("warns when absent while MTA-STS is on", async () => {
    expect(statusOf(await tlsrpt(STS), "tlsrpt.record")).toBe("warn");
  });
  it("is info when absent and MTA-STS is off", async () => {
    expect(statusOf(await tlsrpt({}), "tlsrpt.record")).toBe("info");
  });
  it("fails an invalid record and several records", async () => {
    expect(get(await tlsrpt({ [`_smtp._tls.${D}`]: { TXT: ["v=TLSRPTv1; rua=http://r.example/"] } }), "tlsrpt.record")).toMatchObject({ status: "fail", summary: expect.stringContaining("https://") });
    expect(statusOf(await tlsrpt({ [`_smtp._tls.${D}`]: { TXT: ["v=TLSRPTv1; rua=mailto:a@acme.example", "v=TLSRPTv1; rua=mailto:b@acme.example"] } }), "tlsrpt.record")).toBe("fail");
    expect(statusOf(await tlsrpt({ [`_smtp._tls.${D}`]: { TXT: ["v=tlsrptv1; rua=mailto:a@acme.example"] } }), "tlsrpt.record")).toBe("fail");
  });
  it("is an error when the lookup fails, or when MTA-STS status is unknown", async () => {
    expect(statusOf(await tlsrpt({ [`_smtp._tls.${D}`]: "slow" }), "tlsrpt.record")).toBe("error");
    expect(statusOf(await tlsrpt({ [`_mta-sts.${D}`]: "error" }), "tlsrpt.record")).toBe("error");
  });
});
