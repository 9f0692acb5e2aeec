/**
 * Mocks for the offline preview: answers every resource and invoke the program makes with realistic ids and
 * outputs, deterministically (the same stack gives the same preview), with secrets kept secret.
 */
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { readBack } from "./provider";

export interface OfflineMocksOptions {
  /** `pulumi preview` (ids and computed outputs unknown) rather than `pulumi up`. */
  readonly preview: boolean;
  /** Known zones, name → id, so `getZone` answers as Cloudflare would for the stack's domains. */
  readonly zones: ReadonlyMap<string, string>;
  /** Records every invoke for the captured graph. */
  readonly onInvoke?: (token: string, inputs: Readonly<Record<string, unknown>>) => void;
  /**
   * Told each invoke the offline preview cannot answer. The SDK wraps the error thrown to the program in layers of
   * "error serializing property" that drop its message, so the run hears it here first.
   */
  readonly onUnanswered?: (message: string) => void;
}

/** A stable 32-hex id, shaped like Cloudflare's. */
export function fakeId(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}

const ACCOUNT = "123456789012";
const SES_IDENTITY = "aws:sesv2/emailIdentity:EmailIdentity";

/** SES Easy DKIM after apply: three 32-character tokens (shaped like SES's), the key length asked for, verified. */
function sesIdentityOutputs(name: string, inputs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const asked = inputs["dkimSigningAttributes"];
  const length = typeof asked === "object" && asked !== null && "nextSigningKeyLength" in asked && typeof asked.nextSigningKeyLength === "string" ? asked.nextSigningKeyLength : "RSA_2048_BIT";
  const tokens = [0, 1, 2].map((i) => fakeId("ses-dkim", name, String(i)).replace(/[0-9]/g, (d) => "abcdefghij"[Number(d)] ?? "a"));
  return { dkimSigningAttributes: { tokens, currentSigningKeyLength: length, nextSigningKeyLength: length, status: "SUCCESS", signingAttributesOrigin: "AWS_SES", lastKeyGenerationTimestamp: "2026-01-01T00:00:00Z" }, identityType: "DOMAIN", verifiedForSendingStatus: true };
}
const REGION = "eu-west-1";

export function offlineMocks(opts: OfflineMocksOptions): pulumi.runtime.Mocks {
  const zoneNameById = new Map([...opts.zones].map(([name, id]) => [id, name]));
  return {
    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, unknown> } {
      const id = fakeId(args.type, args.name);
      // A zone the program creates itself: later lookups by its id answer with its name, as Cloudflare would.
      if (args.type === "cloudflare:index/zone:Zone" && typeof args.inputs["name"] === "string") zoneNameById.set(id, args.inputs["name"].toLowerCase());
      // After apply, the state holds what the provider reads back (e.g. DNSSEC `pending`), not only what was sent.
      const computed = opts.preview ? {} : { ...computedOutputs(args.type, args.name, id, args.inputs, zoneNameById), ...readBack(args.type, args.inputs) };
      const state: Record<string, unknown> = { ...args.inputs, ...computed };
      // SES Easy DKIM: the tokens (and the block that holds them) exist only after apply, so preview shows it unknown.
      if (opts.preview && args.type === SES_IDENTITY) delete state["dkimSigningAttributes"];
      return { id: opts.preview ? undefined : id, state };
    },
    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
      opts.onInvoke?.(args.token, args.inputs);
      try {
        if (args.token === "cloudflare:index/getZone:getZone") return zoneLookup(args.inputs, opts.zones, zoneNameById);
        // The AWS account the credentials belong to: a fixed, obviously fake one offline.
        if (args.token === "aws:index/getCallerIdentity:getCallerIdentity") return { id: ACCOUNT, accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/offline`, userId: "AIDAOFFLINEEXAMPLE" };
        throw new Error(`the offline preview has no answer for the invoke '${args.token}': add it to engine/mocks.ts`);
      } catch (err) {
        opts.onUnanswered?.(err instanceof Error ? err.message : String(err));
        throw err;
      }
    },
  };
}

function zoneLookup(
  inputs: Readonly<Record<string, unknown>>,
  zones: ReadonlyMap<string, string>,
  zoneNameById: Map<string, string>,
): Record<string, unknown> {
  const filter = inputs["filter"];
  const byName = typeof filter === "object" && filter !== null && "name" in filter ? String(filter.name) : undefined;
  const zoneId = typeof inputs["zoneId"] === "string" ? inputs["zoneId"] : byName !== undefined ? (zones.get(byName) ?? fakeId("zone", byName)) : undefined;
  const name = byName ?? (zoneId !== undefined ? zoneNameById.get(zoneId) : undefined);
  if (zoneId === undefined) throw new Error("getZone needs a zoneId or filter.name");
  if (name === undefined) {
    throw new Error(
      `the offline preview does not know which zone ${zoneId} is: it knows the zones the stack's launch-ready:domains name, zones the program looks up by name, and zones it creates; look this one up by name, or give its zoneId in launch-ready:domains`,
    );
  }
  // Looked up by name: a later lookup by the id answers with the same zone.
  zoneNameById.set(zoneId, name);
  return {
    id: zoneId,
    zoneId,
    name,
    type: "full",
    paused: false,
    nameServers: ["ada.ns.cloudflare.com", "bob.ns.cloudflare.com"],
    account: { id: fakeId("account", name), name: "Acme" },
    plan: { id: fakeId("plan"), name: "Free Website", legacyId: "free" },
  };
}

/** Outputs the provider computes on create, for the resource types the program uses. */
function computedOutputs(
  type: string,
  name: string,
  id: string,
  inputs: Readonly<Record<string, unknown>>,
  zoneNameById: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const now = "2026-01-01T00:00:00Z";
  if (type.startsWith("cloudflare:")) {
    const extra: Record<string, unknown> = { createdOn: now, modifiedOn: now };
    if (type === "cloudflare:index/zoneDnssec:ZoneDnssec") Object.assign(extra, dnssecOutputs(String(inputs["zoneId"] ?? ""), zoneNameById));
    return extra;
  }
  if (type === "random:index/randomPassword:RandomPassword") {
    const length = typeof inputs["length"] === "number" ? inputs["length"] : 32;
    // Never a real secret, but a secret all the same: the mock monitor ignores additionalSecretOutputs.
    return { result: pulumi.secret("x".repeat(length)), bcryptHash: pulumi.secret("$2a$10$offline") };
  }
  if (type.startsWith("aws:")) {
    const service = type.split(":")[1]?.split("/")[0] ?? "aws";
    // A load balancer's DNS name, shaped as AWS makes it (`<name>-<id>.<region>.elb.amazonaws.com`).
    // Its ARN and CloudWatch dimension as ELB makes them (`…:loadbalancer/app/<name>/<16 hex>`, `app/<name>/<16 hex>`).
    const lbSuffix = `app/${name}/${id.slice(0, 16)}`;
    const lb =
      type === "aws:lb/loadBalancer:LoadBalancer" || type === "aws:alb/loadBalancer:LoadBalancer"
        ? { dnsName: `${name}-${parseInt(id.slice(0, 8), 16)}.${REGION}.elb.amazonaws.com`, arn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/${lbSuffix}`, arnSuffix: lbSuffix }
        : {};
    // A resource's own `region` (AWS provider v7) wins over the provider's.
    const region = typeof inputs["region"] === "string" ? inputs["region"] : REGION;
    // SNS sends email and HTTPS endpoints a confirmation; until it is answered the subscription is pending.
    const sub = type === "aws:sns/topicSubscription:TopicSubscription" ? { pendingConfirmation: (inputs["protocol"] === "email" || inputs["protocol"] === "https") && inputs["endpointAutoConfirms"] !== true } : {};
    return { arn: `arn:aws:${service}:${region}:${ACCOUNT}:${name}`, region, ...lb, ...sub, ...(type === SES_IDENTITY ? sesIdentityOutputs(name, inputs) : {}) };
  }
  return { id };
}

/**
 * What Cloudflare reports once a zone is signed: an ECDSA P-256 key (algorithm 13, RFC 6605), flags 257 (KSK), and
 * the DS record with a SHA-256 digest (digest type 2, RFC 4509) that the registrar must publish. Derived from the
 * zone id, so the same stack gives the same DS; never a real key.
 */
function dnssecOutputs(zoneId: string, zoneNameById: ReadonlyMap<string, string>): Record<string, unknown> {
  const zone = zoneNameById.get(zoneId) ?? "zone.example";
  const digest = createHash("sha256").update(`ds\u0000${zoneId}`).digest("hex").toUpperCase();
  const keyTag = Number.parseInt(digest.slice(0, 4), 16);
  return {
    algorithm: "13",
    keyType: "ECDSAP256SHA256",
    digestType: "2",
    digestAlgorithm: "SHA256",
    keyTag,
    flags: 257,
    digest,
    publicKey: createHash("sha512").update(`key\u0000${zoneId}`).digest("base64"),
    ds: `${zone}. 3600 IN DS ${keyTag} 13 2 ${digest}`,
  };
}
