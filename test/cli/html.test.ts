/**
 * `--html FILE` on `preview` and `audit`, as a user runs them: the real bin writes one self-contained page beside
 * the usual output, and a path it cannot write is named with the option, never a stack trace.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SCORECARD_ROWS } from "../../checklist";
import { PROJECT_DIR, tempDir } from "../helpers/temp-dir";

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(PROJECT_DIR, "bin", "launch-ready.js"), ...args], { cwd: PROJECT_DIR, encoding: "utf8", timeout: 90_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const VERSION = (JSON.parse(readFileSync(join(PROJECT_DIR, "package.json"), "utf8")) as { version: string }).version;

describe("--html FILE", { timeout: 120_000 }, () => {
  const out = tempDir("html-cli");
  afterAll(() => out.cleanup());

  it("preview --html writes the scorecard page for the stack, with the tool version, and still prints the report", () => {
    const file = join(out.dir, "preview.html");
    const r = cli("preview", "--stack", "example", "--html", file);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Launch checklist (pre-apply)");
    const html = readFileSync(file, "utf8");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<h1>Launch readiness of stack example</h1>");
    expect(html).toContain(`by launch-ready ${VERSION}.`);
    for (const row of Object.values(SCORECARD_ROWS)) expect(html).toContain(row.title);
    expect(html).not.toContain("offline-example-stand-in");
  });

  it("audit --html writes the page even when nothing answers (every check an error, exit 3, no pass shown)", () => {
    const file = join(out.dir, "audit.html");
    // Port 9 on loopback: nothing listens, so every lookup fails fast and nothing leaves the machine.
    const r = cli("audit", "a.test", "--resolver", "127.0.0.1:9", "--timeout", "300", "--deadline", "20000", "--html", file);
    expect(r.status).toBe(3);
    expect(r.stdout).toContain("a.test");
    const html = readFileSync(file, "utf8");
    expect(html).toContain("<h1>Launch readiness of a.test</h1>");
    expect(html).toContain('<span class="badge status-error">');
    expect(html).not.toContain('<td><span class="badge status-pass">');
  });

  it("names --html and the file when the folder does not exist (exit 3, no stack trace)", () => {
    const file = join(out.dir, "missing", "preview.html");
    const r = cli("preview", "--stack", "example", "--html", file);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`--html ${file}: cannot write the page (its folder does not exist)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(file)).toBe(false);
  });
});
