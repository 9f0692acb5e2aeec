import { describe, expect, it } from "vitest";
import { secretsNoPlaintext } from "../../../policy/rules/secrets-no-plaintext";
import { evaluateRule } from "../../../policy/scorecard";
import { defaultProviders, parseStackFile } from "../../../config/stack-file";
import { UNKNOWN } from "../../../policy/unknowns";
import { planned, ZONE } from "../../helpers/planned";
import { CREDENTIALS, pemPrivateKey } from "../../core/secrets/fixtures";

/** A legacy (unprefixed) Cloudflare API token: only its name says what it is. */
const TOKEN = "Xq7mLp2RvT9zWn4KcB8dHs3JfY6gA1eUoI5rN0tQ";

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

describe("secrets.no_plaintext: judges content too, in any planned input", () => {
  const TXT = "cloudflare:index/dnsRecord:DnsRecord";

  it("fails a PEM private key pasted into a TXT record, naming the record and input, without the key", () => {
    const pem = pemPrivateKey();
    const r = planned(TXT, { zoneId: ZONE, name: "key.acme.example", type: "TXT", content: pem, ttl: 1 }, { name: "acme-example-dns-key-txt", secretInputs: [] });
    const v = evaluateRule(secretsNoPlaintext, [r]);
    expect(v).toMatchObject({ status: "fail", violations: [{ urn: r.urn, message: "acme-example-dns-key-txt.content is planned as plaintext: private key (PEM) (value withheld)" }] });
    expect(JSON.stringify(v)).not.toContain(pem.slice(30, 60));
  });

  it("fails a provider token nested deep in an input, naming the path", () => {
    const token = CREDENTIALS.githubToken();
    const r = planned("cloudflare:index/ruleset:Ruleset", { rules: [{ actionParameters: { headers: { "x-token": { value: token } } } }] }, { name: "rs", secretInputs: [] });
    const v = evaluateRule(secretsNoPlaintext, [r]);
    expect(v).toMatchObject({ status: "fail", violations: [{ message: expect.stringContaining("rs.rules[0].actionParameters.headers.x-token.value is planned as plaintext") }] });
    expect(JSON.stringify(v)).not.toContain(token);
  });

  it("passes the same token when the input is a Pulumi secret", () => {
    const r = planned(TXT, { content: CREDENTIALS.githubToken() }, { secretInputs: ["content"] });
    expect(evaluateRule(secretsNoPlaintext, [r]).status).toBe("pass");
  });

  it("is not thrown off by values unknown before apply: a literal credential beside them still fails", () => {
    const r = planned(TXT, { zoneId: UNKNOWN, name: "key.acme.example", content: CREDENTIALS.stripeKey(), nested: { id: UNKNOWN, list: [UNKNOWN, "x"] } }, { secretInputs: [] });
    expect(evaluateRule(secretsNoPlaintext, [r]).status).toBe("fail");
    const clean = planned(TXT, { zoneId: UNKNOWN, name: "www.acme.example", content: "v=spf1 -all" }, { secretInputs: [] });
    expect(evaluateRule(secretsNoPlaintext, [clean]).status).toBe("not-applicable");
  });

  it("fails a plaintext cloudflare:apiToken in the stack file, naming the stack-file key, not the value", () => {
    const stack = parseStackFile(`config:\n  cloudflare:apiToken: ${TOKEN}\n  aws:region: eu-west-1\n`, "leaky", "stacks/Pulumi.leaky.yaml");
    const v = evaluateRule(secretsNoPlaintext, defaultProviders(stack, "launch-ready"));
    expect(v).toMatchObject({ status: "fail", violations: [{ message: "cloudflare:apiToken (stack config) is planned as plaintext: named as a credential (value withheld)" }] });
    expect(JSON.stringify(v)).not.toContain(TOKEN);
  });

  it.each(["cloudflare:apiKey", "aws:secretKey", "aws:accessKey", "aws:token"])("fails a plaintext %s and passes it when secure:", (key) => {
    const plain = parseStackFile(`config:\n  ${key}: x7Qm2pL9vR4tZ8wN\n`, "s", "f");
    const secure = parseStackFile(`config:\n  ${key}:\n    secure: v1:abc\n`, "s", "f");
    expect(evaluateRule(secretsNoPlaintext, defaultProviders(plain, "launch-ready")).status).toBe("fail");
    expect(evaluateRule(secretsNoPlaintext, defaultProviders(secure, "launch-ready")).status).toBe("pass");
  });

  it("under CrossGuard a provider's config-fed credential cannot be told from a secure: one: cannot tell, never a pass", () => {
    const provider = planned("pulumi:providers:cloudflare", { apiToken: TOKEN }, { name: "default" });
    const v = evaluateRule(secretsNoPlaintext, [provider]);
    expect(v.status).toBe("cannot-tell");
    expect(JSON.stringify(v)).not.toContain(TOKEN);
  });
});
