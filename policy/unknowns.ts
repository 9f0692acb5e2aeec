/**
 * Values not known until apply (`pulumi preview`). In CrossGuard, reading one through `unknownCheckingProxy`
 * throws `UnknownValueError` and the engine reports the policy as not checkable; the offline preview does the
 * same, so a rule behaves alike in both runners.
 */
import { UnknownValueError } from "@pulumi/policy";

/** The sentinel the Pulumi SDK uses for an unknown string (also `@pulumi/policy`'s `unknownStringValue`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknownValueError(err: unknown): err is UnknownValueError {
  return err instanceof UnknownValueError;
}
