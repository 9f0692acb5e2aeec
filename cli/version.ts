/**
 * The tool's version, read from package.json: `--version`, SARIF's `tool.driver.version` and anything else that
 * names the version read it here, so a release bumps one file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const PACKAGE_JSON = join(__dirname, "..", "package.json");

/** The `version` of a package.json; throws naming the file when it has none. */
export function readToolVersion(packageJsonPath: string = PACKAGE_JSON): string {
  const doc: unknown = JSON.parse(readFileSync(packageJsonPath, "utf8"));
  const version = typeof doc === "object" && doc !== null ? Reflect.get(doc, "version") : undefined;
  if (typeof version !== "string" || version.trim() === "") throw new Error(`${packageJsonPath} has no "version"`);
  return version;
}

let cached: string | undefined;

/** This launch-ready's version (package.json, read once). */
export function toolVersion(): string {
  cached ??= readToolVersion();
  return cached;
}
