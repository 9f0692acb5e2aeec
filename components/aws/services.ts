/**
 * The parts of `@pulumi/aws` the components use, each from its own module instead of the package index: the index
 * requires all ~240 service modules when it loads (about 130 ms of every preview), these load in about 15 ms. The
 * classes are the same ones the index exports (it lazily re-exports these very modules), so `aws.Provider` from a
 * user's `import * as aws from "@pulumi/aws"` is accepted where the components take one.
 * A service the components start using is added here; test/bin/build.test.ts fails when a preview loads the index.
 */
export * as backup from "@pulumi/aws/backup";
export * as cloudwatch from "@pulumi/aws/cloudwatch";
export * as iam from "@pulumi/aws/iam";
export * as kms from "@pulumi/aws/kms";
export * as lambda from "@pulumi/aws/lambda";
export * as route53 from "@pulumi/aws/route53";
export * as secretsmanager from "@pulumi/aws/secretsmanager";
export * as sesv2 from "@pulumi/aws/sesv2";
export * as sns from "@pulumi/aws/sns";
export { Provider } from "@pulumi/aws/provider";
export { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
