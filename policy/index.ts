/**
 * The launch-ready policy pack: `pulumi preview --policy-pack policy`. Nothing but wiring: the rules live in
 * `policy/rules/` and also run in-process in the offline preview. Never import this file from the product or the
 * tests: constructing a PolicyPack starts the policy gRPC server (the CLI runs it in its own process, through
 * `@pulumi/pulumi/cmd/run-policy-pack`, which reads the version from `policy/package.json`).
 */
import { PolicyPack } from "@pulumi/policy";
import { toStackPolicies } from "./crossguard";
import { PLAN_RULES } from "./rules";

export const pack = new PolicyPack("launch-ready", {
  description: "The launch-ready checklist, proven from planned resources before apply.",
  policies: PLAN_RULES.flatMap((rule) => toStackPolicies(rule)),
});
