import { describe, expect, it } from "vitest";
import { defaultProviders, parseStackFile, SECRET_PLACEHOLDER } from "../../config/stack-file";

const TEXT = [
  "config:",
  "  aws:region: eu-west-1",
  "  aws:secretKey: plain-and-wrong",
  "  cloudflare:apiToken:",
  "    secure: v1:abc",
  "  pulumi:template: none",
  "  launch-ready:domains:",
  "    - name: acme.example",
].join("\n");

describe("the stack file's provider settings, as the engine hands them to default providers", () => {
  const providers = defaultProviders(parseStackFile(TEXT, "prod", "stacks/Pulumi.prod.yaml"), "launch-ready");

  it("makes one pulumi:providers:<pkg> per provider namespace, leaving out the project's and pulumi's own keys", () => {
    expect(providers.map((p) => p.type)).toEqual(["pulumi:providers:aws", "pulumi:providers:cloudflare"]);
    expect(providers.map((p) => p.urn)).toEqual(["urn:pulumi:prod::launch-ready::pulumi:providers:aws::default", "urn:pulumi:prod::launch-ready::pulumi:providers:cloudflare::default"]);
  });

  it("keys inputs by the key inside the namespace, marks secure: keys secret and shows them as the placeholder", () => {
    const [aws, cloudflare] = providers;
    expect(aws).toMatchObject({ inputs: { region: "eu-west-1", secretKey: "plain-and-wrong" }, secretInputs: [] });
    expect(cloudflare).toMatchObject({ inputs: { apiToken: SECRET_PLACEHOLDER }, displayInputs: { apiToken: SECRET_PLACEHOLDER }, secretInputs: ["apiToken"] });
  });

  it("has nothing to plan for a stack without provider settings", () => {
    expect(defaultProviders(parseStackFile("config:\n  launch-ready:domains: []\n", "s", "f"), "launch-ready")).toEqual([]);
  });
});
