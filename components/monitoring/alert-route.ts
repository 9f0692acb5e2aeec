import * as aws from "../aws/services";
import * as pulumi from "@pulumi/pulumi";
import { HEALTH_CHECK_METRICS_REGION } from "../../core/monitoring/plan";
import type { AlertRouteArgs } from "./args";
import { validateAlertRouteArgs } from "./validate";

export type { AlertRouteArgs } from "./args";

/** The component's type token: part of every child's URN, so it never changes. */
export const ALERT_ROUTE_TYPE = "launch-ready:monitoring:AlertRoute";

/**
 * The AWS-managed KMS key for SNS. CloudWatch alarms cannot publish to a topic encrypted with it: its key policy,
 * which nobody can edit, does not let cloudwatch.amazonaws.com call kms:GenerateDataKey and kms:Decrypt (AWS re:Post
 * knowledge center, "Configure a CloudWatch alarm with an encrypted SNS topic"). So the topics use a customer
 * managed key that allows it, and monitoring.alert_route fails a topic on this one.
 */
export const SNS_MANAGED_KEY = "alias/aws/sns";

/** Services that publish alarms and notifications to the topics: allowed to use the topics' key. */
export const DEFAULT_PUBLISHERS = ["cloudwatch.amazonaws.com"] as const;

/** The key policy: the account administers the key; the publishing services may encrypt to the topic. */
export function alertKeyPolicy(accountId: string, publishers: readonly string[]): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Sid: "AccountAdministers", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "kms:*", Resource: "*" },
      { Sid: "PublishersEncrypt", Effect: "Allow", Principal: { Service: [...publishers] }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*" },
    ],
  });
}

/**
 * The topic policy when services besides CloudWatch publish: the account keeps the default owner's rights, and each
 * further service may publish for this account only. AWS Backup needs this statement to deliver vault
 * notifications (the provider's `aws.backup.VaultNotifications` docs pair it with an `aws.sns.TopicPolicy`);
 * CloudWatch alarms of the same account need none.
 */
export function alertTopicPolicy(accountId: string, topicArn: string, publishers: readonly string[]): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AccountOwns",
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: ["SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission", "SNS:RemovePermission", "SNS:DeleteTopic", "SNS:Subscribe", "SNS:ListSubscriptionsByTopic", "SNS:Publish"],
        Resource: topicArn,
        Condition: { StringEquals: { "AWS:SourceOwner": accountId } },
      },
      { Sid: "ServicesPublish", Effect: "Allow", Principal: { Service: [...publishers] }, Action: "SNS:Publish", Resource: topicArn, Condition: { StringEquals: { "aws:SourceAccount": accountId } } },
    ],
  });
}

/** One subscription as the stack output shows it: who, and whether AWS still waits for the confirmation click. */
export interface AlertSubscriptionState {
  readonly region: string;
  readonly protocol: "email" | "https";
  readonly endpoint: string;
  readonly pendingConfirmation: boolean;
}

/**
 * Where alarms go: an encrypted SNS topic per region (an alarm can notify only a topic in its own region) with the
 * on-call email subscriptions and, optionally, an HTTPS webhook. AWS emails each address a confirmation link; until
 * someone clicks it the subscription is pending and delivers nothing, which `subscriptions` shows after `pulumi up`.
 *
 * Children are named `${name}-…`: `${name}-topic-<region>`, `${name}-policy-<region>` (other publishers), `${name}-email-<i>-<region>`, `${name}-webhook-<region>`.
 */
export class AlertRoute extends pulumi.ComponentResource {
  /** The customer managed KMS key per region the topics are encrypted with; none when `kmsMasterKeyId` is given. */
  public readonly keys: Readonly<Record<string, aws.kms.Key>>;
  /** The topic per region. */
  public readonly topics: Readonly<Record<string, aws.sns.Topic>>;
  /** The topic ARN per region: pass it to `Monitoring` (and anything else that should page the on-call). */
  public readonly topicArns: Readonly<Record<string, pulumi.Output<string>>>;
  /** The first region's topic ARN (us-east-1 unless `regions` says otherwise). */
  public readonly topicArn: pulumi.Output<string>;
  /** Every subscription (`${name}-email-…`, `${name}-webhook-…`). */
  public readonly subscriptions: readonly aws.sns.TopicSubscription[];
  /** Each subscription's endpoint and whether it is still pending confirmation (known after apply). */
  public readonly subscriptionStates: pulumi.Output<AlertSubscriptionState[]>;

  constructor(name: string, args: AlertRouteArgs, opts?: pulumi.ComponentResourceOptions) {
    const regions = [...new Set(args.regions ?? [HEALTH_CHECK_METRICS_REGION])];
    super(ALERT_ROUTE_TYPE, name, { emails: [...args.emails], regions }, opts);
    const report = validateAlertRouteArgs(args);
    if (report.value === undefined) throw new pulumi.ResourceError(`AlertRoute ${name} has ${report.errors.length} problem(s) in its args:\n${report.errors.map((e) => `  ✗ ${e.path}: ${e.message}`).join("\n")}`, this);
    const topics: Record<string, aws.sns.Topic> = {};
    const keys: Record<string, aws.kms.Key> = {};
    const publishers = [...new Set([...DEFAULT_PUBLISHERS, ...(args.publisherServices ?? [])])];
    const account = args.kmsMasterKeyId === undefined ? aws.getCallerIdentityOutput({}, { parent: this }).accountId : undefined;
    const subscriptions: aws.sns.TopicSubscription[] = [];
    const states: pulumi.Output<AlertSubscriptionState>[] = [];
    for (const region of regions) {
      let kmsMasterKeyId: pulumi.Input<string>;
      if (args.kmsMasterKeyId !== undefined || account === undefined) kmsMasterKeyId = args.kmsMasterKeyId ?? SNS_MANAGED_KEY;
      else {
        const key = new aws.kms.Key(
          `${name}-key-${region}`,
          { region, description: "launch-ready alerts: encrypts the alert topic; CloudWatch may publish to it", enableKeyRotation: true, policy: account.apply((id) => alertKeyPolicy(id, publishers)), tags: { "managed-by": "launch-ready" } },
          { parent: this },
        );
        keys[region] = key;
        kmsMasterKeyId = key.arn;
      }
      const topic = new aws.sns.Topic(`${name}-topic-${region}`, { region, displayName: "launch-ready alerts", kmsMasterKeyId, tags: { "managed-by": "launch-ready" } }, { parent: this });
      topics[region] = topic;
      const otherPublishers = publishers.filter((p) => !(DEFAULT_PUBLISHERS as readonly string[]).includes(p));
      if (otherPublishers.length > 0) {
        const owner = account ?? aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        new aws.sns.TopicPolicy(`${name}-policy-${region}`, { region, arn: topic.arn, policy: pulumi.all([owner, topic.arn]).apply(([id, arn]) => alertTopicPolicy(id, arn, otherPublishers)) }, { parent: this });
      }
      args.emails.forEach((email, i) => {
        const sub = new aws.sns.TopicSubscription(`${name}-email-${i}-${region}`, { region, topic: topic.arn, protocol: "email", endpoint: email }, { parent: this });
        subscriptions.push(sub);
        states.push(sub.pendingConfirmation.apply((pending) => ({ region, protocol: "email" as const, endpoint: email, pendingConfirmation: pending })));
      });
      if (args.webhookUrl !== undefined) {
        const sub = new aws.sns.TopicSubscription(`${name}-webhook-${region}`, { region, topic: topic.arn, protocol: "https", endpoint: pulumi.secret(args.webhookUrl) }, { parent: this });
        subscriptions.push(sub);
        // The URL stays out of the output (it usually carries a token), so the rest of the output stays readable.
        states.push(sub.pendingConfirmation.apply((pending) => ({ region, protocol: "https" as const, endpoint: "(webhook, secret)", pendingConfirmation: pending })));
      }
    }
    this.keys = keys;
    this.topics = topics;
    this.topicArns = Object.fromEntries(Object.entries(topics).map(([r, t]) => [r, t.arn]));
    const first = regions[0] ?? HEALTH_CHECK_METRICS_REGION;
    const firstTopic = topics[first];
    if (firstTopic === undefined) throw new pulumi.ResourceError(`AlertRoute ${name}: no topic was made for ${first}`, this);
    this.topicArn = firstTopic.arn;
    this.subscriptions = subscriptions;
    this.subscriptionStates = pulumi.all(states);
    pulumi.log.info(
      `alerts: ${args.emails.length} email subscription(s) per topic in ${regions.join(", ")}; AWS emails each address a confirmation link and the subscription stays pending (delivering nothing) until it is clicked: the stack output \`alerts.subscriptions\` shows which are pending after \`pulumi up\``,
      this,
    );
    this.registerOutputs({ topicArns: this.topicArns, subscriptions: this.subscriptionStates });
  }
}
