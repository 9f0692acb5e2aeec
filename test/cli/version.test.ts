/** `--version` and every other place that names the tool's version read package.json. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readToolVersion } from "../../cli/version";
import { PROJECT_DIR, tempDir } from "../helpers/temp-dir";
import { cli } from "./run-cli";

const PACKAGE_VERSION = String((JSON.parse(readFileSync(join(PROJECT_DIR, "package.json"), "utf8")) as { version: unknown }).version);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.[cm]?[jt]s$/.test(name) ? [path] : [];
  });
}

describe("the tool version", () => {
  const scratch = tempDir("version");
  afterAll(() => scratch.cleanup());

  it("`launch-ready --version` prints package.json's version and exits 0", () => {
    const r = cli("--version");
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(PACKAGE_VERSION);
  });

  it("is read from the package.json it is given, and a package.json without one is named", () => {
    expect(readToolVersion(scratch.write("a/package.json", JSON.stringify({ name: "x", version: "9.8.7-rc.1" })))).toBe("9.8.7-rc.1");
    const bare = scratch.write("b/package.json", JSON.stringify({ name: "x" }));
    expect(() => readToolVersion(bare)).toThrow(`${bare} has no "version"`);
  });

  it("SARIF names the same version as --version", () => {
    const r = cli("audit", "--sarif", "--resolver", "127.0.0.1:9", "--timeout", "50", "--deadline", "2000", "a.test");
    const log = JSON.parse(r.stdout) as { runs: { tool: { driver: { version: string } } }[] };
    expect(log.runs[0]?.tool.driver.version).toBe(PACKAGE_VERSION);
  });

  it("no source under bin/, cli/ or audit/ writes the version out", () => {
    const literal = new RegExp(`["'\`]${PACKAGE_VERSION.replace(/\./g, "\\.")}["'\`]`);
    const offenders = ["bin", "cli", "audit"].flatMap((d) => sources(join(PROJECT_DIR, d))).filter((f) => literal.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(PROJECT_DIR, f))).toEqual([]);
  });
});
