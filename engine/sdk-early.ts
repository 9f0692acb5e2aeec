/**
 * Imported first by engine/run.ts, so it runs before anything loads @pulumi/pulumi: defers what the SDK loads but
 * the offline engine never runs (`sdk-defer.ts`).
 */
import { deferUnusedSdkModules } from "./sdk-defer";

export const SDK_DEFERRAL = deferUnusedSdkModules();
