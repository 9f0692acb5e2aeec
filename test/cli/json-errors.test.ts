/**
 * `--json` always prints one JSON document on stdout: a report, or, when the command stops early (config or
 * usage errors, exit 2; the program failed, exit 3; a bug, exit 70), the errors with their field paths.
 */
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { EXIT } from "../../cli/exit-codes";
import { tempDir } from "../helpers/temp-dir";
import { cli, ERROR_DOCUMENT } from "./run-cli";

const BROKEN = ["config:", "  launch-ready:domains:", "    - name: acme..example", "      colour: blue", "      web:", "        origin: lb.example.net", "        hsts:", "          maxAgeSeconds: -1"].join("\n");

describe("preview --json when it stops early", () => {
  const stacks = tempDir("json-errors");
  stacks.write("Pulumi.broken.yaml", BROKEN);
  afterAll(() => stacks.cleanup());

  it("prints the config errors with their field paths as one document, exit 2", () => {
    const r = cli("preview", "--stack", "broken", "--stacks-dir", stacks.dir, "--json");
    expect(r.status).toBe(EXIT.invalidInput);
    const doc = ERROR_DOCUMENT.parse(JSON.parse(r.stdout));
    expect(doc.command).toBe("preview");
    expect(doc.exitCode).toBe(EXIT.invalidInput);
    expect(doc.errors.map((e) => e.path)).toEqual(["launch-ready:domains[0].colour", "launch-ready:domains[0].name", "launch-ready:domains[0].web.hsts.maxAgeSeconds"]);
    expect(doc.errors[1]?.message).toContain("empty label");
    expect(r.stderr).toContain("3 config error(s)"); // the human message is still there for the log
  });

  it("names --stack for a stack that does not exist", () => {
    const r = cli("preview", "--stack", "nope", "--stacks-dir", stacks.dir, "--json");
    expect(r.status).toBe(EXIT.invalidInput);
    expect(ERROR_DOCUMENT.parse(JSON.parse(r.stdout)).errors).toEqual([{ path: "--stack", message: expect.stringContaining("no stack file for 'nope'") }]);
  });

  it("names the option when the command line is wrong", () => {
    const r = cli("preview", "--json", "--mode", "apply", "--stack", "example");
    expect(r.status).toBe(EXIT.invalidInput);
    expect(ERROR_DOCUMENT.parse(JSON.parse(r.stdout))).toMatchObject({ command: "preview", errors: [{ path: "--mode" }] });
  });

  it("prints nothing on stdout without --json", () => {
    const r = cli("preview", "--stack", "broken", "--stacks-dir", stacks.dir);
    expect(r.status).toBe(EXIT.invalidInput);
    expect(r.stdout).toBe("");
  });
});

describe("audit --json when it stops early", () => {
  it.each([
    [["--fail-on", "info", "a.test"], "--fail-on"],
    [["--stack", "nope", "--resolver", "127.0.0.1:9", "a.test"], "--stack"],
    [["--ca", "/nonexistent/ca.pem", "--resolver", "127.0.0.1:9", "a.test"], "--ca"],
    [["--resolver", "127.0.0.1:9", "a.test", "https://b.test/"], "domains[1]"],
    [["--sarif", "--resolver", "127.0.0.1:9", "a.test"], "--json"],
  ])("%j: one document naming %s, exit 2", (args, path) => {
    const r = cli("audit", "--json", ...args);
    expect(r.status).toBe(EXIT.invalidInput);
    const doc = ERROR_DOCUMENT.parse(JSON.parse(r.stdout));
    expect(doc).toMatchObject({ command: "audit", exitCode: EXIT.invalidInput });
    expect(doc.errors[0]?.path).toBe(path);
  });
});

describe("an internal error", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.doUnmock("../../audit/run/command");
    vi.resetModules();
  });

  it("exits 70 with one line on stderr (no stack trace) and, for --json, one document", async () => {
    vi.doMock("../../audit/run/command", () => ({
      readCaFile: (p: string) => p,
      runAuditCommand: () => Promise.reject(new Error("a bug in the auditor")),
    }));
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => out.push(String(s)) > 0);
    vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => err.push(String(s)) > 0);
    const { main } = await import("../../cli/main");
    const code = await main(["node", "launch-ready", "audit", "--json", "--resolver", "127.0.0.1:9", "a.test"]);
    expect(code).toBe(EXIT.internal);
    expect(ERROR_DOCUMENT.parse(JSON.parse(out.join("")))).toEqual({ command: "audit", exitCode: EXIT.internal, errors: [{ message: "internal error: a bug in the auditor" }] });
    expect(err.join("")).toContain("launch-ready: internal error: a bug in the auditor");
    expect(err.join("")).not.toMatch(/\n\s+at /);
  });
});
