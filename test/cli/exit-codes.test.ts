/**
 * One exit-code table for every command (`cli/exit-codes.ts`): the same kind of outcome exits the same whichever
 * command ran, and each command's --help shows the table it follows.
 */
import { describe, expect, it } from "vitest";
import { EXIT, EXIT_CODES } from "../../cli/exit-codes";
import { cli } from "./run-cli";

describe("one exit-code table", () => {
  it("lists every code once, in order, with a meaning for preview and for audit", () => {
    expect(EXIT_CODES.map((r) => r.code)).toEqual(Object.values(EXIT).sort((a, b) => a - b));
    for (const r of EXIT_CODES) {
      expect(EXIT[r.name]).toBe(r.code);
      expect(r.preview.length * r.audit.length * r.meaning.length).toBeGreaterThan(0);
    }
  });

  it("a stack that does not exist is invalid input (2) for preview and audit alike", () => {
    const preview = cli("preview", "--stack", "nope");
    const audit = cli("audit", "--stack", "nope", "--resolver", "127.0.0.1:9", "a.test");
    expect([preview.status, audit.status]).toEqual([EXIT.invalidInput, EXIT.invalidInput]);
    expect(audit.stderr).toContain("--stack nope");
  });

  it("a command-line mistake is invalid input (2) for preview and audit alike", () => {
    const preview = cli("preview");
    const audit = cli("audit", "--timeout", "0", "a.test");
    expect([preview.status, audit.status]).toEqual([EXIT.invalidInput, EXIT.invalidInput]);
    expect(preview.stderr).toContain("--stack");
    expect(audit.stderr).toContain("--timeout");
  });

  it("launch-ready --help names every code and points at the catalog", () => {
    const help = cli("--help");
    expect(help.status).toBe(EXIT.ok);
    for (const r of EXIT_CODES) expect(help.stdout).toContain(`${r.code} ${r.meaning}`);
    expect(help.stdout).toContain("docs/CHECKS.md");
  });

  it("each command's --help prints the table it follows", () => {
    for (const command of ["preview", "audit"] as const) {
      const help = cli(command, "--help");
      expect(help.status).toBe(EXIT.ok);
      expect(help.stdout).toContain("Exit status:");
      for (const r of EXIT_CODES) expect(help.stdout).toContain(`${String(r.code).padStart(2)}  ${r[command]}`);
      expect(help.stdout).toContain("docs/CHECKS.md");
    }
  });
});
