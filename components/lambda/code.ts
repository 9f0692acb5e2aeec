/**
 * The code of the Lambda functions the components deploy, one self-contained CommonJS file each: the handler with
 * the toolkit modules it imports bundled in, the AWS SDK v3 left to the Lambda Node.js runtime (which includes it).
 *
 * `npm run build` writes each bundle beside its compiled handler (`writeLambdaBundles`), so a preview reads a file
 * instead of starting esbuild (about 100 ms a function). Run from the TypeScript sources (tests, or a stale build),
 * the same bundle is made on first use with the same options, so both give the same bytes: the archive, and so the
 * planned function, does not change with how the toolkit was started.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** A Lambda handler's source, relative to the project root, and the bundle written beside its compiled file. */
export interface LambdaSource {
  readonly entry: string;
  readonly bundle: string;
}

export const CERT_CHECK_LAMBDA: LambdaSource = { entry: "components/monitoring/cert-check-lambda.ts", bundle: "components/monitoring/cert-check-lambda.bundle.js" };
export const ROTATION_LAMBDA: LambdaSource = { entry: "components/secrets/rotation/handler.ts", bundle: "components/secrets/rotation/handler.bundle.js" };
export const LAMBDA_SOURCES: readonly LambdaSource[] = [CERT_CHECK_LAMBDA, ROTATION_LAMBDA];

/** The project root: this file is `components/lambda/code.{ts,js}` under the sources or under `dist/`. */
const HERE_ROOT = resolve(__dirname, "..", "..");

/** Bundles `source` from the TypeScript sources under `root` (esbuild, which the build and tsx already use). */
export function bundleLambda(root: string, source: LambdaSource): string {
  const entry = join(root, source.entry);
  if (!existsSync(entry)) throw new Error(`the Lambda handler ${source.entry} is missing under ${root}`);
  // Loaded only here: the bundler is needed to build, or when a stack plans a function from the sources.
  const esbuild: typeof import("esbuild") = require("esbuild");
  const out = esbuild.buildSync({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    write: false,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["@aws-sdk/*"],
    minifyWhitespace: true,
    legalComments: "none",
    logLevel: "silent",
  });
  const file = out.outputFiles[0];
  if (file === undefined) throw new Error(`bundling ${source.entry} produced no file`);
  return file.text;
}

/** `npm run build`: writes every bundle into the build folder `outdir`. */
export function writeLambdaBundles(root: string, outdir: string): void {
  for (const source of LAMBDA_SOURCES) writeFileSync(join(outdir, source.bundle), bundleLambda(root, source));
}

const cache = new Map<string, string>();
/** This file compiled (under `dist/`) rather than run from its TypeScript source. */
const COMPILED = __filename.endsWith(".js");

/**
 * The function's code: from the build, the bundle it wrote; from the sources, bundled now (once per process).
 */
export function lambdaCode(source: LambdaSource): string {
  const cached = cache.get(source.entry);
  if (cached !== undefined) return cached;
  let code: string;
  if (COMPILED) {
    const built = join(HERE_ROOT, source.bundle);
    if (!existsSync(built)) throw new Error(`the Lambda bundle ${built} is missing: the build is incomplete; run \`npm run build\``);
    code = readFileSync(built, "utf8");
  } else {
    code = bundleLambda(HERE_ROOT, source);
  }
  cache.set(source.entry, code);
  return code;
}
