import { defineRow } from "./define";

export const SECRETS = defineRow("secrets", {
  "secrets.no_plaintext": {
    title: "No secret-looking input is planned as plaintext",
    why: "Plaintext inputs end up in the Pulumi state, in previews and in CI logs.",
    remediation: "Set it with `pulumi config set --secret …` or generate it (`launch-ready:secrets`); never commit the value.",
  },
  "secrets.generated": {
    title: "Application secrets are generated, encrypted with a customer key, and stored in Secrets Manager",
    why: "Hand-made secrets are weak and get pasted into chat; a managed store gives one place to rotate and audit.",
    remediation: "Declare each secret under `launch-ready:secrets`.",
  },
  "secrets.rotation": {
    title: "Every stored secret has a rotation schedule",
    why: "A leaked secret that never rotates stays valid forever.",
    remediation: "Set `rotateAfterDays` on each secret (90 or fewer).",
  },
  "secrets.repo_scan": {
    title: "The repository holds no committed credentials",
    why: "Anything committed is in every clone and every fork forever.",
    remediation: "Rotate the credential first, then remove it from history.",
  },
});
