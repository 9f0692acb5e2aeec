/**
 * caa.issuer_match with an in-memory zone: which CAs the relevant CAA set (RFC 8659 §3) lets issue for the name.
 */
import { describe, expect, it } from "vitest";
import { caaModule } from "../../../../audit/checks/dns/caa";
import type { CaaRecord } from "../../../../audit/types";
import { fakeDns, target } from "../email/fakes";
import { labContext } from "./context";

const D = "acme.example";
const LE = "C=US, O=Let's Encrypt, CN=R11";
const caa = (flags: number, tag: string, value: string): CaaRecord => ({ flags, tag, value });

async function issuerMatch(records: readonly CaaRecord[]) {
  // The module leaves remediation to the runner, so its results are read as they come.
  const results = await caaModule.run(target(D), labContext(fakeDns({ [D]: { CAA: records } }), { issuer: LE }));
  const r = results.find((x) => x.id === "caa.issuer_match");
  if (!r) throw new Error("no caa.issuer_match result");
  return r;
}

describe("caa.issuer_match", () => {
  it("passes a set with only iodef: it restricts no CA (RFC 8659 §4.2)", async () => {
    expect(await issuerMatch([caa(0, "iodef", "mailto:security@acme.example")])).toMatchObject({ status: "pass", summary: expect.stringContaining("restricts no CA") });
  });
  it("passes a set with only issuewild for the non-wildcard name", async () => {
    expect((await issuerMatch([caa(0, "issuewild", "letsencrypt.org")])).status).toBe("pass");
  });
  it("fails an unknown critical tag even without issue: no CA may issue", async () => {
    expect((await issuerMatch([caa(128, "tbs", "x"), caa(0, "iodef", "mailto:security@acme.example")])).status).toBe("fail");
  });
  it("fails an issue set that leaves out the live CA and the platform CAs", async () => {
    expect(await issuerMatch([caa(0, "issue", "digicert.com")])).toMatchObject({ status: "fail", summary: expect.stringContaining("live certificate's CA") });
  });
});
