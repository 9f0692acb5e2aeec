/**
 * The one @pulumi/pulumi version the offline engine's reach into SDK internals was read against
 * (`sdk-defer.ts`, `sdk-quiet.ts`). Anything else installed: those are left off (correct, slower) and the preview
 * says so; `test/engine/sdk-pin.test.ts` fails until someone re-reads the SDK and moves the pin.
 */
import { createRequire } from "node:module";

export const PINNED_SDK_VERSION = "3.248.0";

/** Loads SDK files by path, as the SDK itself does: the same module instances it uses. */
export const sdkRequire = createRequire(__filename);

/** The installed @pulumi/pulumi version (its package.json; loading it loads nothing else). */
export function installedSdkVersion(): string {
  const pkg: unknown = sdkRequire("@pulumi/pulumi/package.json");
  const version = typeof pkg === "object" && pkg !== null ? Reflect.get(pkg, "version") : undefined;
  return typeof version === "string" ? version : "(unknown)";
}

/** Undefined when the installed SDK is the pinned one; else the line the preview shows. */
export function sdkMismatch(): string | undefined {
  const installed = installedSdkVersion();
  if (installed === PINNED_SDK_VERSION) return undefined;
  return `the offline engine's speed-ups were written for @pulumi/pulumi ${PINNED_SDK_VERSION}, and ${installed} is installed: ran without them (slower, same result); see engine/sdk-pin.ts`;
}
