/** The stack file rewrite: only the adoption fields change; comments, layout and every other value stay. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { editStackFile } from "../../cli/adopt/stack-edit";
import { plannedPhases } from "../../core/adopt";
import { readStackFile } from "../../config/stack-file";
import { validateConfig } from "../../config/validate";
import { PROJECT_DIR } from "../helpers/temp-dir";

const STACKS = join(PROJECT_DIR, "stacks");

describe("editStackFile", () => {
  for (const name of ["example", "www-canonical", "multi-domain", "parked", "custom-sender"]) {
    it(`${name}: writing back what the file already declares leaves it byte for byte`, () => {
      const text = readFileSync(join(STACKS, `Pulumi.${name}.yaml`), "utf8");
      const stack = readStackFile(STACKS, name);
      const spec = validateConfig(stack.config, { secretPaths: stack.secretPaths }).value;
      if (spec === undefined) throw new Error(`${name} is invalid`);
      const edits = spec.domains.flatMap((d, index) =>
        d.cloudflare.zoneId === undefined ? [] : [{ index, zoneId: d.cloudflare.zoneId, adoptRecords: d.cloudflare.adoptRecords, notes: [], rulesetIds: d.cloudflare.rulesetIds, plannedPhases: plannedPhases(d), current: d.cloudflare }],
      );
      const out = editStackFile(text, edits);
      expect(out.unexpected).toEqual([]);
      expect(out.text).toBe(text);
    });
  }

  it("adds a cloudflare section where there is none, and changes nothing else", () => {
    const text = "config:\n  launch-ready:domains:\n    # mine\n    - name: acme.example\n      dnssec: true # signed\n";
    const out = editStackFile(text, [{ index: 0, zoneId: "a".repeat(32), adoptRecords: [{ name: "acme.example", type: "CAA", id: "b".repeat(32), content: '0 issue "pki.goog"' }], notes: ["adopted unchanged"], rulesetIds: {}, plannedPhases: [], current: { adoptRecords: [], rulesetIds: {} } }]);
    expect(out.text).toContain("# mine");
    expect(out.text).toContain("dnssec: true # signed");
    expect(out.text).toContain("# adopted unchanged");
    expect(parse(out.text)).toEqual({ config: { "launch-ready:domains": [{ name: "acme.example", dnssec: true, cloudflare: { zoneId: "a".repeat(32), adoptRecords: [{ name: "acme.example", type: "CAA", id: "b".repeat(32), content: '0 issue "pki.goog"' }] } }] } });
  });

  it("sets imported: false again when something new is adopted after the import step", () => {
    const text = `config:\n  launch-ready:domains:\n    - name: acme.example\n      cloudflare:\n        zoneId: ${"a".repeat(32)}\n        imported: true\n`;
    const out = editStackFile(text, [{ index: 0, zoneId: "a".repeat(32), adoptRecords: [], notes: [], rulesetIds: { http_request_dynamic_redirect: "c".repeat(32) }, plannedPhases: ["http_request_dynamic_redirect"], current: { zoneId: "a".repeat(32), adoptRecords: [], rulesetIds: {}, imported: true } }]);
    expect(parse(out.text)).toMatchObject({ config: { "launch-ready:domains": [{ cloudflare: { imported: false, rulesetIds: { http_request_dynamic_redirect: "c".repeat(32) } } }] } });
  });
});
