import { describe, expect, it } from "vitest";
import { targets, targetsTable } from "../../bench/targets";

describe("the bench's targets (bench/targets.ts)", () => {
  const measured = targets({
    preview: 900,
    bareRequire: 1000,
    auditOneHost: 600,
    observatoryOneHost: 1000,
    few: { domains: 50, ms: 3000, rssMiB: 200 },
    many: { domains: 200, ms: 9000, rssMiB: 500 },
  });

  it("takes the per-domain cost as the difference between the two stacks over the extra domains", () => {
    expect(measured.map((r) => [r.measured, r.met])).toEqual([
      [0.9, true],
      [0.6, false],
      [40, false],
      [2, true],
      [3, true],
    ]);
  });

  it("says what it could not measure rather than meeting or missing it", () => {
    const r = targets({ preview: 900, bareRequire: 1000, few: { domains: 50 }, many: { domains: 200 } });
    expect(r[1]).toEqual({ what: expect.stringContaining("Observatory") as string, target: "≤ 0.5×", unit: "×" });
    expect(targetsTable(r)).toContain("| not measured | — |");
  });
});
