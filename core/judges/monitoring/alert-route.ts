import { cannotTell, judged, notApplicable, type Verdict } from "../../judge";

export interface AlarmRoute {
  /** The alarm's resource name. */
  readonly ref: string;
  /** The alarm's region; `null` when the plan does not show it. */
  readonly region: string | null;
  /** `actionsEnabled`: `false` mutes every action; `null` when the plan does not show it. Default true. */
  readonly actionsEnabled?: boolean | null;
  /**
   * The topics its `alarmActions` notify: a topic of the stack with its region and subscription count, or `null`
   * for an ARN outside the stack (its subscribers cannot be seen).
   */
  readonly topics: readonly ({
    readonly ref: string;
    readonly region: string | null;
    readonly subscribers: number;
    readonly pendingEmails: number;
    /**
     * Whether CloudWatch can publish to it: `true` unencrypted or with a key of the stack whose policy grants
     * cloudwatch.amazonaws.com; `false` with the AWS-managed `alias/aws/sns` (or a stack key that does not grant it);
     * `null` with a key outside the stack, whose policy the plan does not show.
     */
    readonly cloudWatchCanPublish: boolean | null;
  } | null)[];
}

export interface AlertRouteInput {
  readonly alarms: readonly AlarmRoute[];
  /** Web domains the stack serves that configure no monitoring: with no alarm at all, the route is "not configured". */
  readonly unmonitoredDomains: readonly string[];
}

/**
 * monitoring.alert_route: every alarm notifies a topic with at least one subscriber, in the alarm's own region (a
 * CloudWatch alarm can notify only an SNS topic in its region). An email subscription reaches
 * a human only once its confirmation link is clicked: the facts say so (the `alerts` stack output shows which are
 * still pending after apply).
 */
export function judgeAlertRoute(input: AlertRouteInput): Verdict {
  if (input.alarms.length === 0) {
    if (input.unmonitoredDomains.length > 0) return judged("monitoring.alert_route", "not-configured", [`no alarms are planned for ${input.unmonitoredDomains.join(", ")} (set \`launch-ready:alerts.emails\` and \`monitoring:\`)`]);
    return notApplicable("The stack plans no alarms.");
  }
  const unrouted: string[] = [];
  const external: string[] = [];
  const topics = new Map<string, { subscribers: number; pendingEmails: number }>();
  for (const a of input.alarms) {
    if (a.actionsEnabled === false) {
      unrouted.push(`alarm ${a.ref} has actionsEnabled false, so it pages nobody; remove actionsEnabled or set it to true`);
      continue;
    }
    if (a.actionsEnabled === null) {
      external.push(a.ref);
      continue;
    }
    if (a.topics.length === 0) {
      unrouted.push(`alarm ${a.ref} notifies nobody (no alarmActions)`);
      continue;
    }
    const reached = a.topics.filter((t) => t !== null && t.subscribers > 0 && t.region !== null && t.region === a.region && t.cloudWatchCanPublish === true);
    if (reached.length > 0) {
      for (const t of reached) if (t !== null) topics.set(t.ref, t);
      continue;
    }
    const unsure = a.topics.some((t) => t === null || (t.subscribers > 0 && t.cloudWatchCanPublish !== false && (t.region === null || a.region === null || (t.region === a.region && t.cloudWatchCanPublish === null))));
    if (unsure) {
      external.push(a.ref);
      continue;
    }
    const why = a.topics.map((t) =>
      t === null
        ? "?"
        : t.subscribers === 0
          ? `${t.ref} (no subscriber)`
          : t.cloudWatchCanPublish === false
            ? `${t.ref} (encrypted with a key CloudWatch may not use, such as the AWS-managed alias/aws/sns: use a customer managed key granting cloudwatch.amazonaws.com kms:Decrypt and kms:GenerateDataKey*)`
            : `${t.ref} (in ${t.region}, not the alarm's ${a.region}: an alarm can notify only a topic in its own region)`,
    );
    unrouted.push(`alarm ${a.ref} notifies ${why.join(", ")}, so nobody is paged`);
  }
  if (unrouted.length > 0) return judged("monitoring.alert_route", "unrouted", unrouted);
  if (external.length > 0) return cannotTell(`alarm(s) ${external.join(", ")} notify a topic outside the stack, or one whose region the plan does not show, or have actionsEnabled unknown before apply, so whether anyone is paged is not known`);
  const pending = [...topics.values()].reduce((n, t) => n + t.pendingEmails, 0);
  return judged("monitoring.alert_route", "routed", [
    `${input.alarms.length} alarm(s) notify ${[...topics].map(([ref, t]) => `${ref} (${t.subscribers} subscriber(s))`).join(", ")}`,
    ...(pending > 0 ? [`AWS emails each of the ${pending} address(es) a confirmation link: until it is clicked the subscription is pending and gets nothing (stack output \`alerts.subscriptions\` shows which)`] : []),
  ]);
}
