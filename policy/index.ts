/**
 * The launch-ready policy pack: `pulumi preview --policy-pack policy`. Nothing but wiring: the rules live in
 * `policy/rules/` and also run in-process in the offline preview. Never import this file from the product or the
 * tests' graph runners: constructing a PolicyPack starts the policy gRPC server.
 */
import { PolicyPack } from "@pulumi/policy";
import { toStackPolicy } from "./crossguard";
import { PLAN_RULES } from "./rules";

export const pack = new PolicyPack("launch-ready", {
  description: "The launch-ready checklist, proven from planned resources before apply.",
  policies: PLAN_RULES.map(toStackPolicy),
});
