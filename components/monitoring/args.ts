import type * as aws from "../aws/services";
import type * as pulumi from "@pulumi/pulumi";

/** Where alarms go: the same keys as the stack file's `launch-ready:alerts`. */
export interface AlertRouteArgs {
  /**
   * The on-call addresses, each an SNS email subscription (at least one). AWS emails each a confirmation link:
   * until it is clicked the subscription is pending and receives nothing (the `subscriptions` output says which).
   */
  readonly emails: readonly string[];
  /**
   * An HTTPS endpoint (a chat webhook) subscribed beside the emails; it must confirm the subscription too. Kept
   * secret in the state and the preview (a webhook URL usually carries its token). Default: none.
   */
  readonly webhookUrl?: pulumi.Input<string>;
  /**
   * The regions to make a topic in: a CloudWatch alarm can notify only a topic in its own region. Default
   * `["us-east-1"]`, where the uptime and latency alarms live (Route 53 health-check metrics exist only there); add
   * the load balancer's region for its 5xx alarm and the region of anything else that notifies the topic.
   */
  readonly regions?: readonly string[];
  /**
   * Your own KMS key for the topics; its policy must let `cloudwatch.amazonaws.com` (and each publisher) call
   * kms:Decrypt and kms:GenerateDataKey*. Not `alias/aws/sns`: CloudWatch alarms cannot publish to a topic encrypted
   * with the AWS-managed key. Default: a customer managed key per region, with rotation, made by the component.
   */
  readonly kmsMasterKeyId?: pulumi.Input<string>;
  /**
   * Further AWS services that publish to the topics (e.g. `backup.amazonaws.com` for AWS Backup notifications): the
   * key lets them encrypt, and a topic policy lets them publish. Default: `cloudwatch.amazonaws.com` only.
   */
  readonly publisherServices?: readonly string[];
}

/** One URL to health-check, as in a stack file's `monitoring.checks`. */
export interface MonitoringCheckArgs {
  /** An https URL, e.g. `https://app.acme.example/healthz`. */
  readonly url: string;
  /** Text the response's first 5,120 bytes must contain (Route 53 HTTPS_STR_MATCH, at most 255 characters). Default: none (any 2xx/3xx is healthy). */
  readonly searchString?: string;
}

/**
 * What `Monitoring` watches for one domain: the same keys as a stack file's `monitoring:` entry, plus where alarms
 * go and what the domain's web config says about its homepage and login.
 */
export interface MonitoringArgs {
  /** The domain, for names and messages, e.g. `acme.example`. */
  readonly domain: string;
  /** The domain's canonical host: its homepage `https://<host>/` is checked (and login/health routes when `routes` give them). Default: none. */
  readonly canonicalHost?: string;
  /** Further URLs to check, e.g. the API's health endpoint and the login page. Default: none. */
  readonly checks?: readonly MonitoringCheckArgs[];
  /** GET routes of kind `login` or `health` from the route inventory, checked on the canonical host. Default: none. */
  readonly routes?: readonly { readonly path: string; readonly kind: "login" | "health" }[];
  /** Alarm when the p95 of time-to-first-byte exceeds this many ms (the checklist's limit is 500). Default 500. */
  readonly latencyP95Ms?: number;
  /** Alarm when the served certificate has fewer days left than this (14 to 90). Default 14. */
  readonly certExpiryDays?: number;
  /**
   * The origin's Application Load Balancer: its 5xx rate is alarmed from its CloudWatch metrics, in its region.
   * Default: none, and the 5xx rate is then not alarmed (the preview says so, never claims it).
   */
  readonly loadBalancerArn?: pulumi.Input<string>;
  /** Alarm when more than this percentage of the load balancer's requests get a 5xx from the targets. Default 5. */
  readonly fiveXxRatePercent?: number;
  /**
   * The SNS topic ARN per region every alarm notifies (an `AlertRoute`'s `topicArns`): `us-east-1` is required, and
   * the load balancer's region too when `loadBalancerArn` is set.
   */
  readonly alertTopicArns: Readonly<Record<string, pulumi.Input<string>>>;
  /** A provider for us-east-1 to reuse. Default: the component makes one (`${name}-us-east-1`). */
  readonly usEast1Provider?: aws.Provider;
  /** How often the certificate check runs, as an EventBridge schedule. Default `rate(1 hour)`. */
  readonly certCheckSchedule?: string;
}
