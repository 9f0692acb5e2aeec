import { judged, notApplicable, type Verdict } from "../../judge";

export interface KmsKeyFacts {
  readonly label: string;
  /** `enableKeyRotation`; undefined when unset (AWS's default: off). */
  readonly rotation?: boolean;
  /** `rotationPeriodInDays`, when set (AWS's default: 365). */
  readonly periodDays?: number;
  /** Only symmetric encryption keys can rotate automatically. */
  readonly symmetric: boolean;
}

/**
 * secrets.kms_rotation: every symmetric customer-managed key rotates (AWS KMS: automatic rotation is off unless
 * enabled; asymmetric and HMAC keys cannot rotate automatically, so they are not judged).
 */
export function judgeKmsRotation(input: { readonly keys: readonly KmsKeyFacts[] }): Verdict {
  const keys = input.keys.filter((k) => k.symmetric);
  if (keys.length === 0) return notApplicable("No symmetric customer-managed KMS key is planned.");
  const off = keys.filter((k) => k.rotation !== true);
  if (off.length > 0) {
    return judged(
      "secrets.kms_rotation",
      "not-rotating",
      off.map((k) => `${k.label}: automatic key rotation is ${k.rotation === false ? "off" : "not enabled (AWS's default is off)"}`),
    );
  }
  return judged("secrets.kms_rotation", "rotating", keys.map((k) => `${k.label}: key material rotates every ${k.periodDays ?? 365} days`));
}
