import { describe, expect, it } from "vitest";
import { CHECKS } from "../../checklist";
import { listStacks } from "../../config/stack-file";
import { readStack, runStack, STACKS_DIR } from "./support/run-stack";

const EDGE_ROWS = new Set(["ssl-tls", "dns-redirects"]);

describe("every committed stack passes the SSL/TLS and DNS/redirect checks in preview", () => {
  const stacks = listStacks(STACKS_DIR);

  it("includes the example and the www-canonical stacks", () => {
    expect(stacks).toEqual(expect.arrayContaining(["example", "www-canonical"]));
  });

  it.each(stacks)("%s", async (name) => {
    const { run, scorecard } = await runStack(readStack(name), true);
    expect(run.errors).toEqual([]);
    const failing = scorecard.checks.filter((c) => EDGE_ROWS.has(CHECKS[c.id].row) && c.status === "fail");
    expect(failing.map((c) => `${c.id}: ${c.message}`)).toEqual([]);
  });
});
