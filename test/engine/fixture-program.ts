/**
 * A small Pulumi program written by the engine tests: one of each thing the capture must see (a component and its
 * child, a generated secret flowing into another resource, an adopted resource with options, a literal secret).
 */
import type { LiveZoneState } from "../../engine/live";
import { tempDir } from "../helpers/temp-dir";

export const FIXTURE_PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import * as cloudflare from "@pulumi/cloudflare";
import * as random from "@pulumi/random";
import * as secretsmanager from "@pulumi/aws/secretsmanager";

class Box extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("test:index:Box", name, {}, opts);
    const pw = new random.RandomPassword(name + "-pw", { length: 40, special: false }, { parent: this });
    const secret = new secretsmanager.Secret(name + "-secret", { name: "app/session" }, { parent: this });
    new secretsmanager.SecretVersion(name + "-version", { secretId: secret.id, secretString: pw.result }, { parent: this, ignoreChanges: ["secretString"] });
    this.registerOutputs({});
  }
}

const cfg = new pulumi.Config("fixture");
new Box("box");
const adopted = new cloudflare.DnsRecord("adopted", {
  zoneId: "0123456789abcdef0123456789abcdef", name: "mail.acme.example", type: "MX", content: "mx.example.net", priority: 10, ttl: 3600,
}, { import: "0123456789abcdef0123456789abcdef/fedcba9876543210fedcba9876543210", retainOnDelete: true, protect: true });
new cloudflare.DnsRecord("follower", {
  zoneId: "0123456789abcdef0123456789abcdef", name: "follow.acme.example", type: "TXT", content: adopted.id, ttl: 1,
});
new cloudflare.DnsRecord("leaky", {
  zoneId: "0123456789abcdef0123456789abcdef", name: "leak.acme.example", type: "TXT", content: cfg.requireSecret("token"), ttl: 1,
});
export const token = cfg.requireSecret("token");
export const plain = "visible";
`;

export function writeFixtureProject(): { dir: string; cleanup(): void } {
  const t = tempDir("engine");
  t.write("Pulumi.yaml", "name: fixture\nruntime: nodejs\n");
  t.write("index.ts", FIXTURE_PROGRAM);
  return t;
}

export const FIXTURE_STACK = {
  stack: "test",
  path: "stacks/Pulumi.test.yaml",
  config: { "fixture:token": "s3cr3t-value-never-printed" },
  secretPaths: ["fixture:token"],
  secretKeys: ["fixture:token"],
};

/** The live record the fixture adopts, declared with exactly the values the program plans, so its import matches. */
export const FIXTURE_LIVE: LiveZoneState = {
  resources: new Map([
    [
      "0123456789abcdef0123456789abcdef/fedcba9876543210fedcba9876543210",
      {
        type: "cloudflare:index/dnsRecord:DnsRecord",
        values: { zoneId: "0123456789abcdef0123456789abcdef", name: "mail.acme.example", type: "MX", content: "mx.example.net", priority: 10, ttl: 3600 },
        inState: false,
        declaredAt: "the fixture",
      },
    ],
  ]),
  entrypoints: new Map(),
};
