import { describe, expect, it } from "vitest";
import { normaliseTxt } from "../../../core/dns/txt";
import { dnsTxtNormalised } from "../../../policy/rules/dns-txt-normalised";
import { evaluateRule } from "../../../policy/scorecard";
import { record } from "../../helpers/planned";

describe("dns.txt_normalised: TXT quoted and split into 255-byte strings", () => {
  it("passes normalised content, long values included", () => {
    const long = normaliseTxt(`v=DKIM1; k=rsa; p=${"B".repeat(400)}`);
    expect(evaluateRule(dnsTxtNormalised, [record("acme.example", "TXT", '"v=spf1 -all"'), record("k._domainkey.acme.example", "TXT", long)]).status).toBe("pass");
  });

  it("fails raw and unsplit content, showing the form to use", () => {
    const raw = record("acme.example", "TXT", "v=spf1 -all");
    const unsplit = record("k._domainkey.acme.example", "TXT", `"${"C".repeat(300)}"`);
    expect(evaluateRule(dnsTxtNormalised, [raw, unsplit])).toMatchObject({
      status: "fail",
      violations: [
        { urn: raw.urn, message: expect.stringMatching(/drift on every preview: write it as "v=spf1 -all"/) },
        { urn: unsplit.urn, message: expect.stringMatching(/quoted 255-byte strings/) },
      ],
    });
  });

  it("is not applicable without TXT records", () => {
    expect(evaluateRule(dnsTxtNormalised, [record("acme.example", "A", "192.0.2.1")]).status).toBe("not-applicable");
  });
});
