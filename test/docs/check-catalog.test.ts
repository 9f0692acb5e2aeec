/**
 * docs/CHECKS.md and the README's exit-code table are generated from the code (`npm run docs`): the committed
 * files must be exactly what the generator writes, and the generator must show what each ID declares.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../../cli/exit-codes";
import { CHECKS, SCORECARD_ROW_IDS, SCORECARD_ROWS, type CheckDefinition } from "../../checklist";
import { checkCatalogMarkdown, type CatalogInput } from "../../scripts/docs/check-catalog";
import { CATALOG_PATH, catalogInput, catalogText, README_PATH, readmeWithExitCodes } from "../../scripts/docs/write";

describe("the committed docs are the generated ones", () => {
  it("docs/CHECKS.md matches the checklist, the registries, the exit codes and the JSON contracts (run `npm run docs`)", () => {
    expect(readFileSync(CATALOG_PATH, "utf8")).toBe(catalogText());
  });

  it("README.md's exit-code table matches cli/exit-codes.ts (run `npm run docs`)", () => {
    const readme = readFileSync(README_PATH, "utf8");
    expect(readme).toBe(readmeWithExitCodes(readme));
    for (const r of EXIT_CODES) expect(readme).toContain(`| ${r.code} | ${r.meaning} |`);
  });
});

describe("the catalog", () => {
  const text = catalogText();
  const input = catalogInput();

  it("has a section for every checklist ID with its title, row, severity and fix", () => {
    for (const def of Object.values(CHECKS)) {
      const start = text.indexOf(`#### \`${def.id}\`\n`);
      expect(start, def.id).toBeGreaterThan(0);
      const section = text.slice(start, text.indexOf("\n####", start + 1) >>> 0 || undefined);
      expect(section).toContain(def.title);
      expect(section).toContain(`| scorecard row | ${SCORECARD_ROWS[def.row].title} |`);
      expect(section).toContain(`| severity | ${def.severity} |`);
      expect(section).toContain(def.remediation.replace(/\|/g, "\\|"));
    }
  });

  it("says where each ID is judged, from the plan rules, the audit registry, the authz probe and the not-yet list", () => {
    for (const def of Object.values(CHECKS)) {
      const row = text.split("\n").find((l) => l.startsWith(`| [\`${def.id}\`]`));
      const before = input.specIds?.has(def.id) === true ? "yes, by `launch-ready preview` only (from the stack config)" : input.planIds.has(def.id) ? "yes" : input.notYet.has(def.id) ? "not yet" : "no";
      const after = input.auditIds.has(def.id) ? "yes" : input.probeIds?.has(def.id) === true ? "yes, by `launch-ready probe authz`" : input.notYet.has(def.id) ? "not yet" : "no";
      expect(row?.endsWith(`| ${before} | ${after} |`), `${def.id}: ${row ?? "no row"}`).toBe(true);
    }
  });

  it("lists every outcome an ID declares, with its status and when it is reached", () => {
    const def: CheckDefinition = {
      id: "hsts.max_age",
      title: "HSTS max-age is at least one year",
      row: "ssl-tls",
      severity: "mandatory",
      why: "why",
      remediation: "fix | it",
      outcomes: { long_enough: { status: "pass", when: "max-age ≥ 31536000" }, too_short: { status: "fail", when: "max-age < 31536000" }, preload_off: { status: "info", when: "preload not asked" } },
    };
    const only: CatalogInput = { checks: [def], rows: SCORECARD_ROW_IDS.map((id) => SCORECARD_ROWS[id]), planIds: new Set([def.id]), auditIds: new Set(), notYet: new Set() };
    const md = checkCatalogMarkdown(only);
    expect(md).toContain("| outcome | status | when |\n|---|---|---|\n| `long_enough` | `pass` | max-age ≥ 31536000 |\n| `too_short` | `fail` | max-age < 31536000 |\n| `preload_off` | `info` | preload not asked |");
    expect(md).toContain("| fix | fix \\| it |");
    expect(md).toContain("| judged before apply (plan rule, preview and policy pack) | yes |\n| judged after apply (`launch-ready audit`) | no |");
  });

  it("has the statuses, the exit codes and the three JSON contracts", () => {
    for (const heading of ["## Statuses", "## Exit status", "### `launch-ready audit --json`", "### `launch-ready preview --json`", "### When a command stops early"]) {
      expect(text).toContain(`${heading}\n`);
    }
    expect(text).toContain("| `domains[].checks[].blockedBy` | string | optional |");
    expect(text).toContain("| `errors[].path` | string | optional |");
    expect(text).toContain("| `checks[].status` |");
  });
});
