import { describe, expect, it } from "vitest";
import { secretsNoPlaintext } from "../../../policy/rules/secrets-no-plaintext";
import { evaluateRule } from "../../../policy/scorecard";
import { planned } from "../../helpers/planned";

const VERSION = "aws:secretsmanager/secretVersion:SecretVersion";

describe("secrets.no_plaintext: secret-looking inputs are secret", () => {
  it("passes a secret input (offline preview: secretness is known)", () => {
    const r = planned(VERSION, { secretString: "x".repeat(40) }, { secretInputs: ["secretString"] });
    expect(evaluateRule(secretsNoPlaintext, [r]).status).toBe("pass");
  });

  it("fails a plaintext secret input, naming the resource and input", () => {
    const r = planned(VERSION, { secretString: "hunter2" }, { name: "db-password", secretInputs: [] });
    expect(evaluateRule(secretsNoPlaintext, [r])).toMatchObject({ status: "fail", violations: [{ urn: r.urn, message: expect.stringMatching(/db-password.secretString is planned as plaintext/) }] });
  });

  it("under CrossGuard (secretness hidden) accepts a generated value and fails a literal", () => {
    const generated = planned(VERSION, { secretString: "x" }, { propertyDependencies: { secretString: ["urn:pulumi:test::p::random:index/randomPassword:RandomPassword::pw"] } });
    const literal = planned(VERSION, { secretString: "hunter2" });
    expect(evaluateRule(secretsNoPlaintext, [generated]).status).toBe("pass");
    expect(evaluateRule(secretsNoPlaintext, [literal]).status).toBe("fail");
  });

  it("is not applicable when nothing takes a secret", () => {
    expect(evaluateRule(secretsNoPlaintext, [planned("cloudflare:index/dnsRecord:DnsRecord", { name: "acme.example", content: "192.0.2.1" })]).status).toBe("not-applicable");
  });
});
